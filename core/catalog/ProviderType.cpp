#include "core/catalog/ProviderType.h"

#include <QHostAddress>

#include <array>
#include <utility>

namespace gatehouse::providerType {

namespace {

struct TypeInfo
{
    ProviderType type;
    const char* name;
    const char* baseUrl;
};

constexpr std::array<TypeInfo, 6> kTypes {{
    {ProviderType::OpenAi, "openai", "https://api.openai.com/v1"},
    {ProviderType::Anthropic, "anthropic", "https://api.anthropic.com"},
    {ProviderType::Gemini, "gemini", "https://generativelanguage.googleapis.com"},
    {ProviderType::Mistral, "mistral", "https://api.mistral.ai/v1"},
    {ProviderType::Ollama, "ollama", "http://localhost:11434"},
    {ProviderType::OpenAiCompatible, "openai-compatible", ""},
}};

const TypeInfo& info(ProviderType type)
{
    for (const TypeInfo& entry : kTypes) {
        if (entry.type == type)
            return entry;
    }
    return kTypes.back();
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1StringView(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString name(ProviderType type)
{
    return QString::fromLatin1(info(type).name);
}

Result<ProviderType> parse(QStringView text, QStringView field)
{
    const QString wanted = text.trimmed().toString().toLower();
    if (wanted.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("is required (one of %1)").arg(allNames().join(u", ")));
    for (const TypeInfo& entry : kTypes) {
        if (wanted == QLatin1StringView(entry.name))
            return entry.type;
    }
    return Error::invalid(field.toString(),
        QStringLiteral("\"%1\" is not a provider type (one of %2)").arg(text.toString(), allNames().join(u", ")));
}

QStringList allNames()
{
    QStringList names;
    for (const TypeInfo& entry : kTypes)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

QUrl defaultBaseUrl(ProviderType type)
{
    const char* url = info(type).baseUrl;
    return *url ? QUrl(QString::fromLatin1(url)) : QUrl();
}

bool takesKey(ProviderType type)
{
    return type != ProviderType::Ollama;
}

bool requiresKey(ProviderType type, const QUrl& baseUrl)
{
    // openai-compatible servers are often local (vLLM, llama.cpp) and take no key; a hosted one does.
    if (!takesKey(type))
        return false;
    return !isLoopbackHost(baseUrl.host());
}

} // namespace gatehouse::providerType

#include "core/ai/OpenAiPassthrough.h"

#include "core/ai/BufferedTranslator.h"
#include "core/ai/OpenAiStreamTranslator.h"
#include "core/ai/TokenCount.h"

#include <QJsonDocument>

namespace gatehouse {

OpenAiPassthrough::OpenAiPassthrough(bool addStreamUsageOption)
    : m_addStreamUsageOption(addStreamUsageOption)
{ }

QJsonObject OpenAiPassthrough::upstreamJson(const ChatRequest& request, const QString& model) const
{
    QJsonObject json = request.json();
    json.insert(QStringLiteral("model"), model);
    if (request.stream() && m_addStreamUsageOption) {
        QJsonObject options = json.value(QStringLiteral("stream_options")).toObject();
        options.insert(QStringLiteral("include_usage"), true);
        json.insert(QStringLiteral("stream_options"), options);
    }
    return json;
}

Result<UpstreamRequest> OpenAiPassthrough::buildUpstreamRequest(
    const ChatRequest& request, const AiTarget& target) const
{
    UpstreamRequest upstream;
    upstream.path = target.basePath + QByteArrayLiteral("/chat/completions");
    upstream.headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    if (!target.apiKey.isEmpty())
        upstream.headers.append({QByteArrayLiteral("authorization"), QByteArrayLiteral("Bearer ") + target.apiKey});
    if (request.stream())
        upstream.headers.append({QByteArrayLiteral("accept"), QByteArrayLiteral("text/event-stream")});
    upstream.body = QJsonDocument(upstreamJson(request, target.model)).toJson(QJsonDocument::Compact);
    return upstream;
}

std::unique_ptr<ResponseTranslator> OpenAiPassthrough::translator(
    const ChatRequest& request, const AiTarget& target, int upstreamStatus) const
{
    const QString provider = target.providerName.isEmpty() ? QStringLiteral("the provider") : target.providerName;
    if (request.stream() && upstreamStatus >= 200 && upstreamStatus < 300)
        return std::make_unique<OpenAiStreamTranslator>(provider, m_addStreamUsageOption && !request.includeUsage());
    return std::make_unique<BufferedTranslator>(
        upstreamStatus, provider, [](const QByteArray& body, AiUsage& usage) -> Result<QByteArray> {
            const QJsonDocument document = QJsonDocument::fromJson(body);
            if (!document.isObject())
                return Error::runtime(QStringLiteral("the body is not a JSON object"));
            readUsage(document.object().value(QStringLiteral("usage")).toObject(), usage);
            return body; // unchanged
        });
}

void OpenAiPassthrough::readUsage(const QJsonObject& usage, AiUsage& out)
{
    if (usage.isEmpty())
        return;
    out.promptTokens = tokenCount(usage, QLatin1String("prompt_tokens"));
    out.completionTokens = tokenCount(usage, QLatin1String("completion_tokens"));
    out.reported = true;
}

} // namespace gatehouse

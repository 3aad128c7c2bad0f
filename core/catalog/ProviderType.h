#pragma once

#include "core/common/Result.h"

#include <QStringList>
#include <QUrl>

namespace gatehouse {

// The kinds of AI provider Gatehouse speaks to. The type decides the wire format, where the models
// endpoint is, how the key is sent, and the default base URL.
enum class ProviderType {
    OpenAi,
    Anthropic,
    Gemini,
    Mistral,
    Ollama,
    OpenAiCompatible,
};

namespace providerType {

// "openai", "anthropic", "gemini", "mistral", "ollama", "openai-compatible": the names the CLI
// takes and the catalog stores.
QString name(ProviderType type);
Result<ProviderType> parse(QStringView text, QStringView field = u"type");
QStringList allNames();

// The provider's public base URL as its SDKs take it (https://api.openai.com/v1,
// https://api.anthropic.com, ...). Empty for openai-compatible, which has no default.
QUrl defaultBaseUrl(ProviderType type);

// Whether the provider is reached with an API key: Ollama never needs one; the hosted types do,
// unless their base URL points at this machine (a local proxy or server that takes none).
bool takesKey(ProviderType type);
bool requiresKey(ProviderType type, const QUrl& baseUrl);

} // namespace providerType

} // namespace gatehouse

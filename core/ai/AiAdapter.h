#pragma once

#include "core/ai/ChatRequest.h"
#include "core/ai/ResponseTranslator.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

namespace gatehouse {

// Where a chat request goes: the provider's own model name (without the "PROVIDER/" prefix the client used), its
// API key (empty for Ollama and keyless servers) and the path of its base URL, which the upstream path is appended
// to. Base URLs follow each provider's SDK convention: OpenAI-style ones include the version
// (https://api.openai.com/v1, http://localhost:11434/v1), Anthropic's and Gemini's do not
// (https://api.anthropic.com, https://generativelanguage.googleapis.com).
struct AiTarget
{
    QString providerName; // for error messages, e.g. "anthropic" or the provider's configured name
    QString model;
    QByteArray apiKey;
    QByteArray basePath; // e.g. "" or "/v1"; no trailing slash
};

// The request to send upstream. Headers carry the provider's credential in the provider's own header; the caller
// adds Host, Content-Length and its own framing. Never log `headers` unredacted.
struct UpstreamRequest
{
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray path; // absolute path with query, e.g. /v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// Speaks one provider's wire format on behalf of OpenAI Chat Completions clients. Stateless and thread-safe: the
// gateway may hold one per provider type and share it between workers.
class AiAdapter
{
public:
    virtual ~AiAdapter() = default;

    // The adapter for a provider type of issue 6: openai, mistral, ollama, openai-compatible, anthropic, gemini.
    // Null for any other type.
    static std::unique_ptr<AiAdapter> forProviderType(QStringView type);

    // Translates the client's request. An Error is the client's fault (an unsupported feature, malformed tool
    // arguments): answer 400 with OpenAiError::invalidRequest(error).
    virtual Result<UpstreamRequest> buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const = 0;

    // A translator for the upstream's response to that request, made once its status line has arrived.
    virtual std::unique_ptr<ResponseTranslator> translator(
        const ChatRequest& request, const AiTarget& target, int upstreamStatus) const = 0;
};

} // namespace gatehouse

#pragma once

#include "core/ai/AiAdapter.h"

#include <QJsonObject>

namespace gatehouse {

// OpenAI Chat Completions <-> Anthropic Messages API (POST /v1/messages, anthropic-version 2023-06-01).
class AnthropicAdapter : public AiAdapter
{
public:
    // Anthropic requires max_tokens; OpenAI clients usually leave it out. 4096 is the largest output every Claude
    // model accepts (the Claude 3 models stop at 4096), so the default never makes a request invalid, and it is
    // long enough for an ordinary chat answer. Clients that want more say so with max_completion_tokens.
    static constexpr qint64 DefaultMaxTokens = 4096;

    Result<UpstreamRequest> buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const override;
    std::unique_ptr<ResponseTranslator> translator(
        const ChatRequest& request, const AiTarget& target, int upstreamStatus) const override;

    // The pieces, public for tests.
    static Result<QJsonObject> toMessagesRequest(const ChatRequest& request, const QString& model);
    static Result<QByteArray> toChatCompletion(const QByteArray& messagesResponse, AiUsage& usage);
    static QString finishReason(const QString& stopReason);
    // input_tokens plus the cache reads and writes, which Anthropic counts apart and OpenAI includes.
    static qint64 promptTokens(const QJsonObject& usage);
};

} // namespace gatehouse

#pragma once

#include "core/ai/AiAdapter.h"

#include <QJsonObject>

namespace gatehouse {

// OpenAI Chat Completions <-> Gemini API generateContent / streamGenerateContent?alt=sse (v1beta). The key goes in
// the x-goog-api-key header, never in the query string, where access logs along the way would keep it.
class GeminiAdapter : public AiAdapter
{
public:
    Result<UpstreamRequest> buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const override;
    std::unique_ptr<ResponseTranslator> translator(
        const ChatRequest& request, const AiTarget& target, int upstreamStatus) const override;

    // The pieces, public for tests.
    static Result<QJsonObject> toGenerateContentRequest(const ChatRequest& request);
    static QByteArray path(const QString& model, bool stream);
    static Result<QByteArray> toChatCompletion(const QByteArray& response, const QString& model, AiUsage& usage);
    static QString finishReason(const QString& geminiReason, bool hasToolCalls);
    static void readUsage(const QJsonObject& usageMetadata, AiUsage& usage);
};

} // namespace gatehouse

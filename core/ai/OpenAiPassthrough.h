#pragma once

#include "core/ai/AiAdapter.h"

#include <QJsonObject>

namespace gatehouse {

// OpenAI, Mistral, Ollama and other OpenAI-compatible servers already speak Chat Completions: the request goes on
// with only `model` rewritten to the provider's model name and, for streams, stream_options.include_usage switched
// on so the last chunk reports the token counts. The response comes back as it is, except that the usage-only chunk
// the gateway asked for is dropped when the client did not ask for it itself.
class OpenAiPassthrough : public AiAdapter
{
public:
    // Mistral refuses unknown fields (422 "extra inputs are not permitted") and reports usage in its last chunk
    // anyway, so it gets no stream_options.
    explicit OpenAiPassthrough(bool addStreamUsageOption = true);

    Result<UpstreamRequest> buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const override;
    std::unique_ptr<ResponseTranslator> translator(
        const ChatRequest& request, const AiTarget& target, int upstreamStatus) const override;

    // The request body sent upstream. It is re-serialised from the parsed JSON, so the members' order and number
    // spelling may change; the content does not.
    QJsonObject upstreamJson(const ChatRequest& request, const QString& model) const;
    static void readUsage(const QJsonObject& usage, AiUsage& out);

private:
    bool m_addStreamUsageOption;
};

} // namespace gatehouse

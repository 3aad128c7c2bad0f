#pragma once

#include "core/ai/ChatChunkWriter.h"
#include "core/ai/SseStreamTranslator.h"

namespace gatehouse {

// Gemini's streamGenerateContent?alt=sse to chat.completion.chunk events. Each upstream event is a whole
// GenerateContentResponse: the first one brings the role chunk, its text parts become content chunks, each
// functionCall (Gemini sends a call whole) a tool call's start and then its arguments, and a finishReason the
// finish_reason chunk. usageMetadata rides on the last events; the usage chunk (when asked for) and [DONE] follow
// once the upstream body ends, since Gemini has no end-of-stream event. A stream that ends without a finishReason
// was cut off, and one that carries {"error":...} failed: both end with an error event and [DONE].
class GeminiStreamTranslator : public SseStreamTranslator
{
public:
    GeminiStreamTranslator(QString provider, QString model, bool includeUsage);

protected:
    void onEvent(const SseEvent& event, QByteArray& out) override;
    void onEnd(bool sseClean, QByteArray& out) override;

private:
    ChatChunkWriter m_writer;
    bool m_includeUsage;
    bool m_started = false;
    bool m_finished = false; // a finishReason has been passed on
    int m_tools = 0;
};

} // namespace gatehouse

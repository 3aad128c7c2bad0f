#pragma once

#include "core/ai/SseStreamTranslator.h"

namespace gatehouse {

// An OpenAI-style chat completion stream passed through: every event goes to the client as it came (re-framed as
// "data: ...\n\n"), usage is read from the chunk that carries it, and the usage-only chunk (choices empty) is dropped
// when the gateway, not the client, asked for it. A stream that ends without [DONE] was cut off: the client gets
// an error event and [DONE]. An {"error":...} event is passed on and counted as an error.
class OpenAiStreamTranslator : public SseStreamTranslator
{
public:
    OpenAiStreamTranslator(QString provider, bool dropUsageChunk);

protected:
    void onEvent(const SseEvent& event, QByteArray& out) override;
    void onEnd(bool sseClean, QByteArray& out) override;

private:
    bool m_dropUsageChunk;
};

} // namespace gatehouse

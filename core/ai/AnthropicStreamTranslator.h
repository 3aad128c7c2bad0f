#pragma once

#include "core/ai/ChatChunkWriter.h"
#include "core/ai/SseStreamTranslator.h"

#include <QHash>

namespace gatehouse {

// Anthropic's streaming Messages events to chat.completion.chunk events, one for one:
// message_start -> the role chunk; content_block_start of a tool_use -> a tool call's id and name;
// content_block_delta text_delta -> content, input_json_delta -> argument fragments; message_delta -> the
// finish_reason chunk (and the output token count); message_stop -> the usage chunk when the client asked for it,
// then [DONE]. ping is dropped; an error event becomes an error event and ends the stream. A stream that ends
// without message_stop was cut off: the client gets an error event and [DONE].
class AnthropicStreamTranslator : public SseStreamTranslator
{
public:
    AnthropicStreamTranslator(QString provider, QString model, bool includeUsage);

protected:
    void onEvent(const SseEvent& event, QByteArray& out) override;
    void onEnd(bool sseClean, QByteArray& out) override;

private:
    ChatChunkWriter m_writer;
    bool m_includeUsage;
    bool m_started = false;
    QHash<int, int> m_toolIndex; // Anthropic content block index -> OpenAI tool call index
    int m_tools = 0;
};

} // namespace gatehouse

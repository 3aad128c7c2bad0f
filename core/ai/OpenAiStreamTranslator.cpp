#include "core/ai/OpenAiStreamTranslator.h"

#include "core/ai/OpenAiError.h"
#include "core/ai/OpenAiPassthrough.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

namespace {

void appendEvent(QByteArray& out, const SseEvent& event)
{
    if (!event.event.isEmpty())
        out += QByteArrayLiteral("event: ") + event.event + '\n';
    qsizetype start = 0;
    while (true) {
        const qsizetype newline = event.data.indexOf('\n', start);
        out += QByteArrayLiteral("data: ");
        if (newline < 0) {
            out += QByteArrayView(event.data).sliced(start);
            out += '\n';
            break;
        }
        out += QByteArrayView(event.data).sliced(start, newline - start);
        out += '\n';
        start = newline + 1;
    }
    out += '\n';
}

} // namespace

OpenAiStreamTranslator::OpenAiStreamTranslator(QString provider, bool dropUsageChunk)
    : SseStreamTranslator(std::move(provider))
    , m_dropUsageChunk(dropUsageChunk)
{ }

void OpenAiStreamTranslator::onEvent(const SseEvent& event, QByteArray& out)
{
    if (event.data == "[DONE]") {
        endWithDone(out);
        return;
    }
    // Only chunks that may carry usage or an error are parsed; with include_usage every other chunk says
    // "usage":null, which a substring test rules out without building a JSON tree for each token.
    const bool mayHaveUsage = event.data.contains("\"usage\"") && !event.data.contains("\"usage\":null");
    const bool mayBeError = event.data.contains("\"error\"");
    if (mayHaveUsage || mayBeError) {
        const QJsonObject chunk = QJsonDocument::fromJson(event.data).object();
        if (chunk.value(QStringLiteral("error")).isObject()) {
            const OpenAiError::UpstreamError error = OpenAiError::parseUpstreamError(event.data);
            setError(error.message.isEmpty() ? QStringLiteral("%1 reported an error mid-stream").arg(m_provider)
                                             : error.message);
            appendEvent(out, event);
            return;
        }
        if (chunk.value(QStringLiteral("usage")).isObject()) {
            OpenAiPassthrough::readUsage(chunk.value(QStringLiteral("usage")).toObject(), m_usage);
            if (m_dropUsageChunk && chunk.value(QStringLiteral("choices")).toArray().isEmpty())
                return;
        }
    }
    appendEvent(out, event);
}

void OpenAiStreamTranslator::onEnd(bool sseClean, QByteArray& out)
{
    Q_UNUSED(sseClean);
    // [DONE] ends the client's stream itself; reaching here means it never came. An error event already passed on
    // explains the end, so it needs no second one.
    if (isError()) {
        endWithDone(out);
        return;
    }
    endWithError(out, QStringLiteral("%1 ended the stream before the answer was complete").arg(m_provider),
        "upstream_error", QStringLiteral("stream_truncated"));
}

} // namespace gatehouse

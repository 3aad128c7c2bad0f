#include "core/ai/SseStreamTranslator.h"

#include "core/ai/ChatChunkWriter.h"

namespace gatehouse {

SseStreamTranslator::SseStreamTranslator(QString provider)
    : m_provider(std::move(provider))
{ }

QByteArray SseStreamTranslator::feed(QByteArrayView upstreamBytes)
{
    QByteArray out;
    if (m_ended)
        return out;
    const QList<SseEvent> events = m_parser.feed(upstreamBytes);
    for (const SseEvent& event : events) {
        onEvent(event, out);
        if (m_ended)
            break;
    }
    return out;
}

QByteArray SseStreamTranslator::finish()
{
    QByteArray out;
    if (m_ended)
        return out;
    onEnd(m_parser.finish(), out);
    if (!m_ended)
        endWithDone(out);
    return out;
}

QByteArray SseStreamTranslator::fail(const QString& reason)
{
    QByteArray out;
    if (m_ended)
        return out;
    m_parser.finish();
    endWithError(
        out, QStringLiteral("%1 failed in the middle of the stream: %2").arg(m_provider, reason), "upstream_error");
    return out;
}

void SseStreamTranslator::endWithError(
    QByteArray& out, const QString& message, QByteArrayView type, const QString& code)
{
    setError(message);
    out += ChatChunkWriter::error(message, type, code);
    endWithDone(out);
}

void SseStreamTranslator::endWithDone(QByteArray& out)
{
    out += ChatChunkWriter::done();
    m_ended = true;
}

} // namespace gatehouse

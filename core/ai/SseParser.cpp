#include "core/ai/SseParser.h"

namespace gatehouse {

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    qsizetype pos = 0;
    const qsizetype size = bytes.size();
    if (m_skipLf && size > 0) {
        m_skipLf = false;
        if (bytes[0] == '\n')
            pos = 1;
    }
    while (pos < size) {
        // Find the next CR or LF; everything before it belongs to the current line.
        qsizetype end = pos;
        while (end < size && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        if (end == size) {
            m_line.append(bytes.sliced(pos));
            break;
        }
        if (m_line.isEmpty()) {
            processLine(bytes.sliced(pos, end - pos), out);
        } else {
            m_line.append(bytes.sliced(pos, end - pos));
            processLine(m_line, out);
            m_line.clear();
        }
        if (bytes[end] == '\r') {
            if (end + 1 < size) {
                if (bytes[end + 1] == '\n')
                    ++end;
            } else {
                m_skipLf = true;
            }
        }
        pos = end + 1;
    }
    return out;
}

bool SseParser::finish()
{
    const bool clean = m_line.isEmpty() && !m_pendingFields;
    m_line.clear();
    m_event.clear();
    m_data.clear();
    m_hasData = false;
    m_pendingFields = false;
    m_skipLf = false;
    return clean;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent>& out)
{
    if (!m_bomChecked) {
        m_bomChecked = true;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        // Dispatch. An event without data lines is not dispatched, but its type is reset all the same.
        if (m_hasData) {
            out.append(SseEvent {m_event, m_data, m_lastId});
            ++m_dispatched;
        }
        m_event.clear();
        m_data.clear();
        m_hasData = false;
        m_pendingFields = false;
        return;
    }
    if (line[0] == ':')
        return; // a comment, often a keep-alive
    QByteArrayView name = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        name = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value[0] == ' ')
            value = value.sliced(1);
    }
    m_pendingFields = true;
    if (name == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (name == "event") {
        m_event = value.toByteArray();
    } else if (name == "id") {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    }
    // "retry" and unknown fields are ignored.
}

} // namespace gatehouse

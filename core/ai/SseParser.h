#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace gatehouse {

// One dispatched server-sent event. `data` is the event's data lines joined with "\n" (no trailing newline).
struct SseEvent
{
    QByteArray event; // the "event:" field; empty means the default type, "message"
    QByteArray data;
    QByteArray id;
};

// An incremental text/event-stream parser (the WHATWG HTML "event stream interpretation"): fields event, data
// (several data lines are joined with "\n"), id and retry (ignored), comment lines, and lines ended by CRLF, LF or CR.
// Bytes may arrive split anywhere, including between the CR and LF of one line end and inside a UTF-8 sequence:
// the parser works on bytes and only ever cuts at CR or LF, so a multi-byte character is never torn apart. Each byte
// is scanned once; a partial line waits in a buffer until its end arrives.
class SseParser
{
public:
    // Parses `bytes` and returns the events they completed, in order.
    QList<SseEvent> feed(QByteArrayView bytes);
    // The stream ended. A final event without its blank line is discarded, as the standard says; true when nothing
    // was left over (no partial line or pending event), so a caller can tell a cut-off stream from a clean end.
    bool finish();

    qint64 eventsDispatched() const { return m_dispatched; }

private:
    void processLine(QByteArrayView line, QList<SseEvent>& out);

    QByteArray m_line; // a line whose end has not arrived yet
    QByteArray m_event;
    QByteArray m_data;
    QByteArray m_lastId;
    bool m_hasData = false;
    bool m_pendingFields = false; // some field of an undispatched event was seen
    bool m_skipLf = false; // the previous chunk ended with CR: an LF at the start of the next one is its pair
    bool m_bomChecked = false;
    qint64 m_dispatched = 0;
};

} // namespace gatehouse

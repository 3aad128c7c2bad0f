#include "tests/support/upstreams/ChunkedDecoder.h"

#include <QByteArrayView>

namespace gatehouse::test {

namespace {

// Generous for chunk extensions, small enough that garbage is refused instead of buffered forever.
constexpr qsizetype MaxLineLength = 4096;

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

void ChunkedDecoder::reset()
{
    m_stage = Stage::Size;
    m_remaining = 0;
}

ChunkedDecoder::Status ChunkedDecoder::decode(QByteArray& in, QByteArray& out)
{
    // Work with an offset and trim `in` once at the end: removing from the front per chunk would
    // make large bodies quadratic.
    qsizetype pos = 0;
    Status status = Status::NeedMore;
    while (status == Status::NeedMore) {
        if (m_stage == Stage::Done) {
            status = Status::Done;
            break;
        }
        if (m_stage == Stage::Data) {
            const qsizetype available = in.size() - pos;
            if (available == 0)
                break;
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, available));
            out.append(in.constData() + pos, take);
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_stage = Stage::DataEnd;
            continue;
        }
        if (m_stage == Stage::DataEnd) {
            if (in.size() - pos < 2)
                break;
            if (in.at(pos) != '\r' || in.at(pos + 1) != '\n') {
                status = Status::Error;
                break;
            }
            pos += 2;
            m_stage = Stage::Size;
            continue;
        }
        // Stage::Size or Stage::Trailer: both consume one CRLF-terminated line.
        const qsizetype end = in.indexOf("\r\n", pos);
        if (end < 0) {
            if (in.size() - pos > MaxLineLength)
                status = Status::Error;
            break;
        }
        const QByteArrayView line(in.constData() + pos, end - pos);
        pos = end + 2;
        if (m_stage == Stage::Trailer) {
            if (line.isEmpty())
                m_stage = Stage::Done;
            continue;
        }
        qint64 size = 0;
        qsizetype digits = 0;
        for (; digits < line.size(); ++digits) {
            const int digit = hexDigit(line.at(digits));
            if (digit < 0)
                break;
            if (digits >= 15) {
                status = Status::Error; // would overflow qint64
                break;
            }
            size = size * 16 + digit;
        }
        if (status == Status::Error)
            break;
        // Only a chunk extension may follow the size; anything else (a bare LF, spaces, junk) is
        // a framing error we want the test to see.
        if (digits == 0 || (digits < line.size() && line.at(digits) != ';')) {
            status = Status::Error;
            break;
        }
        if (size == 0) {
            m_stage = Stage::Trailer;
        } else {
            m_remaining = size;
            m_stage = Stage::Data;
        }
    }
    in.remove(0, pos);
    return status;
}

} // namespace gatehouse::test

#include "core/gateway/HttpLineScanner.h"

#include <cstring>

namespace gatehouse::gateway {

void HttpLineScanner::start(Mode mode, qsizetype limit)
{
    m_mode = mode;
    m_state = State::LineStart;
    m_limit = limit;
    m_count = 0;
    m_lineEmpty = true;
    // Only the head has a start line; in a trailer section every line is a field line.
    m_sawStartLine = mode != Mode::Head;
}

bool HttpLineScanner::foldingForbidden() const
{
    // A field line that starts with SP or HTAB is obsolete line folding (RFC 9112 5.2), and whitespace
    // between the start line and the first field line must be rejected too (RFC 9112 2.2).
    return (m_mode == Mode::Head || m_mode == Mode::Trailers) && m_sawStartLine;
}

bool HttpLineScanner::completeLine()
{
    const bool empty = m_lineEmpty;
    m_state = State::LineStart;
    m_lineEmpty = true;
    switch (m_mode) {
    case Mode::Head:
        if (!empty) {
            m_sawStartLine = true;
            return false;
        }
        // Empty lines before the request line are tolerated (RFC 9112 2.2), as llhttp does.
        return m_sawStartLine;
    case Mode::Trailers:
        return empty;
    case Mode::ChunkSize:
    case Mode::ChunkEnd:
        return true;
    }
    return true;
}

HttpLineScanner::Step HttpLineScanner::scan(QByteArrayView data)
{
    const char* const bytes = data.data();
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        // Bytes this section may still take from `data` before it is too long.
        const qsizetype room = m_limit < 0 ? size - i : qMin(size - i, m_limit - m_count);
        if (room <= 0)
            return {i, Status::Error, Fault::TooLong};
        const char c = bytes[i];
        switch (m_state) {
        case State::AfterCr:
            if (c != '\n')
                return {i, Status::Error, Fault::BareCr};
            ++i;
            ++m_count;
            if (completeLine())
                return {i, Status::Done, Fault::None};
            break;
        case State::LineStart:
            if ((c == ' ' || c == '\t') && foldingForbidden())
                return {i, Status::Error, Fault::ObsoleteFolding};
            if (m_mode == Mode::ChunkEnd && c != '\r')
                return {i, Status::Error, Fault::NotEmpty};
            m_state = State::InLine;
            [[fallthrough]];
        case State::InLine: {
            // The common case: run to the next CR or LF without per-byte state changes. memchr() looks at
            // many bytes an instruction; the LF is looked for only before the CR, where a line's end must be.
            const qsizetype stop = i + room;
            const auto* cr = static_cast<const char*>(std::memchr(bytes + i, '\r', size_t(room)));
            const qsizetype crAt = cr ? cr - bytes : stop;
            const auto* lf = static_cast<const char*>(std::memchr(bytes + i, '\n', size_t(crAt - i)));
            const qsizetype j = lf ? lf - bytes : crAt;
            if (j > i)
                m_lineEmpty = false;
            m_count += j - i;
            i = j;
            if (i == stop)
                break;
            if (bytes[i] == '\n')
                return {i, Status::Error, Fault::BareLf};
            m_state = State::AfterCr;
            ++i;
            ++m_count;
            break;
        }
        }
    }
    return {i, Status::NeedMore, Fault::None};
}

} // namespace gatehouse::gateway

#pragma once

#include <QByteArrayView>

namespace gatehouse::gateway {

// Checks the line structure of the parts of an HTTP/1.1 message that are made of lines (the head, a
// chunk-size line, the CRLF after chunk data, the trailer section) BEFORE llhttp sees those bytes.
//
// Why: llhttp 8.1 as Debian builds it (loose mode) accepts a bare LF after the start line and at the
// end of the head, obsolete line folding, a bare CR in a chunk-size line, any two bytes after chunk
// data and a bare LF ending the trailers. Each of those lets two parsers disagree about where a
// message ends (request smuggling), so the gateway refuses them. The scanner also finds where the
// section ends, which lets HttpParser hand llhttp exactly that section, and counts its bytes so that
// an oversized head fails before the rest of it arrives.
//
// It allocates nothing and looks at each byte once.
class HttpLineScanner
{
public:
    enum class Mode {
        Head, // optional empty lines, a start line, header lines, an empty line
        Trailers, // header lines, an empty line
        ChunkSize, // one line: chunk size and extensions
        ChunkEnd, // the empty line (CRLF) that must follow chunk data
    };
    enum class Status { NeedMore, Done, Error };
    enum class Fault { None, BareLf, BareCr, ObsoleteFolding, TooLong, NotEmpty };

    struct Step
    {
        // Bytes of `data` that belong to the section and are valid: through the final LF when Done,
        // up to (not including) the offending byte on Error, everything on NeedMore.
        qsizetype consumed = 0;
        Status status = Status::NeedMore;
        Fault fault = Fault::None;
    };

    // Starts a new section. `limit` caps its size in bytes (-1: no cap); one more byte is Fault::TooLong.
    void start(Mode mode, qsizetype limit);
    Step scan(QByteArrayView data);
    // Changes the cap of the section in progress, e.g. when the connection learns its limits late.
    void setLimit(qsizetype limit) { m_limit = limit; }

    Mode mode() const { return m_mode; }
    qsizetype count() const { return m_count; }

private:
    enum class State { LineStart, InLine, AfterCr };

    bool completeLine(); // true when the CRLF just seen ends the section
    bool foldingForbidden() const;

    Mode m_mode = Mode::Head;
    State m_state = State::LineStart;
    qsizetype m_limit = -1;
    qsizetype m_count = 0;
    bool m_lineEmpty = true;
    bool m_sawStartLine = false;
};

} // namespace gatehouse::gateway

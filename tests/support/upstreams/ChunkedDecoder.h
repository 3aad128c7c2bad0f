#pragma once

#include <QByteArray>

namespace gatehouse::test {

// Incremental decoder for the chunked transfer coding (RFC 9112 section 7.1). Both fixtures need
// it in pieces: the upstream reads chunked request bodies as they trickle in, and RawHttpClient
// hands SSE chunks to a test one at a time while the response is still open.
class ChunkedDecoder
{
public:
    enum class Status { NeedMore, Done, Error };

    // Consumes what it can from the front of `in` and appends the decoded payload to `out`.
    // Bytes after the terminating chunk and trailer stay in `in` (they belong to the next message).
    Status decode(QByteArray& in, QByteArray& out);
    void reset();

private:
    enum class Stage { Size, Data, DataEnd, Trailer, Done };

    Stage m_stage = Stage::Size;
    qint64 m_remaining = 0;
};

} // namespace gatehouse::test

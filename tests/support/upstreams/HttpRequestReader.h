#pragma once

#include "tests/support/upstreams/ChunkedDecoder.h"
#include "tests/support/upstreams/LoopbackUpstream.h"

namespace gatehouse::test {

// Reads HTTP/1.1 requests, one after another, from a connection's input buffer: the request line,
// fields up to the empty line, then a Content-Length or chunked body. It keeps its place between
// calls, so a body may arrive in any number of pieces and pipelined requests stay queued in the
// buffer until the connection asks for the next one.
class HttpRequestReader
{
public:
    enum class Status { NeedMore, Complete, Error };

    // Consumes bytes of the current request from the front of `in`. After Complete, take the
    // request with takeRequest() before reading again; after Error the connection is unusable.
    Status read(QByteArray& in);
    LoopbackUpstream::ReceivedRequest takeRequest();

    bool headComplete() const { return m_stage != Stage::Head; }
    bool expectsContinue() const { return m_expectContinue; }
    bool keepAlive() const { return m_keepAlive; }

private:
    enum class Stage { Head, LengthBody, ChunkedBody, Complete };

    Status parseHead(QByteArrayView head);

    Stage m_stage = Stage::Head;
    LoopbackUpstream::ReceivedRequest m_request;
    ChunkedDecoder m_chunked;
    qint64 m_remaining = 0;
    bool m_expectContinue = false;
    bool m_keepAlive = true;
};

} // namespace gatehouse::test

#pragma once

#include "core/gateway/HttpLineScanner.h"
#include "core/gateway/HttpParseError.h"

namespace gatehouse::gateway {

// What HttpParser reports for each way a message can be malformed: the status, code and sentence of llhttp's
// errors and HttpLineScanner's faults. Request-side statuses; the parser reports 502 for any upstream response.
class HttpParseErrors
{
public:
    // `llhttpErrno`: an llhttp_errno_t. `inChunkedBody`: the parser was in a chunk-size line, a chunk's data or
    // the CRLF after it, where an error llhttp does not name is a malformed chunk.
    static HttpParseError fromLlhttp(int llhttpErrno, bool inChunkedBody);
    // `chunkLine`: the fault is in a chunk-size line or the CRLF after chunk data. `maxHeaderBytes`: the limit a
    // TooLong head went over.
    static HttpParseError fromScanner(HttpLineScanner::Fault fault, bool chunkLine, qsizetype maxHeaderBytes);
    static HttpParseError bodyTooLarge(qint64 maxBodyBytes);
};

} // namespace gatehouse::gateway

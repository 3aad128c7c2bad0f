#include "core/gateway/HttpParseErrors.h"

#include <llhttp.h>

namespace gatehouse::gateway {

namespace {

HttpParseError error(int status, const char* code, QString message)
{
    return HttpParseError {status, QByteArray(code), std::move(message)};
}

} // namespace

HttpParseError HttpParseErrors::fromLlhttp(int llhttpErrno, bool inChunkedBody)
{
    switch (llhttp_errno_t(llhttpErrno)) {
    case HPE_INVALID_HEADER_TOKEN:
    case HPE_UNEXPECTED_SPACE:
        return error(400, "invalid_header", QStringLiteral("A header field is malformed."));
    case HPE_INVALID_CONTENT_LENGTH:
    case HPE_UNEXPECTED_CONTENT_LENGTH:
        return error(400, "bad_content_length",
            QStringLiteral("The Content-Length header is malformed, repeated or combined with Transfer-Encoding."));
    case HPE_INVALID_TRANSFER_ENCODING:
        return error(400, "bad_transfer_encoding",
            QStringLiteral("The Transfer-Encoding header is not supported: chunked must be the final coding."));
    case HPE_INVALID_CHUNK_SIZE:
        return error(400, "bad_chunk", QStringLiteral("The chunked body is malformed."));
    case HPE_INVALID_METHOD:
        return error(400, "invalid_method", QStringLiteral("The request method is malformed."));
    case HPE_INVALID_URL:
        return error(400, "invalid_target", QStringLiteral("The request target is malformed."));
    case HPE_INVALID_VERSION:
        return error(400, "invalid_version", QStringLiteral("The HTTP version is malformed."));
    case HPE_INVALID_STATUS:
        return error(400, "invalid_status", QStringLiteral("The status line is malformed."));
    case HPE_PAUSED_UPGRADE:
        // Unreachable: HttpParser's headersComplete() clears llhttp's upgrade flag and refuses CONNECT and 101.
        return error(400, "unsupported_upgrade", QStringLiteral("Protocol upgrades are not supported."));
    default:
        break;
    }
    if (inChunkedBody)
        return error(400, "bad_chunk", QStringLiteral("The chunked body is malformed."));
    return error(400, "bad_request", QStringLiteral("The message is not valid HTTP/1.1."));
}

HttpParseError HttpParseErrors::fromScanner(HttpLineScanner::Fault fault, bool chunkLine, qsizetype maxHeaderBytes)
{
    if (chunkLine) {
        return error(
            400, "bad_chunk", QStringLiteral("The chunked body is malformed: a chunk line does not end with CRLF."));
    }
    switch (fault) {
    case HttpLineScanner::Fault::ObsoleteFolding:
        return error(400, "obsolete_line_folding",
            QStringLiteral("A header line starts with whitespace (obsolete line folding), which is not accepted."));
    case HttpLineScanner::Fault::TooLong:
        return error(431, "header_too_large",
            QStringLiteral("The header section exceeds the limit of ") % QString::number(maxHeaderBytes)
                % QStringLiteral(" bytes."));
    case HttpLineScanner::Fault::BareLf:
        return error(400, "invalid_line_ending", QStringLiteral("A line ends with a bare LF instead of CRLF."));
    case HttpLineScanner::Fault::BareCr:
    case HttpLineScanner::Fault::NotEmpty:
    case HttpLineScanner::Fault::None:
        break;
    }
    return error(400, "invalid_line_ending", QStringLiteral("A CR is not followed by LF."));
}

HttpParseError HttpParseErrors::bodyTooLarge(qint64 maxBodyBytes)
{
    return error(413, "body_too_large",
        QStringLiteral("The body exceeds the limit of ") % QString::number(maxBodyBytes) % QStringLiteral(" bytes."));
}

} // namespace gatehouse::gateway

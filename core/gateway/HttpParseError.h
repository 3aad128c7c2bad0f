#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse::gateway {

// Why a message was refused. Request parsing answers with `status` and a JSON body built from `code` and
// `message`; response parsing reports 502, since then it is the upstream that broke the protocol.
struct HttpParseError
{
    int status = 400; // HTTP status the gateway should answer with: 400, 413, 431, 505 (requests) or 502 (responses)
    // Short machine code: "obsolete_line_folding", "invalid_line_ending", "header_too_large", "body_too_large",
    // "invalid_header", "bad_content_length", "bad_transfer_encoding", "bad_chunk", "invalid_method",
    // "invalid_target", "invalid_version", "unsupported_version", "unsupported_method", "invalid_status",
    // "unsupported_upgrade", "truncated", "bad_request"
    QByteArray code;
    QString message; // one English sentence for the JSON error body
};

} // namespace gatehouse::gateway

#pragma once

#include "core/gateway/HttpHeaders.h"

#include <QByteArray>
#include <QtGlobal>

namespace gatehouse::gateway {

// A client's request line and header fields, delivered once the head is complete.
struct HttpRequestHead
{
    QByteArray method; // "GET"
    QByteArray target; // raw request-target, e.g. "/billing/x?y=1"
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    bool keepAlive = true; // from llhttp_should_keep_alive at headers complete
    bool chunked = false; // Transfer-Encoding: chunked
    qint64 contentLength = -1; // -1 when absent

    bool expectsBody() const { return chunked || contentLength > 0; }
};

// An upstream's final status line and header fields (interim 1xx responses are never delivered).
struct HttpResponseHead
{
    int status = 0;
    QByteArray reason;
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    bool keepAlive = true;
    bool chunked = false;
    qint64 contentLength = -1; // as sent, even when noBody: a HEAD response announces the GET's length
    // No body follows whatever the headers say: the request was HEAD (expectNoBody), or the status is 204 or 304.
    bool noBody = false;
};

} // namespace gatehouse::gateway

#pragma once

#include "core/gateway/HttpHeaders.h"
#include "core/gateway/HttpMessageHead.h"
#include "core/gateway/HttpParseError.h"
#include "core/gateway/HttpParserListener.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <memory>

namespace gatehouse::gateway {

// Size limits of HttpParser, spelled HttpParser::Limits. Declared outside the class because a nested struct
// with default member initializers cannot serve as a default argument inside its enclosing class.
struct HttpParserLimits
{
    qsizetype maxHeaderBytes = 16 * 1024; // request/status line + all header lines; also caps trailers
    qint64 maxBodyBytes = -1; // -1 unlimited; checked against Content-Length and against streamed bytes
};

// HTTP/1.1 parsing for client requests and upstream responses: llhttp 8 with every lenient flag off,
// plus the checks llhttp 8.1 lacks in the loose mode Debian builds (see HttpLineScanner): bare LF and bare
// CR anywhere in the framing, obsolete line folding, whitespace before a colon, unchecked chunk-data
// terminators, Content-Length above 2^63-1, HTTP versions other than 1.0 and 1.1.
//
// Head fields are collected as raw bytes; body bytes are handed to the listener as views into the fed
// buffer, so nothing is copied per byte and no body is ever buffered whole.
//
// Requests: CONNECT is refused (400 "unsupported_method"): the gateway is no tunnel. A request carrying
// Upgrade is parsed as an ordinary request and the bytes after it as the next request, because the
// gateway never answers 101; the proxy drops the hop-by-hop Upgrade and Connection fields.
// Responses: interim 1xx responses (100 Continue, 103 Early Hints) are skipped, never delivered; a
// 101 Switching Protocols is an error, since the gateway never asks for an upgrade.
// After a message that ends the connection (Connection: close, HTTP/1.0 without keep-alive, a body
// read until close), further bytes are consumed and discarded, as llhttp does.
class HttpParser
{
public:
    enum class Mode { Request, Response };
    using Limits = HttpParserLimits;

    HttpParser(Mode mode, HttpParserListener& listener, Limits limits = {});
    ~HttpParser();
    HttpParser(const HttpParser&) = delete;
    HttpParser& operator=(const HttpParser&) = delete;

    Mode mode() const;
    Limits limits() const;
    // E.g. the per-API body limit known only after routing; may be called from onRequestHead, whose
    // return is followed by the Content-Length check (413 "body_too_large" from that feed()).
    void setLimits(Limits limits);

    // Feeds bytes. Returns the number of bytes consumed. Parsing PAUSES after each complete message
    // (pipelining: the connection answers in order): then consumed < data.size() possibly, and isPaused()
    // is true; call resume() and feed the rest later. While paused, feed() consumes nothing.
    // On error returns consumed so far and error() is set; after an error the parser stays failed and
    // feed() consumes nothing.
    qsizetype feed(QByteArrayView data);
    void resume();
    bool isPaused() const;
    bool hasError() const;
    const HttpParseError& error() const;

    // Response mode: the request was HEAD: no body follows, whatever the headers say. Applies to the
    // next final response and is cleared when it completes. (1xx, 204 and 304 need no call.)
    void expectNoBody(bool noBody);
    // Response mode: the upstream closed the connection; completes a read-until-close body (llhttp_finish).
    // Returns false if the message was truncated (then error() is "truncated"). Also usable in request mode.
    bool finish();
    // Some bytes of a message were consumed and it is not complete (e.g. for 408 vs silent close). Stays
    // true across an interim 1xx response, since the final response is still owed.
    bool isMidMessage() const;
    bool headersComplete() const; // the current message's head has been delivered

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::gateway

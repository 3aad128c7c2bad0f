#include "core/gateway/HttpParser.h"

#include "core/common/AsciiTable.h"
#include "core/gateway/HttpLineScanner.h"
#include "core/gateway/HttpParseErrors.h"
#include "core/gateway/HttpResponses.h"

#include <llhttp.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace gatehouse::gateway {

namespace {

// A chunk-size line holds a hexadecimal size and optional extensions; nothing legitimate comes near this,
// and without a cap a client could stream one endless line that no other limit sees.
constexpr qsizetype kMaxChunkLineBytes = 4096;
constexpr quint64 kMaxInt64 = quint64(std::numeric_limits<qint64>::max());
// The header storage a parser keeps between messages (see messageBegin()); a typical head needs under 1 KiB.
constexpr qsizetype kKeptHeaderBytes = 4096;

// Where the parser is inside the current message. The line-structured parts go through HttpLineScanner
// before llhttp sees them; body bytes go to llhttp directly.
enum class Phase {
    Head, // start line and header fields (scanned)
    Body, // Content-Length or read-until-close body (llhttp alone)
    ChunkSize, // a chunk-size line (scanned)
    ChunkData, // the bytes of one chunk (llhttp alone, fed exactly the chunk)
    ChunkEnd, // the CRLF after chunk data (scanned: llhttp 8.1 skips any two bytes there)
    Trailers, // the trailer section after the last chunk (scanned)
    Closed, // a message that ends the connection was complete; later bytes are discarded
};

// RFC 9110 5.6.2 tchar: the only bytes a field name may hold. llhttp 8.1 lets whitespace before the colon
// through as part of the name ("Host "), which would let a second parser see a different field.
// A table, because every byte of every header name of every message passes through here.
constexpr std::array<bool, 256> kTchar = asciiAlphanumericsAnd("!#$%&'*+-.^_`|~");

inline bool isTchar(char c)
{
    return kTchar[static_cast<unsigned char>(c)];
}

} // namespace

struct HttpParser::Private
{
    Private(Mode mode, HttpParserListener& listener, Limits limits);

    static Private* self(llhttp_t* parser) { return static_cast<Private*>(parser->data); }
    static const llhttp_settings_t& settings();

    qsizetype execute(QByteArrayView bytes);
    void enterPhase(Phase next);
    int fail(int requestStatus, const char* code, QString message);
    // The error of HttpParseErrors, as fail() records it.
    int fail(HttpParseError mapped);
    int failBodyTooLarge();
    void failFromLlhttp(llhttp_errno_t err);
    void failFromScanner(HttpLineScanner::Fault fault);

    int messageBegin();
    int headerFieldComplete();
    int headerValueComplete();
    int headersComplete();
    int requestHeadComplete(qint64 contentLength, bool chunked);
    int responseHeadComplete(qint64 contentLength, bool chunked);
    int body(const char* at, size_t length);
    int chunkHeader();
    int chunkComplete();
    int messageComplete();

    const Mode mode;
    HttpParserListener& listener;
    Limits limits;
    llhttp_t parser;
    HttpLineScanner scanner;
    Phase phase = Phase::Head;
    quint64 phaseSerial = 0; // counts phase changes, to notice when llhttp did not end a scanned section

    // The message being parsed. Spans from llhttp accumulate here across feeds. field and value are scratch
    // space, copied into headers when complete; they and headers keep their storage from one message to the
    // next (headers gets it back from the listener), so a connection's heads allocate next to nothing.
    QByteArray target;
    // std::string: its append and clear are far cheaper than QByteArray's, and it keeps its capacity.
    std::string reason;
    std::string field;
    std::string value;
    HttpHeaders headers;
    qint64 bodyBytes = 0;
    qint64 chunkRemaining = 0;
    bool inMessage = false;
    bool headDelivered = false;
    bool interim = false; // a 1xx response is being skipped
    bool keepAlive = true;
    bool noBodyNext = false; // expectNoBody()

    bool paused = false;
    bool failed = false;
    bool inFeed = false;
    HttpParseError error;
};

HttpParser::Private::Private(Mode mode, HttpParserListener& listener, Limits limits)
    : mode(mode)
    , listener(listener)
    , limits(limits)
{
    // Every lenient flag stays at llhttp_init's default: off.
    llhttp_init(&parser, mode == Mode::Request ? HTTP_REQUEST : HTTP_RESPONSE, &settings());
    parser.data = this;
    enterPhase(Phase::Head);
}

namespace {

// llhttp hands over each span once when the head arrived in one read, which is the usual case: build
// the array in one exact allocation rather than through append's growth path.
void appendSpan(QByteArray& to, const char* at, size_t length)
{
    if (to.isEmpty())
        to = QByteArray(at, qsizetype(length));
    else
        to.append(at, qsizetype(length));
}

} // namespace

const llhttp_settings_t& HttpParser::Private::settings()
{
    static const llhttp_settings_t instance = [] {
        llhttp_settings_t s;
        llhttp_settings_init(&s);
        s.on_message_begin = [](llhttp_t* p) { return self(p)->messageBegin(); };
        s.on_url = [](llhttp_t* p, const char* at, size_t length) {
            appendSpan(self(p)->target, at, length);
            return 0;
        };
        s.on_status = [](llhttp_t* p, const char* at, size_t length) {
            self(p)->reason.append(at, length);
            return 0;
        };
        s.on_header_field = [](llhttp_t* p, const char* at, size_t length) {
            self(p)->field.append(at, length);
            return 0;
        };
        s.on_header_value = [](llhttp_t* p, const char* at, size_t length) {
            self(p)->value.append(at, length);
            return 0;
        };
        s.on_header_field_complete = [](llhttp_t* p) { return self(p)->headerFieldComplete(); };
        s.on_header_value_complete = [](llhttp_t* p) { return self(p)->headerValueComplete(); };
        s.on_headers_complete = [](llhttp_t* p) { return self(p)->headersComplete(); };
        s.on_body = [](llhttp_t* p, const char* at, size_t length) { return self(p)->body(at, length); };
        s.on_chunk_header = [](llhttp_t* p) { return self(p)->chunkHeader(); };
        s.on_chunk_complete = [](llhttp_t* p) { return self(p)->chunkComplete(); };
        s.on_message_complete = [](llhttp_t* p) { return self(p)->messageComplete(); };
        return s;
    }();
    return instance;
}

qsizetype HttpParser::Private::execute(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return 0;
    const llhttp_errno_t err = llhttp_execute(&parser, bytes.data(), size_t(bytes.size()));
    if (err == HPE_OK)
        return bytes.size();
    const char* stop = llhttp_get_error_pos(&parser);
    const qsizetype used = stop ? std::clamp<qsizetype>(stop - bytes.data(), 0, bytes.size()) : bytes.size();
    if (err == HPE_PAUSED) {
        // Only messageComplete() pauses llhttp. The wrapper keeps its own paused flag (cleared by resume()),
        // so llhttp itself resumes at once and the next message starts where this one stopped.
        llhttp_resume(&parser);
        return used;
    }
    if (!failed)
        failFromLlhttp(err);
    return used;
}

void HttpParser::Private::enterPhase(Phase next)
{
    phase = next;
    ++phaseSerial;
    switch (next) {
    case Phase::Head:
        scanner.start(HttpLineScanner::Mode::Head, limits.maxHeaderBytes);
        break;
    case Phase::Trailers:
        scanner.start(HttpLineScanner::Mode::Trailers, limits.maxHeaderBytes);
        break;
    case Phase::ChunkSize:
        scanner.start(HttpLineScanner::Mode::ChunkSize, kMaxChunkLineBytes);
        break;
    case Phase::ChunkEnd:
        scanner.start(HttpLineScanner::Mode::ChunkEnd, 2);
        break;
    case Phase::Body:
    case Phase::ChunkData:
    case Phase::Closed:
        break;
    }
}

int HttpParser::Private::fail(int requestStatus, const char* code, QString message)
{
    return fail(HttpParseError {requestStatus, QByteArray(code), std::move(message)});
}

int HttpParser::Private::fail(HttpParseError mapped)
{
    if (!failed) {
        failed = true;
        error = std::move(mapped);
        // A malformed upstream response is the gateway's 502, whatever the request-side status would be.
        if (mode == Mode::Response)
            error.status = 502;
    }
    return -1;
}

int HttpParser::Private::failBodyTooLarge()
{
    return fail(HttpParseErrors::bodyTooLarge(limits.maxBodyBytes));
}

void HttpParser::Private::failFromLlhttp(llhttp_errno_t err)
{
    fail(HttpParseErrors::fromLlhttp(
        err, phase == Phase::ChunkSize || phase == Phase::ChunkData || phase == Phase::ChunkEnd));
}

void HttpParser::Private::failFromScanner(HttpLineScanner::Fault fault)
{
    fail(HttpParseErrors::fromScanner(
        fault, phase == Phase::ChunkSize || phase == Phase::ChunkEnd, limits.maxHeaderBytes));
}

int HttpParser::Private::messageBegin()
{
    inMessage = true;
    headDelivered = false;
    target.clear();
    reason.clear();
    field.clear();
    value.clear();
    // Kept unless a large head left it large: an idle connection should not hold on to that.
    if (headers.capacityBytes() > kKeptHeaderBytes)
        headers = HttpHeaders();
    headers.clear();
    headers.reserve(16);
    bodyBytes = 0;
    chunkRemaining = 0;
    return 0;
}

int HttpParser::Private::headerFieldComplete()
{
    if (field.empty() || !std::all_of(field.cbegin(), field.cend(), isTchar))
        return fail(400, "invalid_header",
            QStringLiteral("A header field name is empty or holds a character that is not allowed, such as "
                           "whitespace before the colon."));
    return 0;
}

int HttpParser::Private::headerValueComplete()
{
    // llhttp drops the whitespace before a value but keeps the whitespace after it; neither is part of
    // the value (RFC 9110 5.5).
    qsizetype end = qsizetype(value.size());
    while (end > 0 && (value[size_t(end - 1)] == ' ' || value[size_t(end - 1)] == '\t'))
        --end;
    // Trailer fields (after the head) are checked like header fields, then dropped: the proxy re-frames the body.
    if (!headDelivered)
        headers.append(QByteArrayView(field.data(), qsizetype(field.size())), QByteArrayView(value.data(), end));
    field.clear();
    value.clear();
    return 0;
}

int HttpParser::Private::headersComplete()
{
    qint64 contentLength = -1;
    if (parser.flags & F_CONTENT_LENGTH) {
        // llhttp accepts any value that fits 64 unsigned bits; qint64 (and every peer) stops at 2^63-1.
        if (parser.content_length > kMaxInt64)
            return fail(400, "bad_content_length", QStringLiteral("The Content-Length header is too large."));
        contentLength = qint64(parser.content_length);
    }
    const bool chunked = parser.flags & F_CHUNKED;
    if (parser.http_major != 1 || parser.http_minor > 1)
        return fail(505, "unsupported_version", QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported."));
    return mode == Mode::Request ? requestHeadComplete(contentLength, chunked)
                                 : responseHeadComplete(contentLength, chunked);
}

int HttpParser::Private::requestHeadComplete(qint64 contentLength, bool chunked)
{
    if (parser.method == HTTP_CONNECT)
        return fail(400, "unsupported_method", QStringLiteral("The CONNECT method is not supported."));
    // The gateway never answers 101, so what follows an Upgrade request is the next HTTP request; clearing
    // the flag keeps llhttp from stopping with HPE_PAUSED_UPGRADE after it.
    parser.upgrade = 0;
    keepAlive = llhttp_should_keep_alive(&parser) != 0;
    // llhttp takes an empty Transfer-Encoding for none, and frames the body by Content-Length; a server behind us
    // may read the same bytes as chunked, or wait for a body. Ambiguous framing is refused.
    for (const HttpHeader& header : headers.all()) {
        if (HttpHeaders::namesEqual(header.name, "transfer-encoding") && header.value.trimmed().isEmpty())
            return fail(400, "bad_transfer_encoding", QStringLiteral("The Transfer-Encoding header is empty."));
    }

    HttpRequestHead head;
    // llhttp's method names are string literals: refer to them instead of copying.
    const char* method = llhttp_method_name(llhttp_method_t(parser.method));
    head.method = QByteArray::fromRawData(method, qsizetype(qstrlen(method)));
    head.target = std::exchange(target, QByteArray());
    head.versionMajor = parser.http_major;
    head.versionMinor = parser.http_minor;
    head.headers = std::move(headers);
    head.keepAlive = keepAlive;
    head.chunked = chunked;
    head.contentLength = contentLength;

    headDelivered = true;
    enterPhase(chunked ? Phase::ChunkSize : Phase::Body);
    listener.onRequestHead(std::move(head));
    // The listener copied what it keeps (or moved the fields away): their storage serves the next message.
    headers = std::move(head.headers);
    // After the listener: routing may have set the API's own body limit.
    if (!chunked && limits.maxBodyBytes >= 0 && contentLength > limits.maxBodyBytes)
        return failBodyTooLarge();
    return 0;
}

int HttpParser::Private::responseHeadComplete(qint64 contentLength, bool chunked)
{
    const int status = parser.status_code;
    // llhttp reads "HTTP/1.1 \r\n" as status 0 and takes any three digits: only 100-599 exist (RFC 9110 15).
    if (status < 100 || status > 599)
        return fail(502, "invalid_status", QStringLiteral("The upstream's status code is not between 100 and 599."));
    if (status == 101)
        return fail(502, "unsupported_upgrade",
            QStringLiteral("The upstream switched protocols, which the gateway never asks for."));
    if (status / 100 == 1) {
        // Interim response (100 Continue, 103 Early Hints): skipped; the final response follows. It never
        // has a body, whatever its headers say, so tell llhttp to expect none (return 1).
        interim = true;
        headers.clear();
        reason.clear();
        return 1;
    }
    const bool noBody = noBodyNext || status == 204 || status == 304;
    if (noBody) {
        // What llhttp sets itself when this callback returns 1; set now so that keep-alive sees it.
        parser.flags |= F_SKIPBODY;
    }
    keepAlive = llhttp_should_keep_alive(&parser) != 0;

    HttpResponseHead head;
    head.status = status;
    // Nearly every upstream sends its status's usual phrase: then the head refers to the constant, and a response
    // allocates nothing for it.
    const QByteArray usual = responses::reasonPhrase(status);
    head.reason = QByteArrayView(reason) == usual ? usual : QByteArray(reason.data(), qsizetype(reason.size()));
    head.versionMajor = parser.http_major;
    head.versionMinor = parser.http_minor;
    head.headers = std::move(headers);
    head.keepAlive = keepAlive;
    head.chunked = chunked;
    head.contentLength = contentLength;
    head.noBody = noBody;

    headDelivered = true;
    enterPhase(noBody || !chunked ? Phase::Body : Phase::ChunkSize);
    listener.onResponseHead(std::move(head));
    headers = std::move(head.headers); // as for requests
    if (noBody)
        return 1;
    if (!chunked && limits.maxBodyBytes >= 0 && contentLength > limits.maxBodyBytes)
        return failBodyTooLarge();
    return 0;
}

int HttpParser::Private::body(const char* at, size_t length)
{
    const qint64 size = qint64(length);
    if (limits.maxBodyBytes >= 0 && size > limits.maxBodyBytes - bodyBytes)
        return failBodyTooLarge();
    bodyBytes += size;
    listener.onBody(QByteArrayView(at, size));
    return 0;
}

int HttpParser::Private::chunkHeader()
{
    const quint64 size = parser.content_length;
    if (size == 0) {
        enterPhase(Phase::Trailers);
        return 0;
    }
    if (size > kMaxInt64)
        return fail(400, "bad_chunk", QStringLiteral("The chunked body is malformed: a chunk size is too large."));
    // Refuse as soon as a chunk announces more than the limit leaves, before any of its bytes arrive.
    if (limits.maxBodyBytes >= 0 && qint64(size) > limits.maxBodyBytes - bodyBytes)
        return failBodyTooLarge();
    chunkRemaining = qint64(size);
    enterPhase(Phase::ChunkData);
    return 0;
}

int HttpParser::Private::chunkComplete()
{
    // Called after the CRLF that ends chunk data, and after the trailers for the last chunk.
    if (phase == Phase::ChunkEnd)
        enterPhase(Phase::ChunkSize);
    return 0;
}

int HttpParser::Private::messageComplete()
{
    if (interim) {
        // The end of a skipped 1xx response: the final response is still owed, so the message goes on.
        interim = false;
        enterPhase(Phase::Head);
        return 0;
    }
    inMessage = false;
    headDelivered = false;
    noBodyNext = false;
    enterPhase(keepAlive ? Phase::Head : Phase::Closed);
    // Set before the listener runs, so that it may answer at once and resume() from inside.
    paused = true;
    listener.onMessageComplete();
    return HPE_PAUSED;
}

HttpParser::HttpParser(Mode mode, HttpParserListener& listener, Limits limits)
    : d(std::make_unique<Private>(mode, listener, limits))
{ }

HttpParser::~HttpParser() = default;

HttpParser::Mode HttpParser::mode() const
{
    return d->mode;
}

HttpParser::Limits HttpParser::limits() const
{
    return d->limits;
}

void HttpParser::setLimits(Limits limits)
{
    d->limits = limits;
    if (d->phase == Phase::Head || d->phase == Phase::Trailers)
        d->scanner.setLimit(limits.maxHeaderBytes);
}

qsizetype HttpParser::feed(QByteArrayView data)
{
    Private& p = *d;
    // llhttp cannot be re-entered from its own callbacks: a listener that feeds from inside one gets nothing
    // consumed (and an assertion in debug builds) instead of a corrupted parser.
    Q_ASSERT_X(!p.inFeed, "HttpParser::feed", "must not be called from a listener callback");
    if (p.failed || p.paused || p.inFeed)
        return 0;
    p.inFeed = true;
    qsizetype pos = 0;
    while (pos < data.size() && !p.failed && !p.paused) {
        const qsizetype before = pos;
        const quint64 serialBefore = p.phaseSerial;
        const QByteArrayView rest = data.sliced(pos);
        switch (p.phase) {
        case Phase::Closed:
            pos = data.size();
            break;
        case Phase::Body:
            pos += p.execute(rest);
            break;
        case Phase::ChunkData: {
            // Exactly the chunk's bytes, so that the CRLF after them is scanned before llhttp skips it.
            const qsizetype used = p.execute(rest.first(qsizetype(qMin<qint64>(rest.size(), p.chunkRemaining))));
            pos += used;
            p.chunkRemaining -= used;
            if (!p.failed && p.chunkRemaining == 0)
                p.enterPhase(Phase::ChunkEnd);
            break;
        }
        case Phase::Head:
        case Phase::ChunkSize:
        case Phase::ChunkEnd:
        case Phase::Trailers: {
            const HttpLineScanner::Step step = p.scanner.scan(rest);
            const quint64 serial = p.phaseSerial;
            // llhttp gets the valid part first: if it finds a fault there, its diagnosis is the earlier one.
            pos += p.execute(rest.first(step.consumed));
            if (p.failed)
                break;
            if (step.status == HttpLineScanner::Status::Error)
                p.failFromScanner(step.fault);
            else if (step.status == HttpLineScanner::Status::Done && p.phaseSerial == serial)
                p.fail(400, "bad_request", QStringLiteral("The message is not valid HTTP/1.1."));
            break;
        }
        }
        // Every pass consumes bytes, changes phase or stops; anything else would spin forever on a client's
        // bytes, so it is treated as a malformed message rather than trusted.
        if (pos == before && p.phaseSerial == serialBefore && !p.failed && !p.paused)
            p.fail(400, "bad_request", QStringLiteral("The message is not valid HTTP/1.1."));
    }
    p.inFeed = false;
    return pos;
}

void HttpParser::resume()
{
    d->paused = false;
}

bool HttpParser::isPaused() const
{
    return d->paused;
}

bool HttpParser::hasError() const
{
    return d->failed;
}

const HttpParseError& HttpParser::error() const
{
    return d->error;
}

void HttpParser::expectNoBody(bool noBody)
{
    d->noBodyNext = noBody;
}

bool HttpParser::finish()
{
    Private& p = *d;
    if (p.failed)
        return false;
    // Between messages the close is clean. (llhttp itself would disagree right after a message: it paused in
    // on_message_complete, before marking the point safe.)
    if (!p.inMessage)
        return true;
    const llhttp_errno_t err = llhttp_finish(&p.parser);
    if (p.failed)
        return false;
    // HPE_PAUSED: a read-until-close body just completed and messageComplete() asked for the usual pause.
    if ((err == HPE_OK || err == HPE_PAUSED) && !p.inMessage)
        return true;
    p.fail(400, "truncated", QStringLiteral("The connection closed before the message was complete."));
    return false;
}

bool HttpParser::isMidMessage() const
{
    return d->inMessage;
}

bool HttpParser::headersComplete() const
{
    return d->headDelivered;
}

} // namespace gatehouse::gateway

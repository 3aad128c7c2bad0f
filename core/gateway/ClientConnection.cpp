#include "core/gateway/ClientConnection.h"

#include "core/common/Clock.h"
#include "core/gateway/Authenticator.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/Exchange.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/ReadScratch.h"
#include "core/gateway/RequestId.h"

#include <QTcpSocket>

namespace gatehouse::gateway {

ClientConnection::ClientConnection(EngineState& state, UpstreamPool& pool, QTcpSocket* socket, QObject* parent)
    : QObject(parent)
    , m_state(state)
    , m_socket(socket)
    , m_parser(HttpParser::Mode::Request, *this)
    , m_exchanges(*this, pool)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QHostAddress peer = m_socket->peerAddress();
    m_clientAddress = peer.toString().toLatin1();
    m_fromTrustedProxy = m_state.config.isTrustedProxy(peer);
    m_headDeadlineMs = m_state.clock.nowMs() + m_state.config.headerTimeoutMs;
    m_state.metrics.activeConnections.fetch_add(1);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientConnection::onClientReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ClientConnection::onClientBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientConnection::onClientDisconnected);
    QMetaObject::invokeMethod(this, &ClientConnection::readClient, Qt::QueuedConnection);
}

ClientConnection::~ClientConnection()
{
    if (m_exchange)
        m_exchange->cancel();
    m_state.metrics.activeConnections.fetch_sub(1);
}

void ClientConnection::onClientReadyRead()
{
    if (m_closing)
        return;
    if (m_parser.isPaused() || m_uploadPaused)
        readAhead();
    else
        readClient();
}

void ClientConnection::readClient()
{
    while (!m_parser.isPaused() && !m_uploadPaused && !m_closing) {
        if (!m_pending.isEmpty()) {
            const qsizetype consumed = feedParser(m_pending);
            m_pending.remove(0, consumed);
            if (m_closing || m_parser.hasError())
                return;
            continue;
        }
        ReadScratch scratch;
        const qint64 read = m_socket->read(scratch.data(), ReadScratch::kSize);
        if (read < 0) {
            onClientDisconnected(); // end of stream or an error: an unbuffered socket says so only here
            return;
        }
        if (read == 0)
            return;
        if (!m_x.active && m_headDeadlineMs == 0) {
            // The first byte of a new request on a kept-alive connection starts its header clock.
            m_headDeadlineMs = m_state.clock.nowMs() + m_state.config.headerTimeoutMs;
            m_idleDeadlineMs = 0;
        }
        const QByteArrayView bytes(scratch.data(), read);
        const qsizetype consumed = feedParser(bytes);
        if (m_closing || m_parser.hasError())
            return;
        if (consumed < read)
            m_pending = bytes.sliced(consumed).toByteArray(); // pipelined, or held while the parser waits
        else if (read < ReadScratch::kSize)
            return; // the socket is drained: its next readyRead brings more, a read now would only say EAGAIN
    }
}

qsizetype ClientConnection::feedParser(QByteArrayView bytes)
{
    m_inClientFeed = true;
    const qsizetype consumed = m_parser.feed(bytes);
    m_inClientFeed = false;
    if (m_parser.hasError())
        failParse();
    return consumed;
}

void ClientConnection::readAhead()
{
    // Not parsing while a request is in flight, but still reading, up to one chunk: so that a client that
    // leaves is seen at once (its upstream request is aborted). A full chunk leaves the rest to TCP.
    const qint64 room = ReadScratch::kSize - m_pending.size();
    if (room <= 0)
        return;
    ReadScratch scratch;
    const qint64 read = m_socket->read(scratch.data(), room);
    if (read < 0) {
        onClientDisconnected();
        return;
    }
    m_pending.append(scratch.data(), read);
}

void ClientConnection::resumeReading()
{
    if (m_closing || m_x.active)
        return;
    if (m_parser.isPaused())
        m_parser.resume();
    readClient();
}

void ClientConnection::onRequestHead(HttpRequestHead&& head)
{
    if (m_closing)
        return;
    m_headDeadlineMs = 0;
    m_idleDeadlineMs = 0;
    startExchange(head);
    if (m_closing || m_x.responseStarted)
        return;

    AdmissionDecision decision;
    if (m_snapshot) {
        Admission::Context context = admissionContext();
        decision = Admission::admitHead(head, context);
    }
    // What is logged and forwarded is the normalised target, never the raw one.
    if (!decision.target.path.isEmpty())
        m_x.target = decision.target.sameAs(head.target) ? head.target : decision.target.target();
    m_x.event.path = RequestEvent::redactQuery(m_x.target);
    if (Admission::carriesToken(m_x.event.path))
        m_x.event.path = Admission::redactTokens(m_x.event.path); // a token sent in the path is not logged either
    adoptToken(decision.token);
    if (decision.route) {
        m_x.event.apiId = decision.route->apiId;
        m_x.event.apiName = decision.route->name;
    }
    m_x.rateHeaders = std::move(decision.rateHeaders);
    if (decision.maxBodyBytes >= 0) {
        HttpParser::Limits limits;
        limits.maxBodyBytes = decision.maxBodyBytes;
        m_parser.setLimits(limits);
    }
    m_exchange = m_exchanges.forAction(decision.action);
    if (m_exchange) {
        m_exchange->start(head, std::move(decision));
        return;
    }
    if (!m_snapshot) {
        respond(404, "not_found", QStringLiteral("no API is registered yet"), "no_route");
        return;
    }
    refuse(decision);
}

Admission::Context ClientConnection::admissionContext()
{
    return Admission::Context {
        *m_snapshot, m_state.rateLimiter, m_state.aiRequestLimiter, m_state.aiTokenLimiter, m_state.usage, m_x.startMs};
}

ForwardingContext ClientConnection::forwardingContext() const
{
    return ForwardingContext {m_clientAddress, m_fromTrustedProxy, m_x.requestId};
}

void ClientConnection::adoptToken(const TokenGrant* token)
{
    if (!token)
        return;
    m_x.token = token;
    m_x.event.tokenId = token->id;
    m_x.event.consumerId = token->consumerId;
    m_x.event.consumerName = token->consumerName;
}

void ClientConnection::refuse(const AdmissionDecision& decision)
{
    adoptToken(decision.token);
    m_x.event.rejectReason = decision.rejectReason;
    if (!decision.error.isEmpty())
        m_x.event.error = decision.error;
    respondJson(decision.status, decision.body, decision.headers);
}

void ClientConnection::startExchange(const HttpRequestHead& head)
{
    m_x = RequestState();
    m_x.active = true;
    m_x.timer.start();
    m_x.startMs = m_state.clock.nowMs();
    m_snapshot = m_state.snapshot();
    m_x.method = head.method;
    m_x.target = head.target;
    m_x.headRequest = head.method == "HEAD";
    m_x.http10 = head.versionMajor == 1 && head.versionMinor == 0;
    m_x.chunkedRequest = head.chunked;
    m_x.closeAfter = !head.keepAlive || m_shuttingDown || m_state.draining.load();
    m_x.requestId = RequestId::fromClient(head.headers.value("x-request-id"));
    m_x.event.timeMs = m_x.startMs;
    m_x.event.requestId = m_x.requestId;
    m_x.event.method = head.method; // its path: once admission has normalised the target
    m_x.event.clientAddress = m_clientAddress;
    // A rejected request whose body has not been read closes the connection instead of draining it.
    if (head.expectsBody())
        m_x.closeAfterIfRejected = true;
}

void ClientConnection::startHeadlessExchange()
{
    m_x = RequestState();
    m_x.active = true;
    m_x.timer.start();
    m_x.startMs = m_state.clock.nowMs();
    m_x.requestId = RequestId::generate();
    m_x.event.timeMs = m_x.startMs;
    m_x.event.requestId = m_x.requestId;
    m_x.event.clientAddress = m_clientAddress;
}

void ClientConnection::onBody(QByteArrayView chunk)
{
    if (m_closing || !m_x.active)
        return;
    m_x.event.bytesIn += chunk.size();
    if (m_exchange)
        m_exchange->onRequestBody(chunk);
}

void ClientConnection::onMessageComplete()
{
    if (m_closing || !m_x.active)
        return;
    m_x.requestComplete = true;
    if (m_exchange)
        m_exchange->onRequestComplete();
    maybeFinish();
}

void ClientConnection::resumeUpload()
{
    if (!m_uploadPaused)
        return;
    m_uploadPaused = false;
    QMetaObject::invokeMethod(this, &ClientConnection::readClient, Qt::QueuedConnection);
}

HttpHeadWriter ClientConnection::startResponseHead(qsizetype expectedBytes)
{
    m_x.responseStarted = true;
    if (m_shuttingDown || m_state.draining.load())
        m_x.closeAfter = true; // shutting down: this is the connection's last response
    return HttpHeadWriter(m_outbox, expectedBytes);
}

void ClientConnection::endResponseHead(HttpHeadWriter& out, bool noBody, qint64 contentLength, bool chunked)
{
    if (noBody) {
        if (contentLength >= 0)
            out.field("Content-Length", contentLength);
    } else if (contentLength >= 0 && !chunked) {
        out.field("Content-Length", contentLength);
    } else if (!m_x.http10) {
        out.append("Transfer-Encoding: chunked\r\n");
        m_x.chunkedToClient = true;
    } else {
        m_x.closeAfter = true; // an HTTP/1.0 client reads to the end of the connection
    }
    out.field("X-Request-Id", m_x.requestId);
    for (const auto& [name, value] : m_x.rateHeaders)
        out.field(name, value);
    if (m_x.closeAfter)
        out.append("Connection: close\r\n");
    out.end();
    out.finish();
    m_state.metrics.openStreams.fetch_add(1);
}

void ClientConnection::sendBody(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return; // an empty chunk would end a chunked body
    m_x.event.bytesOut += bytes.size();
    if (!m_x.chunkedToClient) {
        writeToClient(bytes);
        return;
    }
    QByteArray framed;
    framed.reserve(bytes.size() + 16);
    framed += QByteArray::number(bytes.size(), 16) + "\r\n";
    framed += bytes;
    framed += "\r\n";
    writeToClient(framed);
}

bool ClientConnection::clientBacklogged()
{
    // A long body leaves as it comes, not one whole read loop at a time.
    if (m_outbox.size() >= kLowWaterBytes)
        flushToClient();
    // Back-pressure: a slow client slows the source instead of growing our memory. Only what the kernel
    // refused counts: Qt holds it and says bytesWritten() as it goes, which resumes the source.
    return m_socket->bytesToWrite() > kHighWaterBytes;
}

bool ClientConnection::clientDrained() const
{
    return m_socket->bytesToWrite() < kLowWaterBytes;
}

void ClientConnection::onClientBytesWritten()
{
    if (m_exchange)
        m_exchange->onClientBytesWritten();
}

void ClientConnection::endResponse()
{
    if (m_x.chunkedToClient)
        writeToClient("0\r\n\r\n");
    m_x.responseComplete = true;
    m_state.metrics.openStreams.fetch_sub(1);
}

void ClientConnection::respond(
    int status, QByteArrayView errorCode, const QString& description, QByteArray rejectReason, HeaderPairs headers)
{
    if (!m_x.active || m_x.responseStarted)
        return;
    m_x.event.rejectReason = std::move(rejectReason);
    respondJson(status, responses::jsonErrorBody(errorCode, description), std::move(headers));
}

void ClientConnection::respondJson(int status, const QByteArray& body, HeaderPairs headers)
{
    if (!m_x.active || m_x.responseStarted)
        return;
    if ((m_x.closeAfterIfRejected && !m_x.requestComplete) || m_shuttingDown || m_state.draining.load())
        m_x.closeAfter = true;
    headers.append({QByteArrayLiteral("X-Request-Id"), m_x.requestId});
    respondRaw(responses::build(status, headers, "application/json", body, m_x.closeAfter), status);
}

void ClientConnection::respondRaw(QByteArray bytes, int status)
{
    if (m_x.closeAfterIfRejected && !m_x.requestComplete && !m_x.closeAfter) {
        // The response was built before we knew: ask the client to close as well.
        m_x.closeAfter = true;
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end > 0)
            bytes.insert(end, "\r\nConnection: close");
    }
    m_x.event.status = status;
    m_x.responseStarted = true;
    m_x.responseComplete = true;
    if (m_exchange)
        m_exchange->cancel();
    writeToClient(bytes);
    if (m_x.closeAfter)
        m_x.requestComplete = true; // we will not read the rest
    maybeFinish();
    // Sent by finishExchange() once the event is logged; else now, while the request's body still comes in.
    flushToClient();
}

void ClientConnection::failParse()
{
    if (m_closing)
        return; // already answered and closing: the rest of the bytes do not matter
    const HttpParseError& error = m_parser.error();
    if (!m_x.active)
        startHeadlessExchange(); // the error came before a head: this is a request of its own
    m_x.closeAfter = true;
    m_x.requestComplete = true;
    if (m_x.responseStarted && !m_x.responseComplete) {
        m_x.event.error = error.code;
        abort();
        return;
    }
    if (m_x.responseStarted) {
        finishExchange();
        return;
    }
    m_x.event.error = error.code;
    respond(error.status, error.code, error.message, QByteArrayLiteral("malformed"));
}

void ClientConnection::writeToClient(QByteArrayView bytes)
{
    m_outbox.append(bytes);
}

void ClientConnection::flushToClient()
{
    if (m_outbox.isEmpty())
        return;
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(m_outbox);
    m_outbox.resize(0); // keeps its capacity for the next response
}

void ClientConnection::maybeFinish()
{
    if (m_x.active && m_x.requestComplete && m_x.responseComplete)
        finishExchange();
}

void ClientConnection::finishExchange()
{
    m_x.event.latencyUs = m_x.timer.nsecsElapsed() / 1000;
    if (m_exchange)
        std::exchange(m_exchange, nullptr)->end(); // an upstream connection goes back to its pool
    m_state.logQueue.push(std::move(m_x.event));
    const bool close = m_x.closeAfter || m_shuttingDown;
    m_x = RequestState();
    m_snapshot.reset();
    if (close) {
        closeAfterFlush();
        return;
    }
    m_idleDeadlineMs = m_state.clock.nowMs() + m_state.config.idleTimeoutMs;
    m_headDeadlineMs = 0;
    // The whole response is queued: one write now. Only now, with the event logged and the idle clock
    // started: the client may act on the response at once, and must find both done.
    flushToClient();
    if (!m_inClientFeed && m_pending.isEmpty()) {
        // The usual keep-alive case: nothing is waiting (what arrives while a request is in flight is read
        // ahead into m_pending), so the next readyRead starts the next request. This skips a queued call
        // (an eventfd write and read) per request.
        m_parser.resume();
        return;
    }
    // Resumed from the event loop, never from inside the parser's own callback.
    QMetaObject::invokeMethod(this, &ClientConnection::resumeReading, Qt::QueuedConnection);
}

void ClientConnection::cutExchange(
    QByteArray error, int statusIfNotStarted, QByteArrayView code, const QString& description)
{
    if (!m_x.active)
        return;
    m_x.event.error = std::move(error);
    if (!m_x.responseStarted) {
        m_x.closeAfter = true;
        respond(statusIfNotStarted, code, description, m_x.event.error);
        return;
    }
    abort();
}

void ClientConnection::enforceGrant(const Snapshot& snapshot, qint64 nowMs)
{
    if (!m_x.active || !m_x.token || m_x.responseComplete)
        return;
    const TokenGrant* grant = snapshot.tokenById(m_x.token->id);
    if (grant && grant->isUsableAt(nowMs))
        return;
    const bool expired = grant && !grant->isRevokedAt(nowMs) && grant->isExpiredAt(nowMs);
    cutExchange(expired ? QByteArrayLiteral("token_expired") : QByteArrayLiteral("token_revoked"), 401, "invalid_token",
        expired ? QStringLiteral("the token expired") : QStringLiteral("the token was revoked"));
}

void ClientConnection::sweep(qint64 nowMs)
{
    if (m_closing)
        return;
    if (m_x.active) {
        if (m_exchange)
            m_exchange->sweep(nowMs);
        return;
    }
    if (m_headDeadlineMs != 0 && nowMs >= m_headDeadlineMs) {
        // Slow-loris: the head did not arrive in time.
        m_pending.clear();
        startHeadlessExchange();
        m_x.closeAfter = true;
        m_x.requestComplete = true;
        respond(408, "request_timeout",
            QStringLiteral("the request headers did not arrive within %1 s").arg(m_state.config.headerTimeoutMs / 1000),
            QByteArrayLiteral("header_timeout"));
        return;
    }
    if (m_idleDeadlineMs != 0 && nowMs >= m_idleDeadlineMs)
        closeAfterFlush();
}

void ClientConnection::beginShutdown()
{
    m_shuttingDown = true;
    if (!m_x.active && !m_parser.isMidMessage() && m_pending.isEmpty())
        closeAfterFlush();
}

void ClientConnection::closeAfterFlush()
{
    if (m_closing)
        return;
    m_closing = true;
    flushToClient();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        onClientDisconnected();
}

void ClientConnection::abort()
{
    if (m_exchange)
        m_exchange->cancel();
    m_closing = true;
    m_socket->abort();
    onClientDisconnected();
}

void ClientConnection::onClientDisconnected()
{
    if (m_x.active) {
        // The client left mid-exchange: abort the upstream request and log what happened.
        if (m_exchange)
            m_exchange->cancel();
        if (m_x.event.error.isEmpty())
            m_x.event.error = QByteArrayLiteral("client_closed");
        if (m_x.responseStarted && !m_x.responseComplete)
            m_state.metrics.openStreams.fetch_sub(1);
        m_x.event.latencyUs = m_x.timer.nsecsElapsed() / 1000;
        m_state.logQueue.push(std::move(m_x.event));
        if (m_exchange)
            std::exchange(m_exchange, nullptr)->end();
        m_x = RequestState();
    }
    m_closing = true;
    if (!m_finishedEmitted) {
        m_finishedEmitted = true;
        Q_EMIT finished(this);
    }
}

} // namespace gatehouse::gateway

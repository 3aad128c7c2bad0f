#include "core/gateway/ApiProxyExchange.h"

#include "core/common/Clock.h"
#include "core/gateway/Admission.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/UpstreamPool.h"
#include "core/gateway/UpstreamRequestHead.h"

namespace gatehouse::gateway {

namespace {

// The largest upstream head buffer an exchange keeps between requests.
constexpr qsizetype kKeptUpstreamHeadBytes = 4096;

} // namespace

ApiProxyExchange::ApiProxyExchange(ClientConnection& connection, UpstreamPool& pool)
    : ApiProxyExchange(connection, pool, true)
{ }

ApiProxyExchange::ApiProxyExchange(ClientConnection& connection, UpstreamPool& pool, bool relaysRequestBody)
    : m_connection(connection)
    , m_pool(pool)
    , m_relaysRequestBody(relaysRequestBody)
{ }

void ApiProxyExchange::start(const HttpRequestHead& head, AdmissionDecision&& decision)
{
    m_route = decision.route;
    // We answer Expect: 100-continue ourselves, now that the request is allowed.
    if (head.headers.value("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && head.expectsBody()) {
        m_connection.writeToClient("HTTP/1.1 100 Continue\r\n\r\n");
        m_connection.flushToClient();
    }
    // Written into a buffer that the exchange keeps and shares (for a retry) until the request ends: unshared again
    // by the next request, it is rewritten in place instead of allocated anew. Unless a large head left it large: an
    // idle connection should not hold on to that.
    if (m_upstreamHeadBuffer.capacity() > kKeptUpstreamHeadBytes)
        m_upstreamHeadBuffer = QByteArray();
    m_upstreamHeadBuffer.truncate(0);
    UpstreamRequestHead::buildApi(
        head, *m_route, m_connection.request().target, m_connection.forwardingContext(), m_upstreamHeadBuffer);
    m_upstreamHead = m_upstreamHeadBuffer;
    connectUpstream();
}

void ApiProxyExchange::connectUpstream()
{
    const Route& route = *m_route;
    RequestState& request = m_connection.request();
    m_upstream = m_pool.acquire(
        route.upstreamPoolKey, route.upstreamHost, route.upstreamPort, route.upstreamTls, route.upstreamProxy);
    m_upstreamDeadlineMs = m_connection.state().clock.nowMs() + route.timeoutMs;
    m_upstream->begin(this, m_upstreamHead, request.headRequest);
    // A retry of a request already read whole, none of its body sent (see onUpstreamFailure): it ends here too.
    if (request.requestComplete && m_relaysRequestBody) {
        endUpstreamRequest();
        m_connection.maybeFinish();
    }
}

void ApiProxyExchange::onRequestBody(QByteArrayView chunk)
{
    if (!m_upstream || m_connection.request().responseComplete)
        return; // rejected, or the upstream already answered: the rest of the body is dropped
    if (m_connection.request().chunkedRequest) {
        m_upstream->sendBody(QByteArray(QByteArray::number(chunk.size(), 16) + "\r\n"));
        m_upstream->sendBody(chunk);
        m_upstream->sendBody("\r\n");
    } else {
        m_upstream->sendBody(chunk);
    }
    if (m_upstream->bytesToWrite() > ClientConnection::kHighWaterBytes)
        m_connection.pauseUpload(); // resumed by onUpstreamWritable
}

void ApiProxyExchange::onRequestComplete()
{
    endUpstreamRequest();
}

void ApiProxyExchange::endUpstreamRequest()
{
    if (m_upstream && m_connection.request().chunkedRequest && !m_connection.request().responseComplete)
        m_upstream->sendBody("0\r\n\r\n");
    if (m_upstream)
        m_upstream->requestSent(); // until now, an answer was an early one: that connection is not reused
}

void ApiProxyExchange::onUpstreamWritable()
{
    m_connection.resumeUpload();
}

void ApiProxyExchange::onUpstreamHead(HttpResponseHead&& head)
{
    RequestState& request = m_connection.request();
    if (!request.active)
        return;
    request.event.upstreamStatus = head.status;
    request.event.status = head.status;
    m_lastUpstreamActivityMs = m_connection.state().clock.nowMs();
    const bool noBody
        = request.headRequest || (head.status >= 100 && head.status < 200) || head.status == 204 || head.status == 304;

    HttpHeadWriter out = m_connection.startResponseHead(256 + 64 * head.headers.size());
    out.append("HTTP/1.1 ").appendNumber(head.status).append(' ');
    if (head.reason.isEmpty())
        out.append(responses::reasonPhrase(head.status));
    else
        out.append(head.reason);
    out.append("\r\n");
    const QList<QByteArrayView> listed = UpstreamRequestHead::connectionTokens(head.headers);
    for (const HttpHeader& header : head.headers.all()) {
        if (isHopByHopHeader(header.name) || UpstreamRequestHead::listsName(listed, header.name)
            || HttpHeaders::namesEqual(header.name, "content-length")
            || HttpHeaders::namesEqual(header.name, "x-request-id"))
            continue;
        out.field(header);
    }
    m_connection.endResponseHead(out, noBody, head.contentLength, head.chunked);
}

void ApiProxyExchange::onUpstreamBody(QByteArrayView chunk)
{
    if (!m_connection.request().active || chunk.isEmpty())
        return;
    m_lastUpstreamActivityMs = m_connection.state().clock.nowMs();
    relayBody(chunk);
}

void ApiProxyExchange::relayBody(QByteArrayView chunk)
{
    m_connection.sendBody(chunk);
    if (m_connection.clientBacklogged() && m_upstream) {
        m_upstream->pauseReading();
        m_upstreamPaused = true;
    }
}

void ApiProxyExchange::onClientBytesWritten()
{
    if (m_upstreamPaused && m_upstream && m_connection.clientDrained()) {
        m_upstreamPaused = false;
        m_upstream->resumeReading();
    }
}

void ApiProxyExchange::onUpstreamComplete()
{
    RequestState& request = m_connection.request();
    if (!request.active)
        return;
    m_connection.endResponse();
    // The upstream answered before the whole body was sent: that connection cannot be reused,
    // and the client's remaining body is not worth reading.
    if (!request.requestComplete) {
        request.closeAfter = true;
        request.requestComplete = true;
        dropUpstream();
    }
    m_connection.maybeFinish();
}

void ApiProxyExchange::onUpstreamFailure(Failure failure, const QString& detail)
{
    RequestState& request = m_connection.request();
    if (!request.active)
        return;
    UpstreamConnection* failed = std::exchange(m_upstream, nullptr);
    if (failed)
        failed->deleteLater();
    // A pooled connection that the upstream had closed while idle: retry once on a new one,
    // if nothing of the request body has been sent yet.
    if (failure == Failure::Closed && failed && failed->wasReused() && !m_retried && request.event.bytesIn == 0
        && !request.responseStarted) {
        m_retried = true;
        connectUpstream();
        return;
    }
    if (request.responseStarted) {
        request.event.error = QByteArrayLiteral("upstream_reset");
        m_connection.abort();
        return;
    }
    QString description;
    switch (failure) {
    case Failure::Refused:
        request.event.error = QByteArrayLiteral("upstream_unreachable");
        description = QStringLiteral("the upstream of \"%1\" could not be reached: %2").arg(m_route->name, detail);
        break;
    case Failure::TlsVerification:
        request.event.error = QByteArrayLiteral("upstream_tls_failed");
        description
            = QStringLiteral("TLS verification failed for the upstream of \"%1\": %2").arg(m_route->name, detail);
        break;
    case Failure::TlsHandshake:
        request.event.error = QByteArrayLiteral("upstream_tls_failed");
        description
            = QStringLiteral("the TLS handshake with the upstream of \"%1\" failed: %2").arg(m_route->name, detail);
        break;
    case Failure::Closed:
    case Failure::Reset:
    case Failure::Malformed:
        request.event.error = QByteArrayLiteral("upstream_failed");
        description = QStringLiteral("the upstream of \"%1\" failed: %2").arg(m_route->name, detail);
        break;
    }
    m_connection.respond(502, "bad_gateway", description, QByteArray());
}

void ApiProxyExchange::onUpstreamReadDone()
{
    m_connection.flushToClient();
}

void ApiProxyExchange::sweep(qint64 nowMs)
{
    const RequestState& request = m_connection.request();
    if (!m_upstream || request.responseComplete)
        return;
    const qint64 timeout = m_route ? m_route->timeoutMs : 30'000;
    if (!request.responseStarted && nowMs >= m_upstreamDeadlineMs) {
        m_connection.cutExchange(QByteArrayLiteral("upstream_timeout"), 504, "gateway_timeout",
            QStringLiteral("the upstream of \"%1\" did not answer within %2 ms").arg(m_route->name).arg(timeout));
    } else if (request.responseStarted && !m_upstreamPaused && nowMs - m_lastUpstreamActivityMs >= timeout) {
        m_connection.cutExchange(QByteArrayLiteral("upstream_timeout"), 504, "gateway_timeout", QString());
    }
}

void ApiProxyExchange::cancel()
{
    dropUpstream();
}

void ApiProxyExchange::end()
{
    releaseUpstream();
    m_route = nullptr;
    m_upstreamHead = QByteArray();
    m_retried = false;
    m_upstreamPaused = false;
    m_upstreamDeadlineMs = 0;
    m_lastUpstreamActivityMs = 0;
}

void ApiProxyExchange::dropUpstream()
{
    if (UpstreamConnection* upstream = std::exchange(m_upstream, nullptr)) {
        upstream->abandon();
        upstream->deleteLater();
    }
}

void ApiProxyExchange::releaseUpstream()
{
    if (UpstreamConnection* upstream = std::exchange(m_upstream, nullptr))
        m_pool.release(upstream, m_connection.state().clock.nowMs());
}

} // namespace gatehouse::gateway

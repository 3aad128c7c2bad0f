#pragma once

#include "core/gateway/Exchange.h"
#include "core/gateway/UpstreamConnection.h"

#include <QByteArray>

namespace gatehouse::gateway {

class ClientConnection;
struct Route;
class UpstreamPool;

// An API request forwarded to its upstream: a connection from the worker's pool, the request head rewritten
// (UpstreamRequestHead) and its body streamed as it arrives, the response head filtered and its body streamed back,
// both ways with back-pressure, and the upstream's timeouts and failures (with one retry on a stale pooled
// connection). The AI routes reuse it for their provider's upstream (AiRouteExchange).
class ApiProxyExchange : public Exchange, protected UpstreamClient
{
public:
    ApiProxyExchange(ClientConnection& connection, UpstreamPool& pool);

    // Exchange
    void start(const HttpRequestHead& head, AdmissionDecision&& decision) override;
    void onRequestBody(QByteArrayView chunk) override;
    void onRequestComplete() override;
    void onClientBytesWritten() override;
    void sweep(qint64 nowMs) override;
    void cancel() override;
    void end() override;

protected:
    // `relaysRequestBody`: the client's body goes upstream as it arrives (the API proxy), rather than being sent
    // whole by the subclass (the AI routes).
    ApiProxyExchange(ClientConnection& connection, UpstreamPool& pool, bool relaysRequestBody);

    // UpstreamClient
    void onUpstreamHead(HttpResponseHead&& head) override;
    void onUpstreamBody(QByteArrayView chunk) override;
    void onUpstreamComplete() override;
    void onUpstreamFailure(Failure failure, const QString& detail) override;
    void onUpstreamWritable() override;
    void onUpstreamReadDone() override;

    // Takes a connection to m_route's upstream and begins the request with m_upstreamHead.
    void connectUpstream();
    // Response body bytes to the client, pausing the upstream while the client is slow.
    void relayBody(QByteArrayView chunk);
    void dropUpstream();
    void releaseUpstream();

    ClientConnection& m_connection;
    UpstreamPool& m_pool;
    const Route* m_route = nullptr;
    UpstreamConnection* m_upstream = nullptr;
    QByteArray m_upstreamHead; // kept for one retry on a stale pooled connection
    bool m_retried = false;
    bool m_upstreamPaused = false;
    qint64 m_upstreamDeadlineMs = 0;
    qint64 m_lastUpstreamActivityMs = 0;

private:
    // The request's last byte has been given to the upstream.
    void endUpstreamRequest();

    const bool m_relaysRequestBody;
    QByteArray m_upstreamHeadBuffer; // the current request's head for the upstream (see start())
};

} // namespace gatehouse::gateway

#pragma once

#include "core/catalog/RateLimit.h"

#include <QByteArray>
#include <QNetworkProxy>
#include <QString>

namespace gatehouse::gateway {

// One API as the gateway routes it, with everything the request path needs precomputed. An AI provider's
// upstream is a Route too, so that the proxy's pooling and timeouts serve both.
struct Route
{
    qint64 apiId = 0;
    QString name;
    QByteArray prefix; // "/billing", or "/" for the root
    bool stripPrefix = false;
    QByteArray upstreamHost; // for the Host header and the connection
    quint16 upstreamPort = 0;
    bool upstreamTls = false;
    QByteArray upstreamBasePath; // "" or "/v2": prepended to the forwarded path
    // Made once per snapshot rather than per request:
    QByteArray upstreamHostHeader; // the Host header's value: the host, with ":port" unless the default
    QByteArray upstreamPoolKey; // UpstreamConnection::poolKey() of host, port and scheme
    QNetworkProxy upstreamProxy {QNetworkProxy::NoProxy}; // see upstreamProxy(): asked here, not per connection
    qint64 timeoutMs = 30'000;
    qint64 maxBodyBytes = 10 * 1024 * 1024;
    RateLimit rateLimit;
};

} // namespace gatehouse::gateway

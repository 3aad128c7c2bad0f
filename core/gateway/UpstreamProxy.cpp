#include "core/gateway/UpstreamProxy.h"

#include <QNetworkProxyFactory>

namespace gatehouse::gateway {

QNetworkProxy upstreamProxy(const QByteArray& host, quint16 port)
{
    // The choice QAbstractSocket makes from the same answer: the first entry that is a direct connection or
    // can tunnel a TCP stream (SOCKS5, or HTTP with CONNECT); a caching-only proxy cannot carry one.
    const QNetworkProxyQuery query(QString::fromLatin1(host), port, QString(), QNetworkProxyQuery::TcpSocket);
    for (const QNetworkProxy& proxy : QNetworkProxyFactory::proxyForQuery(query)) {
        if (proxy.type() == QNetworkProxy::NoProxy)
            break;
        if (proxy.type() != QNetworkProxy::DefaultProxy
            && proxy.capabilities().testFlag(QNetworkProxy::TunnelingCapability))
            return proxy;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

} // namespace gatehouse::gateway

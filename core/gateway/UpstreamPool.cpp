#include "core/gateway/UpstreamPool.h"

#include "core/gateway/UpstreamConnection.h"

namespace gatehouse::gateway {

UpstreamPool::~UpstreamPool()
{
    clear();
}

UpstreamConnection* UpstreamPool::acquire(const QByteArray& host, quint16 port, bool tls)
{
    return acquire(UpstreamConnection::poolKey(host, port, tls), host, port, tls);
}

UpstreamConnection* UpstreamPool::acquire(
    const QByteArray& key, const QByteArray& host, quint16 port, bool tls, const QNetworkProxy& proxy)
{
    auto found = m_idle.find(key);
    while (found != m_idle.end() && !found->isEmpty()) {
        UpstreamConnection* idle = found->takeLast().connection;
        if (idle->isIdleClean())
            return idle;
        // Bytes (or a close) arrived since its last response, not yet seen by its readyRead: whatever they are,
        // they would be taken for the answer to the next request.
        idle->close();
        idle->deleteLater();
    }
    auto* connection = new UpstreamConnection(host, port, tls ? &m_tls : nullptr, proxy, this);
    // Connected once for the connection's life rather than at each release: connecting and disconnecting a
    // signal cost about 1,300 instructions a request. A connection says idleClosed() only while no client holds it.
    connect(connection, &UpstreamConnection::idleClosed, this, &UpstreamPool::forget);
    return connection;
}

void UpstreamPool::release(UpstreamConnection* connection, qint64 nowMs)
{
    if (!connection)
        return;
    connection->detach();
    QList<Idle>& idle = m_idle[connection->key()];
    if (!connection->isReusable() || idle.size() >= kMaxIdlePerUpstream) {
        connection->deleteLater();
        return;
    }
    idle.append({connection, nowMs});
}

void UpstreamPool::forget(UpstreamConnection* connection)
{
    // Also reached by a connection that closed as release() let it go; it was never listed, and deleteLater()
    // twice is safe.
    auto found = m_idle.find(connection->key());
    if (found != m_idle.end())
        found->removeIf([connection](const Idle& idle) { return idle.connection == connection; });
    connection->deleteLater();
}

void UpstreamPool::sweep(qint64 nowMs)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        it->removeIf([nowMs](const Idle& idle) {
            if (nowMs - idle.sinceMs < kIdleTimeoutMs)
                return false;
            idle.connection->deleteLater();
            return true;
        });
    }
}

void UpstreamPool::clear()
{
    for (QList<Idle>& idle : m_idle) {
        for (const Idle& entry : idle)
            delete entry.connection;
    }
    m_idle.clear();
}

int UpstreamPool::idleCount() const
{
    int count = 0;
    for (const QList<Idle>& idle : m_idle)
        count += int(idle.size());
    return count;
}

} // namespace gatehouse::gateway

#include "core/gateway/UpstreamPool.h"

#include "core/gateway/EpollEventDispatcher.h"
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
    const EpollEventDispatcher* dispatcher = EpollEventDispatcher::ofThisThread();
    while (found != m_idle.end() && !found->isEmpty()) {
        const Idle entry = found->takeAt(pick(*found, dispatcher ? dispatcher->pass() : 0));
        UpstreamConnection* idle = entry.connection;
        // The event loop's last wait saw nothing arrive since the release: the kernel need not be asked again.
        const bool quiet = dispatcher && dispatcher->quietSince(idle->descriptor(), entry.releasedInPass);
        if (idle->isIdleClean(quiet))
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
    const EpollEventDispatcher* dispatcher = EpollEventDispatcher::ofThisThread();
    idle.append({connection, nowMs, dispatcher ? dispatcher->pass() : 0});
}

qsizetype UpstreamPool::pick(const QList<Idle>& idle, quint64 pass)
{
    // The newest first, as its socket is the warmest; but one released in this pass has not been waited on since,
    // so it would cost a look at the kernel (UpstreamConnection::isIdleClean).
    for (qsizetype i = idle.size() - 1; i >= 0; --i) {
        if (idle[i].releasedInPass < pass)
            return i;
    }
    return idle.size() - 1;
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

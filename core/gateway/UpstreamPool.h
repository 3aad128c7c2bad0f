#pragma once

#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>

namespace gatehouse::gateway {

class UpstreamConnection;

// A worker's keep-alive connections to upstreams, keyed by scheme, host and port. Lives in the
// worker's thread; nothing here is shared between workers.
class UpstreamPool : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxIdlePerUpstream = 64;
    static constexpr qint64 kIdleTimeoutMs = 30'000;

    explicit UpstreamPool(QSslConfiguration tls, QObject* parent = nullptr)
        : QObject(parent)
        , m_tls(std::move(tls))
    { }
    ~UpstreamPool() override;

    // An idle connection to the upstream, most recently used first (but one that the event loop has looked at since
    // it came back before one that came back in this very pass), or a new one (not yet connected).
    UpstreamConnection* acquire(const QByteArray& host, quint16 port, bool tls);
    // The same with the pool key already made (see Route::upstreamPoolKey), and the proxy a new connection goes
    // through (Route::upstreamProxy; an idle connection keeps the one it was made with).
    UpstreamConnection* acquire(const QByteArray& key, const QByteArray& host, quint16 port, bool tls,
        const QNetworkProxy& proxy = QNetworkProxy(QNetworkProxy::NoProxy));
    // Takes the connection back: kept if clean and reusable, closed otherwise.
    void release(UpstreamConnection* connection, qint64 nowMs);
    // Closes connections idle for longer than kIdleTimeoutMs.
    void sweep(qint64 nowMs);
    void clear();

    int idleCount() const;

private:
    struct Idle
    {
        UpstreamConnection* connection = nullptr;
        qint64 sinceMs = 0;
        quint64 releasedInPass = 0; // of the thread's EpollEventDispatcher, if it has one
    };
    static qsizetype pick(const QList<Idle>& idle, quint64 pass);
    void forget(UpstreamConnection* connection);

    QSslConfiguration m_tls; // for https upstreams
    QHash<QByteArray, QList<Idle>> m_idle;
};

} // namespace gatehouse::gateway

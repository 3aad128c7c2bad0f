#include "core/gateway/Worker.h"

#include "core/common/Clock.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/UnbufferedSocket.h"
#include "core/gateway/UpstreamPool.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse::gateway {

namespace {

// A QTcpServer that hands each accepted descriptor to the worker instead of queueing sockets.
class ListenServer : public QTcpServer
{
public:
    ListenServer(std::function<void(qintptr)> onAccept, QObject* parent)
        : QTcpServer(parent)
        , m_onAccept(std::move(onAccept))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_onAccept(descriptor); }

private:
    std::function<void(qintptr)> m_onAccept;
};

} // namespace

Worker::Worker(EngineState& state, int index)
    : m_state(state)
    , m_index(index)
{ }

Worker::~Worker()
{
    abortAll();
}

bool Worker::listen(qintptr listeningDescriptor)
{
    m_pool = new UpstreamPool(m_state.upstreamTls, this);
    m_server = new ListenServer([this](qintptr descriptor) { accept(descriptor); }, this);
    m_server->setMaxPendingConnections(1024);
    if (!m_server->setSocketDescriptor(listeningDescriptor))
        return false;
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(kSweepIntervalMs);
    connect(m_sweepTimer, &QTimer::timeout, this, &Worker::sweep);
    m_sweepTimer->start();
    return true;
}

void Worker::accept(qintptr descriptor)
{
    auto* socket = new QTcpSocket;
    // Unbuffered: the connection reads the kernel's bytes straight into its parser (see ClientConnection).
    if (!adoptUnbuffered(*socket, descriptor)) {
        delete socket;
        return;
    }
    if (m_state.draining.load() || m_state.metrics.activeConnections.load() >= m_state.config.maxConnections) {
        // Over the cap: say so plainly instead of leaving the client hanging.
        socket->setParent(this);
        socket->write(
            responses::jsonError(503, "overloaded", QStringLiteral("the gateway has too many connections"), {}, true));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    auto* connection = new ClientConnection(m_state, *m_pool, socket, this);
    m_connections.insert(connection);
    connect(connection, &ClientConnection::finished, this, &Worker::forget);
}

void Worker::forget(ClientConnection* connection)
{
    if (m_connections.remove(connection))
        connection->deleteLater();
}

void Worker::sweep()
{
    const qint64 now = m_state.clock.nowMs();
    // Copy: a sweep may close connections, which removes them from the set.
    const QList<ClientConnection*> connections = m_connections.values();
    for (ClientConnection* connection : connections) {
        if (m_connections.contains(connection))
            connection->sweep(now);
    }
    enforceGrants();
    m_pool->sweep(now);
}

void Worker::enforceGrants()
{
    const SnapshotPtr snapshot = m_state.snapshot();
    if (!snapshot)
        return;
    const qint64 now = m_state.clock.nowMs();
    const QList<ClientConnection*> connections = m_connections.values();
    for (ClientConnection* connection : connections) {
        if (m_connections.contains(connection) && connection->isBusy())
            connection->enforceGrant(*snapshot, now);
    }
}

void Worker::beginShutdown()
{
    if (m_server)
        m_server->close();
    const QList<ClientConnection*> connections = m_connections.values();
    for (ClientConnection* connection : connections) {
        if (m_connections.contains(connection))
            connection->beginShutdown();
    }
}

void Worker::abortAll()
{
    const QList<ClientConnection*> connections = m_connections.values();
    for (ClientConnection* connection : connections) {
        if (m_connections.contains(connection))
            connection->abort();
    }
    qDeleteAll(m_connections);
    m_connections.clear();
    if (m_pool)
        m_pool->clear();
}

} // namespace gatehouse::gateway

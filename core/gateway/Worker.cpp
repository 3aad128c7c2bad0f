#include "core/gateway/Worker.h"

#include "core/common/Clock.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/ListeningSocket.h"
#include "core/gateway/UnbufferedSocket.h"
#include "core/gateway/UpstreamPool.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

namespace gatehouse::gateway {

Worker::Worker(EngineState& state, int index)
    : m_state(state)
    , m_index(index)
{ }

Worker::~Worker()
{
    stopListening();
    abortAll();
}

bool Worker::listen(qintptr listeningDescriptor)
{
    m_pool = new UpstreamPool(m_state.upstreamTls, this);
    // Accepted by hand rather than through a QTcpServer: Qt 6.4 takes EMFILE for a passing error and retries at once,
    // which spins a core while descriptors are short (and for other errors it pauses the server for good).
    m_listening = listeningDescriptor;
    m_acceptNotifier = new QSocketNotifier(listeningDescriptor, QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &Worker::acceptPending);
    m_acceptPause = new QTimer(this);
    m_acceptPause->setSingleShot(true);
    m_acceptPause->setInterval(kAcceptPauseMs);
    connect(m_acceptPause, &QTimer::timeout, this, [this] {
        if (!m_acceptNotifier)
            return;
        m_acceptNotifier->setEnabled(true);
        acceptPending();
    });
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(kSweepIntervalMs);
    connect(m_sweepTimer, &QTimer::timeout, this, &Worker::sweep);
    m_sweepTimer->start();
    return true;
}

void Worker::acceptPending()
{
    for (int taken = 0; taken < kAcceptBatch && m_acceptNotifier; ++taken) {
        int error = 0;
        const qintptr descriptor = ListeningSocket::accept(m_listening, error);
        if (descriptor >= 0) {
            accept(descriptor);
            continue;
        }
        switch (error) {
        case EAGAIN:
#if EWOULDBLOCK != EAGAIN
        case EWOULDBLOCK:
#endif
            return; // the queue is empty
        case EINTR:
        case ECONNABORTED: // the client left before we took it; the next one may be fine
        case EPROTO:
            continue;
        default:
            // EMFILE, ENFILE, ENOBUFS, ENOMEM, or worse: the connection stays queued. Wait, then try again; the
            // listener never dies, and while paused it costs nothing.
            ++m_acceptPauses;
            m_acceptNotifier->setEnabled(false);
            m_acceptPause->start();
            return;
        }
    }
}

void Worker::stopListening()
{
    if (m_acceptPause)
        m_acceptPause->stop();
    delete std::exchange(m_acceptNotifier, nullptr);
    if (m_listening >= 0)
        ListeningSocket::close(std::exchange(m_listening, -1));
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
    stopListening();
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

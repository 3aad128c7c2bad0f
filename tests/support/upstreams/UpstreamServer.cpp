#include "tests/support/upstreams/UpstreamServer.h"

#include "tests/support/upstreams/UpstreamConnection.h"
#include "tests/support/upstreams/UpstreamState.h"

#include <QHostAddress>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace gatehouse::test {

UpstreamServer::UpstreamServer(std::shared_ptr<UpstreamState> state, QSslConfiguration tls)
    : m_state(std::move(state))
    , m_tls(std::move(tls))
{ }

quint16 UpstreamServer::listen()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!m_server && m_tls.isNull()) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &UpstreamServer::onNewConnection);
    } else if (!m_server) {
        auto* server = new QSslServer(this);
        server->setSslConfiguration(m_tls);
        // A socket reaches the pending queue only once encrypted; a failed handshake ends here.
        connect(server, &QSslServer::errorOccurred, this,
            [this](QSslSocket*, QAbstractSocket::SocketError) { m_state->tlsHandshakeFailed(); });
        connect(server, &QTcpServer::pendingConnectionAvailable, this, &UpstreamServer::onNewConnection);
        m_server = server;
    }
    if (!m_server->isListening() && !m_server->listen(QHostAddress::LocalHost, 0))
        return 0;
    return m_server->serverPort();
}

void UpstreamServer::shutdown()
{
    Q_ASSERT(thread() == QThread::currentThread());
    delete m_server;
    m_server = nullptr;
    // Deleted here and now, in their own thread, rather than left to deleteLater after the
    // event loop has stopped.
    const QList<UpstreamConnection*> connections = findChildren<UpstreamConnection*>(Qt::FindDirectChildrenOnly);
    for (UpstreamConnection* connection : connections)
        delete connection;
}

void UpstreamServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        // SSE events and small responses must leave at once, not wait for Nagle.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        new UpstreamConnection(socket, m_state, m_state->connectionAccepted(), this);
    }
}

} // namespace gatehouse::test

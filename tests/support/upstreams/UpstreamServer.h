#pragma once

#include <QObject>
#include <QSslConfiguration>

#include <memory>

class QTcpServer;

namespace gatehouse::test {

class UpstreamState;

// The listening side of a LoopbackUpstream: a QTcpServer, or with a TLS configuration a QSslServer
// that hands a connection over once its handshake has succeeded. It is moved to the upstream's thread before listen(),
// so the QTcpServer and every accepted socket are created, and serve, in that thread.
class UpstreamServer : public QObject
{
    Q_OBJECT

public:
    UpstreamServer(std::shared_ptr<UpstreamState> state, QSslConfiguration tls);

    quint16 listen(); // on 127.0.0.1, an ephemeral port; 0 on failure
    void shutdown(); // closes the listener and aborts every connection

private:
    void onNewConnection();

    std::shared_ptr<UpstreamState> m_state;
    QSslConfiguration m_tls; // null: plain TCP
    QTcpServer* m_server = nullptr;
};

} // namespace gatehouse::test

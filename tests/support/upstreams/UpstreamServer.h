#pragma once

#include <QObject>

#include <memory>

class QTcpServer;

namespace gatehouse::test {

class UpstreamState;

// The listening side of a LoopbackUpstream. It is moved to the upstream's thread before listen(),
// so the QTcpServer and every accepted socket are created, and serve, in that thread.
class UpstreamServer : public QObject
{
    Q_OBJECT

public:
    explicit UpstreamServer(std::shared_ptr<UpstreamState> state);

    quint16 listen(); // on 127.0.0.1, an ephemeral port; 0 on failure
    void shutdown(); // closes the listener and aborts every connection

private:
    void onNewConnection();

    std::shared_ptr<UpstreamState> m_state;
    QTcpServer* m_server = nullptr;
};

} // namespace gatehouse::test

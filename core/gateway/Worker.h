#pragma once

#include <QObject>
#include <QSet>

class QTcpServer;
class QTimer;

namespace gatehouse::gateway {

class ClientConnection;
class EngineState;
class UpstreamPool;

// One thread's share of the gateway: its own listening socket (SO_REUSEPORT, so the kernel
// spreads connections across workers), its connections, its upstream pool and one sweep timer
// for every timeout. Lives in its own thread; the engine talks to it with queued calls.
class Worker : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSweepIntervalMs = 100;

    Worker(EngineState& state, int index);
    ~Worker() override;

    // In the worker's thread: adopts the listening socket and starts the sweep timer.
    bool listen(qintptr listeningDescriptor);
    // Cuts streams whose token the new snapshot no longer allows.
    void enforceGrants();
    // Stops accepting; finishes in-flight requests, then closes their connections.
    void beginShutdown();
    void abortAll();
    int connectionCount() const { return int(m_connections.size()); }

private:
    void accept(qintptr descriptor);
    void sweep();
    void forget(ClientConnection* connection);

    EngineState& m_state;
    int m_index;
    QTcpServer* m_server = nullptr;
    QTimer* m_sweepTimer = nullptr;
    UpstreamPool* m_pool = nullptr;
    QSet<ClientConnection*> m_connections;
};

} // namespace gatehouse::gateway

#pragma once

#include <QObject>
#include <QSet>

class QSocketNotifier;
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
    // After accept() fails for want of descriptors (EMFILE, ENFILE) or memory (ENOBUFS, ENOMEM), the listener is
    // left alone this long: the connection waits in the kernel's queue, and trying again at once would only spin.
    static constexpr int kAcceptPauseMs = 100;
    static constexpr int kAcceptBatch = 64; // connections taken per wake-up, so that a flood cannot starve the rest

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
    int acceptPauses() const { return m_acceptPauses; }

private:
    void acceptPending();
    void accept(qintptr descriptor);
    void stopListening();
    void sweep();
    void forget(ClientConnection* connection);

    EngineState& m_state;
    int m_index;
    qintptr m_listening = -1; // owned from listen() on
    QSocketNotifier* m_acceptNotifier = nullptr;
    QTimer* m_acceptPause = nullptr;
    int m_acceptPauses = 0;
    QTimer* m_sweepTimer = nullptr;
    UpstreamPool* m_pool = nullptr;
    QSet<ClientConnection*> m_connections;
};

} // namespace gatehouse::gateway

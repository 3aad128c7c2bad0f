#pragma once

#include "tests/support/upstreams/LoopbackUpstream.h"

#include <QMutex>

#include <functional>

namespace gatehouse::test {

// What the test thread and the upstream thread share: the settings a test changes and the records
// it observes. One mutex guards it all; nothing here is on a hot path.
class UpstreamState
{
public:
    struct Settings
    {
        LoopbackUpstream::Behaviour behaviour = LoopbackUpstream::Behaviour::Echo;
        int delayMs = 2000;
        int sseEvents = 5;
        int sseIntervalMs = 100;
        bool sseHoldOpen = false;
        qint64 streamBytes = qint64(64) * 1024 * 1024;
        int status = 200;
    };

    Settings settings() const;
    void editSettings(const std::function<void(Settings&)>& edit);

    int connectionAccepted(); // returns the new connection's 1-based index
    void connectionClosed();
    void tlsHandshakeFailed();
    void recordRequest(const LoopbackUpstream::ReceivedRequest& request);
    void addSseEvent();
    void addStreamBytes(qint64 bytes);
    void markClientDisconnectedDuringStream();

    int requestCount() const;
    QList<LoopbackUpstream::ReceivedRequest> requests() const;
    int connectionCount() const;
    int openConnections() const;
    int tlsHandshakesFailed() const;
    int sseEventsSent() const;
    bool clientDisconnectedDuringStream() const;
    qint64 streamBytesWritten() const;

private:
    mutable QMutex m_mutex;
    Settings m_settings;
    QList<LoopbackUpstream::ReceivedRequest> m_requests;
    int m_connections = 0;
    int m_open = 0;
    int m_tlsFailures = 0;
    int m_sseEvents = 0;
    bool m_disconnectedDuringStream = false;
    qint64 m_streamBytes = 0;
};

} // namespace gatehouse::test

#include "tests/support/upstreams/UpstreamState.h"

#include <QMutexLocker>

namespace gatehouse::test {

UpstreamState::Settings UpstreamState::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void UpstreamState::editSettings(const std::function<void(Settings&)>& edit)
{
    QMutexLocker lock(&m_mutex);
    edit(m_settings);
}

int UpstreamState::connectionAccepted()
{
    QMutexLocker lock(&m_mutex);
    ++m_open;
    return ++m_connections;
}

void UpstreamState::connectionClosed()
{
    QMutexLocker lock(&m_mutex);
    --m_open;
}

void UpstreamState::tlsHandshakeFailed()
{
    QMutexLocker lock(&m_mutex);
    ++m_tlsFailures;
}

void UpstreamState::recordRequest(const LoopbackUpstream::ReceivedRequest& request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

void UpstreamState::addSseEvent()
{
    QMutexLocker lock(&m_mutex);
    ++m_sseEvents;
}

void UpstreamState::addStreamBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_streamBytes += bytes;
}

void UpstreamState::markClientDisconnectedDuringStream()
{
    QMutexLocker lock(&m_mutex);
    m_disconnectedDuringStream = true;
}

int UpstreamState::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

QList<LoopbackUpstream::ReceivedRequest> UpstreamState::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int UpstreamState::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int UpstreamState::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

int UpstreamState::tlsHandshakesFailed() const
{
    QMutexLocker lock(&m_mutex);
    return m_tlsFailures;
}

int UpstreamState::sseEventsSent() const
{
    QMutexLocker lock(&m_mutex);
    return m_sseEvents;
}

bool UpstreamState::clientDisconnectedDuringStream() const
{
    QMutexLocker lock(&m_mutex);
    return m_disconnectedDuringStream;
}

qint64 UpstreamState::streamBytesWritten() const
{
    QMutexLocker lock(&m_mutex);
    return m_streamBytes;
}

} // namespace gatehouse::test

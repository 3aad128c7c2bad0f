#include "tests/support/upstreams/ProviderUpstream.h"

#include "tests/support/upstreams/ProviderUpstreamConnection.h"

#include <QHostAddress>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace gatehouse::test {

ProviderUpstream::ProviderUpstream(QObject* parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    m_thread.setObjectName(QStringLiteral("ProviderUpstream"));
}

ProviderUpstream::~ProviderUpstream()
{
    stop();
}

bool ProviderUpstream::start()
{
    if (m_server)
        return true;
    m_thread.start();
    auto* server = new QTcpServer;
    server->moveToThread(&m_thread);
    quint16 port = 0;
    std::shared_ptr<State> state = m_state;
    QMetaObject::invokeMethod(
        server,
        [server, state, &port] {
            QObject::connect(server, &QTcpServer::newConnection, server, [server, state] {
                while (QTcpSocket* socket = server->nextPendingConnection())
                    new ProviderUpstreamConnection(socket, state, server);
            });
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    m_server = server;
    if (port == 0) {
        stop();
        return false;
    }
    m_port = port;
    return true;
}

void ProviderUpstream::stop()
{
    if (!m_server)
        return;
    QTcpServer* server = m_server;
    m_server = nullptr;
    // Connections are the server's children: deleting it in its own thread closes them all there.
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_port = 0;
}

QUrl ProviderUpstream::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void ProviderUpstream::setScenario(ProviderFixtures::Scenario scenario)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->settings.scenario = scenario;
}

void ProviderUpstream::setSseIntervalMs(int ms)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->settings.sseIntervalMs = ms;
}

void ProviderUpstream::setErrorStatus(int status)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->settings.errorStatus = status;
}

void ProviderUpstream::setMidStreamFailure(bool fail)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->settings.midStreamFailure = fail;
}

QList<LoopbackUpstream::ReceivedRequest> ProviderUpstream::requests() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests;
}

int ProviderUpstream::requestCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return int(m_state->requests.size());
}

int ProviderUpstream::eventsSent() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->eventsSent;
}

int ProviderUpstream::streamsCompleted() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->streamsCompleted;
}

bool ProviderUpstream::waitForRequests(int n, int timeoutMs) const
{
    return QTest::qWaitFor([this, n] { return requestCount() >= n; }, timeoutMs);
}

} // namespace gatehouse::test

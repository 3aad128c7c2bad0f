#include "tests/support/upstreams/LoopbackUpstream.h"

#include "tests/support/upstreams/HeaderFields.h"
#include "tests/support/upstreams/UpstreamServer.h"
#include "tests/support/upstreams/UpstreamState.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

namespace gatehouse::test {

QByteArray LoopbackUpstream::ReceivedRequest::header(QByteArrayView name) const
{
    return HeaderFields::value(headers, name);
}

LoopbackUpstream::LoopbackUpstream(Behaviour behaviour, QObject* parent)
    : QObject(parent)
    , m_state(std::make_shared<UpstreamState>())
{
    m_state->editSettings([behaviour](UpstreamState::Settings& settings) { settings.behaviour = behaviour; });
    m_thread.setObjectName(QStringLiteral("LoopbackUpstream"));
}

LoopbackUpstream::~LoopbackUpstream()
{
    stop();
}

bool LoopbackUpstream::start()
{
    if (m_server)
        return true;
    m_thread.start();
    m_server = new UpstreamServer(m_state, m_tls);
    m_server->moveToThread(&m_thread);
    quint16 port = 0;
    UpstreamServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server, &port] { port = server->listen(); }, Qt::BlockingQueuedConnection);
    if (port == 0) {
        stop();
        return false;
    }
    m_port = port;
    return true;
}

void LoopbackUpstream::stop()
{
    if (!m_server)
        return;
    UpstreamServer* server = m_server;
    m_server = nullptr;
    // Everything is torn down inside the upstream's thread, which owns the sockets. The server
    // object itself goes with deleteLater, which QThread runs as it finishes.
    QMetaObject::invokeMethod(
        server,
        [server] {
            server->shutdown();
            server->deleteLater();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_port = 0;
}

void LoopbackUpstream::setTls(const QSslCertificate& certificate, const QSslKey& key)
{
    Q_ASSERT(!m_server);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients bring no certificate
    m_tls = configuration;
}

QUrl LoopbackUpstream::url() const
{
    return url(QStringLiteral("127.0.0.1"));
}

QUrl LoopbackUpstream::url(const QString& host) const
{
    return QUrl(QStringLiteral("%1://%2:%3").arg(isTls() ? u"https" : u"http", host).arg(m_port));
}

LoopbackUpstream::Behaviour LoopbackUpstream::behaviour() const
{
    return m_state->settings().behaviour;
}

void LoopbackUpstream::setBehaviour(Behaviour behaviour)
{
    m_state->editSettings([behaviour](UpstreamState::Settings& settings) { settings.behaviour = behaviour; });
}

void LoopbackUpstream::setDelayMs(int ms)
{
    m_state->editSettings([ms](UpstreamState::Settings& settings) { settings.delayMs = ms; });
}

void LoopbackUpstream::setSseEvents(int count)
{
    m_state->editSettings([count](UpstreamState::Settings& settings) { settings.sseEvents = count; });
}

void LoopbackUpstream::setSseIntervalMs(int ms)
{
    m_state->editSettings([ms](UpstreamState::Settings& settings) { settings.sseIntervalMs = ms; });
}

void LoopbackUpstream::setSseHoldOpen(bool hold)
{
    m_state->editSettings([hold](UpstreamState::Settings& settings) { settings.sseHoldOpen = hold; });
}

void LoopbackUpstream::setStreamBytes(qint64 bytes)
{
    m_state->editSettings([bytes](UpstreamState::Settings& settings) { settings.streamBytes = bytes; });
}

void LoopbackUpstream::setStatus(int code)
{
    m_state->editSettings([code](UpstreamState::Settings& settings) { settings.status = code; });
}

int LoopbackUpstream::requestCount() const
{
    return m_state->requestCount();
}

QList<LoopbackUpstream::ReceivedRequest> LoopbackUpstream::requests() const
{
    return m_state->requests();
}

int LoopbackUpstream::connectionCount() const
{
    return m_state->connectionCount();
}

int LoopbackUpstream::tlsHandshakesFailed() const
{
    return m_state->tlsHandshakesFailed();
}

int LoopbackUpstream::openConnections() const
{
    return m_state->openConnections();
}

int LoopbackUpstream::sseEventsSent() const
{
    return m_state->sseEventsSent();
}

bool LoopbackUpstream::clientDisconnectedDuringStream() const
{
    return m_state->clientDisconnectedDuringStream();
}

qint64 LoopbackUpstream::streamBytesWritten() const
{
    return m_state->streamBytesWritten();
}

bool LoopbackUpstream::waitForRequests(int n, int timeoutMs) const
{
    return QTest::qWaitFor([this, n] { return m_state->requestCount() >= n; }, timeoutMs);
}

quint16 LoopbackUpstream::refusingPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace gatehouse::test

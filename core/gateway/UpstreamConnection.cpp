#include "core/gateway/UpstreamConnection.h"

#include "core/gateway/ReadScratch.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

#include <cerrno>

namespace gatehouse::gateway {

UpstreamConnection::UpstreamConnection(
    QByteArray host, quint16 port, const QSslConfiguration* tls, QNetworkProxy proxy, QObject* parent)
    : QObject(parent)
    , m_key(poolKey(host, port, tls != nullptr))
    , m_host(std::move(host))
    , m_port(port)
    , m_tls(tls != nullptr)
    , m_tlsConfiguration(tls ? *tls : QSslConfiguration())
    , m_proxy(std::move(proxy))
    , m_parser(HttpParser::Mode::Response, *this)
{ }

UpstreamConnection::~UpstreamConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QByteArray UpstreamConnection::poolKey(QByteArrayView host, quint16 port, bool tls)
{
    return (tls ? QByteArrayLiteral("https://") : QByteArrayLiteral("http://")) + host.toByteArray() + ':'
        + QByteArray::number(port);
}

void UpstreamConnection::begin(UpstreamClient* client, QByteArray head, bool headRequest)
{
    m_client = client;
    m_responseComplete = false;
    m_keepAlive = false;
    m_gotResponseBytes = false;
    m_requestSent = false;
    m_earlyResponse = false;
    m_completeUntold = false;
    ++m_exchanges;
    m_parser.expectNoBody(headRequest);
    if (m_parser.isPaused())
        m_parser.resume();
    if (!m_socket) {
        if (m_tls) {
            auto* ssl = new QSslSocket(this);
            // Verification stays on (VerifyPeer, the host name checked against the certificate), and
            // an error is never ignored: a failed handshake fails the request, it never falls back.
            ssl->setSslConfiguration(m_tlsConfiguration);
            connect(ssl, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
            connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
                QStringList reasons;
                for (const QSslError& error : errors)
                    reasons.append(error.errorString());
                fail(UpstreamClient::Failure::TlsVerification, reasons.join(QStringLiteral("; ")));
            });
            m_socket = ssl;
        } else {
            m_socket = new QTcpSocket(this);
            connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
        }
        // Bounded: while the client reads slowly we stop reading, and TCP pushes back on the upstream.
        // (Plain TCP is unbuffered, so Qt holds nothing; TLS decrypts into Qt's buffer, capped here.)
        m_socket->setReadBufferSize(kReadChunk);
        connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &UpstreamConnection::onBytesWritten);
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
                || error == QAbstractSocket::SslInvalidUserDataError) {
                fail(m_connected ? UpstreamClient::Failure::Reset : UpstreamClient::Failure::TlsHandshake,
                    m_socket->errorString());
            } else if (error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::HostNotFoundError
                || error == QAbstractSocket::NetworkError) {
                if (!m_connected)
                    fail(UpstreamClient::Failure::Refused, m_socket->errorString());
                else
                    fail(UpstreamClient::Failure::Reset, m_socket->errorString());
            } else if (error != QAbstractSocket::RemoteHostClosedError) {
                fail(m_connected ? UpstreamClient::Failure::Reset : UpstreamClient::Failure::Refused,
                    m_socket->errorString());
            }
        });
        m_socket->setProxy(m_proxy);
        m_outbox = std::move(head);
        if (m_tls)
            static_cast<QSslSocket*>(m_socket)->connectToHostEncrypted(QString::fromLatin1(m_host), m_port);
        else // Unbuffered: read straight into the parser, one write per request head (see Worker::accept).
            m_socket->connectToHost(QString::fromLatin1(m_host), m_port, QIODevice::ReadWrite | QIODevice::Unbuffered);
        return;
    }
    // Bytes that arrived while idle were checked for by the pool (isIdleClean) just before this.
    m_outbox = std::move(head);
    flushOutbox();
}

void UpstreamConnection::onConnected()
{
    m_connected = true;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    flushOutbox();
}

void UpstreamConnection::flushOutbox()
{
    if (!m_connected || m_outbox.isEmpty())
        return;
    m_socket->write(m_outbox);
    m_outbox.clear();
    // Hand the head to the kernel now instead of on the next loop pass (a POLLOUT wake-up per request).
    m_socket->flush();
}

void UpstreamConnection::sendBody(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (!m_connected) {
        m_outbox.append(bytes);
        return;
    }
    m_socket->write(bytes.data(), bytes.size());
}

void UpstreamConnection::requestSent()
{
    m_requestSent = true;
}

void UpstreamConnection::detach()
{
    m_client = nullptr;
    if (!isReusable())
        close();
}

void UpstreamConnection::abandon()
{
    m_client = nullptr;
    if (m_socket)
        m_socket->disconnect(this);
    close();
}

bool UpstreamConnection::isReusable() const
{
    return m_socket && m_connected && !m_failed && m_responseComplete && m_keepAlive && m_requestSent
        && !m_earlyResponse && m_outbox.isEmpty() && m_pending.isEmpty()
        && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesToWrite() == 0;
}

qintptr UpstreamConnection::descriptor() const
{
    return m_socket ? m_socket->socketDescriptor() : -1;
}

bool UpstreamConnection::isIdleClean(bool quietToTheEventLoop) const
{
    if (!m_socket || m_failed || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    // What Qt holds decrypted (TLS only: an unbuffered plain socket holds nothing, and asking it would cost a
    // FIONREAD that the look below makes anyway)...
    if (m_tls && m_socket->bytesAvailable() > 0)
        return false;
    // ...what the event loop found at its last wait (anything would have been read, and retired the connection;
    // bytes since then are the same race as bytes just after a look at the kernel)...
    if (quietToTheEventLoop)
        return true;
    // ...and one look at the kernel's queue, which also shows an end of stream that readyRead has not reported
    // yet. Under TLS any record now (data, an alert) is as unasked for as plain bytes.
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor < 0)
        return false;
    char byte;
    const ssize_t peeked = ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void UpstreamConnection::close()
{
    m_failed = true;
    if (m_socket)
        m_socket->abort();
}

void UpstreamConnection::pauseReading()
{
    m_paused = true;
}

void UpstreamConnection::resumeReading()
{
    if (!m_paused)
        return;
    m_paused = false;
    // Deliver what is buffered now; the socket signals again when more arrives.
    QMetaObject::invokeMethod(this, &UpstreamConnection::onReadyRead, Qt::QueuedConnection);
}

qint64 UpstreamConnection::bytesToWrite() const
{
    return (m_socket ? m_socket->bytesToWrite() : 0) + m_outbox.size();
}

void UpstreamConnection::onReadyRead()
{
    if (!m_socket)
        return;
    if (!m_client) {
        // Idle in the pool: anything arriving now (or a close) retires the connection.
        if (m_tls ? m_socket->bytesAvailable() > 0 : readWhileIdle()) {
            close();
            Q_EMIT idleClosed(this);
        }
        return;
    }
    UpstreamClient* client = m_client;
    // A paused parser has one whole response: nothing more is read for this exchange.
    while (!m_paused && m_client && !m_parser.isPaused()) {
        if (!m_pending.isEmpty()) {
            if (!feedParser(m_pending))
                return;
            continue;
        }
        ReadScratch scratch;
        const qint64 read = m_socket->read(scratch.data(), ReadScratch::kSize);
        if (read < 0 && !m_tls) {
            // End of stream or an error: an unbuffered socket reports it only here, never with disconnected().
            peerClosed();
            return;
        }
        if (read <= 0)
            break;
        m_gotResponseBytes = true;
        if (!feedParser(QByteArrayView(scratch.data(), read)))
            return;
        if (!m_tls && read < ReadScratch::kSize)
            break; // the socket is drained: its next readyRead brings more, a read now would only say EAGAIN
    }
    if (m_client == client)
        client->onUpstreamReadDone();
}

bool UpstreamConnection::feedParser(QByteArrayView bytes)
{
    // Fed from m_pending, the bytes must outlive m_pending's reassignment below.
    const QByteArray keep = bytes.data() == m_pending.constData() ? std::exchange(m_pending, {}) : QByteArray();
    m_inFeed = true;
    const qsizetype consumed = m_parser.feed(bytes);
    m_inFeed = false;
    if (m_parser.hasError()) {
        fail(UpstreamClient::Failure::Malformed, m_parser.error().message);
        return false;
    }
    if (m_parser.isPaused()) {
        // One response is complete; anything after it is unsolicited. Judged before the client hears of the end,
        // for it may hand the connection back to the pool at once.
        if (consumed < bytes.size())
            m_keepAlive = false;
        if (std::exchange(m_completeUntold, false) && m_client)
            m_client->onUpstreamComplete();
        return true;
    }
    if (consumed < bytes.size())
        m_pending = bytes.sliced(consumed).toByteArray(); // held while the client is slow
    return true;
}

bool UpstreamConnection::readWhileIdle()
{
    char byte;
    return m_socket->read(&byte, 1) != 0; // a byte nobody asked for, or the end of the stream
}

void UpstreamConnection::onDisconnected()
{
    if (!m_client) {
        Q_EMIT idleClosed(this);
        return;
    }
    // Drain what is still buffered before judging the close.
    if (!m_paused)
        onReadyRead();
    peerClosed();
}

void UpstreamConnection::peerClosed()
{
    if (!m_client || m_responseComplete)
        return;
    if (m_parser.headersComplete() && m_parser.finish()) {
        // A read-until-close body ended normally; finish() delivered onMessageComplete.
        return;
    }
    fail(m_gotResponseBytes ? UpstreamClient::Failure::Reset : UpstreamClient::Failure::Closed,
        QStringLiteral("the upstream closed the connection"));
}

void UpstreamConnection::onBytesWritten()
{
    if (m_client && m_socket->bytesToWrite() < kReadChunk)
        m_client->onUpstreamWritable();
}

void UpstreamConnection::fail(UpstreamClient::Failure failure, const QString& detail)
{
    if (m_failed && !m_client)
        return;
    m_failed = true;
    UpstreamClient* client = std::exchange(m_client, nullptr);
    if (m_socket)
        m_socket->abort();
    if (client && !m_responseComplete)
        client->onUpstreamFailure(failure, detail);
}

void UpstreamConnection::onResponseHead(HttpResponseHead&& head)
{
    m_keepAlive = head.keepAlive;
    // Handed to the kernel means nothing left in our outbox or in the socket's write buffer.
    if (!m_requestSent || !m_outbox.isEmpty() || (m_socket && m_socket->bytesToWrite() > 0))
        m_earlyResponse = true;
    if (m_client)
        m_client->onUpstreamHead(std::move(head));
}

void UpstreamConnection::onBody(QByteArrayView chunk)
{
    if (m_client)
        m_client->onUpstreamBody(chunk);
}

void UpstreamConnection::onMessageComplete()
{
    m_responseComplete = true;
    if (m_inFeed)
        m_completeUntold = true; // told by feedParser, once it knows whether bytes follow the response
    else if (m_client)
        m_client->onUpstreamComplete();
}

} // namespace gatehouse::gateway

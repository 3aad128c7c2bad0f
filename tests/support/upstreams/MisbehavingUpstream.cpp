#include "tests/support/upstreams/MisbehavingUpstream.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse::test {

namespace {

bool isRequestLine(const QList<QByteArray>& parts)
{
    return parts.size() == 3 && !parts[0].isEmpty() && parts[1].startsWith('/') && parts[2].startsWith("HTTP/1.");
}

// A naive chunked body: the bytes it takes from the front of `in`, or -1 while incomplete.
qsizetype chunkedLength(const QByteArray& in, qsizetype from)
{
    qsizetype at = from;
    while (true) {
        const qsizetype lineEnd = in.indexOf("\r\n", at);
        if (lineEnd < 0)
            return -1;
        bool ok = false;
        const qint64 size = in.mid(at, lineEnd - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        at = lineEnd + 2;
        if (size == 0) {
            const qsizetype end = in.indexOf("\r\n\r\n", at - 2);
            return end < 0 ? -1 : end + 4 - from;
        }
        if (in.size() < at + size + 2)
            return -1;
        at += size + 2;
    }
}

} // namespace

MisbehavingUpstream::MisbehavingUpstream(Mode mode)
    : m_mode(mode)
    , m_trailing("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled")
{
    m_thread.setObjectName(QStringLiteral("MisbehavingUpstream"));
    connect(this, &QTcpServer::newConnection, this, &MisbehavingUpstream::onNewConnection);
}

MisbehavingUpstream::~MisbehavingUpstream()
{
    stop();
}

bool MisbehavingUpstream::start()
{
    m_thread.start();
    moveToThread(&m_thread);
    bool listening = false;
    QMetaObject::invokeMethod(
        this, [this, &listening] { listening = listen(QHostAddress::LocalHost); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return false;
    }
    m_port = serverPort();
    return true;
}

void MisbehavingUpstream::stop()
{
    if (!m_thread.isRunning())
        return;
    QThread* home = thread() == &m_thread ? QThread::currentThread() : nullptr;
    QMetaObject::invokeMethod(
        this,
        [this, home] {
            close();
            // Taken out first: an abort says disconnected(), whose handler edits m_peers.
            const QList<QTcpSocket*> sockets = std::exchange(m_peers, {}).keys();
            for (QTcpSocket* socket : sockets) {
                socket->disconnect(this);
                socket->abort();
                delete socket;
            }
            if (home)
                moveToThread(home); // back to the thread that deletes this object
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_port = 0;
}

void MisbehavingUpstream::setMode(Mode mode)
{
    QMutexLocker lock(&m_mutex);
    m_mode = mode;
}

void MisbehavingUpstream::setTrailingBytes(QByteArray bytes)
{
    QMutexLocker lock(&m_mutex);
    m_trailing = std::move(bytes);
}

void MisbehavingUpstream::setTrailingDelayMs(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_trailingDelayMs = ms;
}

void MisbehavingUpstream::setResponseSize(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_responseSize = bytes;
}

QList<MisbehavingUpstream::Request> MisbehavingUpstream::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

bool MisbehavingUpstream::served(QByteArrayView target) const
{
    QMutexLocker lock(&m_mutex);
    for (const Request& request : m_requests) {
        if (request.target == target)
            return true;
    }
    return false;
}

int MisbehavingUpstream::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int MisbehavingUpstream::trailingWrites() const
{
    QMutexLocker lock(&m_mutex);
    return m_trailingWrites;
}

bool MisbehavingUpstream::waitForRequests(int n, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (requests().size() < n) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

bool MisbehavingUpstream::waitForTrailingWrites(int n, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (trailingWrites() < n) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

void MisbehavingUpstream::onNewConnection()
{
    while (QTcpSocket* socket = nextPendingConnection()) {
        {
            QMutexLocker lock(&m_mutex);
            m_peers[socket].index = ++m_connections;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_peers.remove(socket);
            socket->deleteLater();
        });
    }
}

void MisbehavingUpstream::serve(QTcpSocket* socket)
{
    auto found = m_peers.find(socket);
    if (found == m_peers.end())
        return;
    const QByteArray bytes = socket->readAll();
    if (bytes.isEmpty())
        return;
    found->in += bytes;
    if (!found->rest.isEmpty())
        sendRest(socket); // the early answer ends once the gateway sent more (the body it did not wait for)
    while (m_peers.contains(socket) && serveOne(socket, m_peers[socket])) { }
}

bool MisbehavingUpstream::serveOne(QTcpSocket* socket, Peer& peer)
{
    const qsizetype headEnd = peer.in.indexOf("\r\n\r\n");
    const qsizetype firstLineEnd = peer.in.indexOf("\r\n");
    if (firstLineEnd < 0)
        return false;
    const QList<QByteArray> requestLine = peer.in.left(firstLineEnd).split(' ');
    if (!isRequestLine(requestLine)) {
        peer.in.remove(0, firstLineEnd + 2); // not a request line: skipped, as lenient servers do
        return true;
    }
    if (headEnd < 0)
        return false;
    qint64 contentLength = 0;
    bool chunked = false;
    for (const QByteArray& line : peer.in.mid(firstLineEnd + 2, headEnd - firstLineEnd - 2).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue; // naive: a malformed field line is ignored
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
    }
    const QByteArray method = requestLine[0];
    const QByteArray target = requestLine[1];
    Mode mode;
    {
        QMutexLocker lock(&m_mutex);
        mode = m_mode;
    }
    const qsizetype bodyStart = headEnd + 4;
    if (mode == Mode::AnswerBeforeBody && (chunked || contentLength > 0) && method != "GET") {
        peer.in.remove(0, bodyStart);
        answer(socket, peer, method, target, true);
        return true;
    }
    qsizetype bodyLength = contentLength;
    if (chunked) {
        bodyLength = chunkedLength(peer.in, bodyStart);
        if (bodyLength < 0)
            return false;
    } else if (peer.in.size() < bodyStart + contentLength) {
        return false;
    }
    peer.in.remove(0, bodyStart + bodyLength);
    answer(socket, peer, method, target, false);
    return true;
}

void MisbehavingUpstream::answer(
    QTcpSocket* socket, Peer& peer, const QByteArray& method, const QByteArray& target, bool early)
{
    Mode mode;
    QByteArray trailing;
    int trailingDelayMs = 0;
    qint64 responseSize = 0;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append({method, target, peer.index});
        mode = m_mode;
        trailing = m_trailing;
        trailingDelayMs = m_trailingDelayMs;
        responseSize = m_responseSize;
    }
    QByteArray body = method + ' ' + target + " #" + QByteArray::number(peer.index);
    QByteArray statusLine = "HTTP/1.1 200 OK\r\n";
    QByteArray fields;
    if (mode == Mode::CloseButStayOpen)
        fields = "Connection: close\r\n";
    else if (mode == Mode::Http10)
        statusLine = "HTTP/1.0 200 OK\r\n";
    const auto headFor = [&](qint64 length) -> QByteArray {
        return statusLine + fields + "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(length)
            + "\r\n\r\n";
    };
    // Padded with dots until head and body make exactly responseSize bytes (the head grows with the length).
    while (responseSize > 0 && headFor(body.size()).size() + body.size() < responseSize)
        body.append('.');
    const QByteArray response = headFor(body.size()) + body;
    if (early) {
        const qsizetype half = headFor(body.size()).size() + body.size() / 2;
        socket->write(response.left(half));
        peer.rest = response.mid(half);
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(kRestDelayMs, this, [this, guard] {
            if (guard)
                sendRest(guard);
        });
        return;
    }
    if (mode == Mode::TrailingBytes && trailingDelayMs == 0) {
        socket->write(response + trailing);
        QMutexLocker lock(&m_mutex);
        ++m_trailingWrites;
        return;
    }
    socket->write(response);
    if (mode == Mode::TrailingBytes) {
        socket->flush();
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(trailingDelayMs, this, [this, guard, trailing] {
            if (!guard)
                return;
            guard->write(trailing);
            guard->flush();
            QMutexLocker lock(&m_mutex);
            ++m_trailingWrites;
        });
    }
}

void MisbehavingUpstream::sendRest(QTcpSocket* socket)
{
    auto found = m_peers.find(socket);
    if (found == m_peers.end() || found->rest.isEmpty())
        return;
    socket->write(std::exchange(found->rest, {}));
    socket->flush();
}

} // namespace gatehouse::test

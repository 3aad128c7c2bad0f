#include "tests/support/upstreams/UpstreamConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace gatehouse::test {

namespace {

constexpr qint64 StreamPiece = 64 * 1024;
// Stream hands out more only while Qt holds less than this unsent, so a client that stops reading
// fills the kernel buffers and then stalls the writer, as the gateway's back-pressure tests need.
constexpr qint64 StreamHighWater = 256 * 1024;
constexpr qint64 ResetDeclaredLength = 100000;
constexpr qint64 ResetSentBytes = 1000;
// Lets the partial body reach the peer (and a gateway start relaying it) before the RST.
constexpr int ResetDelayMs = 50;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool forbidsBody(int status)
{
    return status == 204 || status == 304;
}

// The path of a request target, without the query.
QByteArray targetPath(const QByteArray& target)
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.first(query);
}

// 0 unless the target is /status/NNN with NNN a final status code.
int statusFromTarget(const QByteArray& target)
{
    const QByteArray path = targetPath(target);
    if (!path.startsWith("/status/") || path.size() != 11)
        return 0;
    bool ok = false;
    const int status = path.sliced(8).toInt(&ok);
    return ok && status >= 200 && status <= 599 ? status : 0;
}

} // namespace

UpstreamConnection::UpstreamConnection(
    QTcpSocket* socket, std::shared_ptr<UpstreamState> state, int id, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(std::move(state))
    , m_id(id)
{
    m_socket->setParent(this);
    // Precise, because the Slow self-test checks that a response never comes before the delay.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamConnection::onTimer);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &UpstreamConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    // A TLS connection is handed over after its handshake, when a request may already be buffered.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &UpstreamConnection::onReadyRead, Qt::QueuedConnection);
}

UpstreamConnection::~UpstreamConnection()
{
    // Shutdown of the whole upstream: this is not the client going away, so no signal handlers.
    m_socket->disconnect(this);
    m_socket->abort();
    if (m_counted)
        m_state->connectionClosed();
}

void UpstreamConnection::onReadyRead()
{
    m_in += m_socket->readAll();
    processBuffered();
}

void UpstreamConnection::processBuffered()
{
    // Responses that finish synchronously come back here through finishResponse(); the guard keeps
    // a burst of pipelined requests a loop instead of a recursion.
    if (m_processing)
        return;
    m_processing = true;
    while (m_phase == Phase::Idle) {
        const HttpRequestReader::Status status = m_reader.read(m_in);
        if (status == HttpRequestReader::Status::Error) {
            m_request = {};
            m_keepAlive = false;
            writeJson(400, "{\"error\":\"bad request\"}");
            closeGracefully();
            break;
        }
        if (status == HttpRequestReader::Status::NeedMore) {
            if (m_reader.headComplete() && m_reader.expectsContinue() && !m_continueSent) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continueSent = true;
            }
            break;
        }
        m_keepAlive = m_reader.keepAlive();
        m_request = m_reader.takeRequest();
        m_request.connection = m_id;
        m_continueSent = false;
        m_state->recordRequest(m_request);
        dispatch();
    }
    m_processing = false;
}

void UpstreamConnection::dispatch()
{
    m_settings = m_state->settings();
    m_statusFromPath = statusFromTarget(m_request.target);
    switch (m_settings.behaviour) {
    case LoopbackUpstream::Behaviour::Sse:
        startSse();
        return;
    case LoopbackUpstream::Behaviour::Stream:
        startStream();
        return;
    case LoopbackUpstream::Behaviour::Reset:
        if (m_statusFromPath != 0)
            answerNow();
        else
            startReset();
        return;
    case LoopbackUpstream::Behaviour::Slow:
        // A timer in this thread, never a sleep: other connections of this upstream keep going.
        m_phase = Phase::Delaying;
        m_timer.setSingleShot(true);
        m_timer.start(qMax(0, m_settings.delayMs));
        return;
    case LoopbackUpstream::Behaviour::Echo:
    case LoopbackUpstream::Behaviour::Status:
        answerNow();
        return;
    }
}

void UpstreamConnection::answerNow()
{
    if (m_statusFromPath != 0)
        respondStatus(m_statusFromPath);
    else if (m_settings.behaviour == LoopbackUpstream::Behaviour::Status)
        respondStatus(m_settings.status);
    else
        respondEcho();
    finishResponse();
}

void UpstreamConnection::finishResponse()
{
    m_timer.stop();
    m_phase = Phase::Idle;
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    processBuffered();
}

void UpstreamConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_timer.stop();
    m_socket->disconnectFromHost(); // sends what is still queued, then FIN
}

void UpstreamConnection::onTimer()
{
    switch (m_phase) {
    case Phase::Delaying:
        answerNow();
        break;
    case Phase::SseEvents:
        sendSseEvent();
        break;
    case Phase::Resetting:
        resetNow();
        break;
    default:
        break;
    }
}

void UpstreamConnection::onBytesWritten()
{
    if (m_phase == Phase::Streaming)
        pumpStream();
}

void UpstreamConnection::onDisconnected()
{
    switch (m_phase) {
    case Phase::Delaying:
    case Phase::SseEvents:
    case Phase::SseHolding:
    case Phase::Streaming:
        m_state->markClientDisconnectedDuringStream();
        break;
    default:
        break;
    }
    m_phase = Phase::Closing;
    m_timer.stop();
    if (m_counted) {
        m_state->connectionClosed();
        m_counted = false;
    }
    deleteLater();
}

void UpstreamConnection::writeHead(int status, const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    else if (m_request.version == "HTTP/1.0")
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void UpstreamConnection::writeJson(int status, const QByteArray& json)
{
    if (forbidsBody(status)) {
        writeHead(status, {});
        return;
    }
    writeHead(status, {{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(json.size())}});
    // HEAD gets the length of the body it would have had, but not the body.
    if (m_request.method != "HEAD")
        m_socket->write(json);
}

void UpstreamConnection::respondEcho()
{
    QJsonObject headers;
    for (const auto& [name, value] : std::as_const(m_request.headers)) {
        const QString key = QString::fromLatin1(name.toLower());
        const QString text = QString::fromUtf8(value);
        // Repeated fields are joined as a recipient may do (RFC 9110 section 5.3).
        if (headers.contains(key))
            headers.insert(key, QString(headers.value(key).toString() + QStringLiteral(", ") + text));
        else
            headers.insert(key, text);
    }
    const qsizetype query = m_request.target.indexOf('?');
    QJsonObject echo;
    echo.insert(QStringLiteral("method"), QString::fromLatin1(m_request.method));
    echo.insert(QStringLiteral("path"), QString::fromUtf8(targetPath(m_request.target)));
    echo.insert(
        QStringLiteral("query"), QString::fromUtf8(query < 0 ? QByteArray() : m_request.target.sliced(query + 1)));
    echo.insert(QStringLiteral("target"), QString::fromUtf8(m_request.target));
    echo.insert(QStringLiteral("headers"), headers);
    echo.insert(QStringLiteral("body"), QString::fromUtf8(m_request.body));
    echo.insert(QStringLiteral("connection"), m_id);
    writeJson(200, QJsonDocument(echo).toJson(QJsonDocument::Compact));
}

void UpstreamConnection::respondStatus(int status)
{
    writeJson(status, "{\"status\":" + QByteArray::number(status) + '}');
}

void UpstreamConnection::startSse()
{
    m_phase = Phase::SseEvents;
    m_sseSent = 0;
    writeHead(
        200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}, {"Transfer-Encoding", "chunked"}});
    // The first event goes out at once; the interval separates it from the next one.
    m_timer.setSingleShot(false);
    m_timer.setInterval(qMax(0, m_settings.sseIntervalMs));
    sendSseEvent();
}

void UpstreamConnection::sendSseEvent()
{
    if (m_sseSent < m_settings.sseEvents) {
        ++m_sseSent;
        const QByteArray event = "data: {\"n\":" + QByteArray::number(m_sseSent) + "}\n\n";
        m_socket->write(QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n");
        m_state->addSseEvent();
    }
    if (m_sseSent < m_settings.sseEvents) {
        if (!m_timer.isActive())
            m_timer.start();
        return;
    }
    m_timer.stop();
    if (m_settings.sseHoldOpen) {
        m_phase = Phase::SseHolding; // until the client goes away
        return;
    }
    m_socket->write("0\r\n\r\n");
    finishResponse();
}

void UpstreamConnection::startStream()
{
    m_phase = Phase::Streaming;
    m_streamRemaining = qMax<qint64>(0, m_settings.streamBytes);
    writeHead(
        200, {{"Content-Type", "application/octet-stream"}, {"Content-Length", QByteArray::number(m_streamRemaining)}});
    pumpStream();
}

void UpstreamConnection::pumpStream()
{
    static const QByteArray piece(StreamPiece, 'x');
    while (m_streamRemaining > 0 && m_socket->bytesToWrite() < StreamHighWater) {
        const qint64 size = qMin(StreamPiece, m_streamRemaining);
        m_socket->write(piece.constData(), size);
        m_streamRemaining -= size;
        m_state->addStreamBytes(size);
    }
    if (m_streamRemaining == 0)
        finishResponse();
}

void UpstreamConnection::startReset()
{
    m_phase = Phase::Resetting;
    writeHead(200,
        {{"Content-Type", "application/octet-stream"}, {"Content-Length", QByteArray::number(ResetDeclaredLength)}});
    m_socket->write(QByteArray(ResetSentBytes, 'x'));
    m_socket->flush();
    m_timer.setSingleShot(true);
    m_timer.start(ResetDelayMs);
}

void UpstreamConnection::resetNow()
{
    m_socket->flush();
#ifdef Q_OS_UNIX
    // Linger on with a zero timeout turns close() into an RST instead of a FIN, which is what
    // a crashing upstream looks like to the gateway.
    const linger hard {1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    m_phase = Phase::Closing;
    m_socket->abort();
}

} // namespace gatehouse::test

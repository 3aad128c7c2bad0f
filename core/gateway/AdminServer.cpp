#include "core/gateway/AdminServer.h"

#include "core/gateway/GatewayMetrics.h"
#include "core/gateway/HttpParser.h"
#include "core/gateway/HttpResponses.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>

namespace gatehouse::gateway {

namespace {

// Collects one request head; the admin endpoints take no bodies.
class HeadCollector : public HttpParserListener
{
public:
    void onRequestHead(HttpRequestHead&& head) override { this->head = std::move(head); }
    void onBody(QByteArrayView) override { }
    void onMessageComplete() override { complete = true; }

    HttpRequestHead head;
    bool complete = false;
};

} // namespace

AdminServer::AdminServer(GatewayMetrics& metrics, std::function<qint64()> revision, QObject* parent)
    : AdminServer(metrics, std::move(revision), Limits(), parent)
{ }

AdminServer::AdminServer(GatewayMetrics& metrics, std::function<qint64()> revision, Limits limits, QObject* parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_revision(std::move(revision))
    , m_limits(limits)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            if (m_open >= m_limits.maxConnections) {
                socket->abort(); // over the cap: no answer, no state, nothing to hold open
                socket->deleteLater();
                continue;
            }
            serve(socket);
        }
    });
}

bool AdminServer::isLoopbackHost(QByteArrayView host)
{
    QByteArrayView name = host;
    // An optional :port (1 to 5 digits) after the name; [::1] keeps its colons inside the brackets.
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0 && !host.endsWith(']')) {
        const QByteArrayView port = host.sliced(colon + 1);
        if (port.isEmpty() || port.size() > 5)
            return false;
        for (const char c : port) {
            if (c < '0' || c > '9')
                return false;
        }
        name = host.first(colon);
    }
    return name.compare("localhost", Qt::CaseInsensitive) == 0 || name == "127.0.0.1" || name == "[::1]";
}

bool AdminServer::listen(const QHostAddress& address, quint16 port)
{
    return m_server->listen(address, port);
}

void AdminServer::close()
{
    m_server->close();
}

quint16 AdminServer::port() const
{
    return m_server->serverPort();
}

QString AdminServer::errorString() const
{
    return m_server->errorString();
}

void AdminServer::serve(QTcpSocket* socket)
{
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // A client that never finishes its head (or never reads the answer) loses the connection at the deadline.
    auto* deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    deadline->start(int(std::clamp<qint64>(m_limits.headerTimeoutMs, 0, std::numeric_limits<int>::max())));

    auto collector = std::make_shared<HeadCollector>();
    HttpParser::Limits limits;
    limits.maxHeaderBytes = m_limits.maxHeadBytes;
    limits.maxBodyBytes = 0; // the admin endpoints take no body
    auto parser = std::make_shared<HttpParser>(HttpParser::Mode::Request, *collector, limits);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, collector, parser] {
        if (collector->complete) {
            socket->skip(socket->bytesAvailable()); // nothing more is read from a connection that was answered
            return;
        }
        // Fed in pieces no larger than the head may be: the parser refuses a head past the cap, so this ends after
        // a few rounds whatever the client sends.
        while (!collector->complete && !parser->hasError() && socket->bytesAvailable() > 0)
            parser->feed(socket->read(m_limits.maxHeadBytes + 1));
        QByteArray response;
        if (parser->hasError()) {
            const HttpParseError& error = parser->error();
            response = responses::jsonError(error.status, error.code, error.message, {}, true);
        } else if (!collector->complete) {
            return;
        } else {
            response = answer(collector->head);
        }
        collector->complete = true;
        socket->write(response);
        socket->disconnectFromHost();
    });
}

QByteArray AdminServer::answer(const HttpRequestHead& head) const
{
    // Against DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 still sends its own name.
    const auto hosts = head.headers.valueViews("host");
    if (hosts.size() != 1 || !isLoopbackHost(hosts.first())) {
        return responses::jsonError(421, "misdirected_request",
            QStringLiteral("the admin listener answers only requests for localhost, 127.0.0.1 or [::1]"), {}, true);
    }
    if (head.method != "GET" && head.method != "HEAD") {
        return responses::jsonError(405, "method_not_allowed", QStringLiteral("use GET"),
            {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")}}, true);
    }
    if (head.target == "/healthz") {
        const QByteArray body = "{\"status\":\"ok\",\"revision\":" + QByteArray::number(m_revision()) + '}';
        return responses::build(200, {}, "application/json", body, true);
    }
    if (head.target == "/metrics")
        return responses::build(
            200, {}, "text/plain; version=0.0.4; charset=utf-8", m_metrics.renderPrometheus(), true);
    return responses::jsonError(
        404, "not_found", QStringLiteral("the admin listener serves /healthz and /metrics"), {}, true);
}

} // namespace gatehouse::gateway

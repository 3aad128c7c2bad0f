#include "core/gateway/AdminServer.h"

#include "core/gateway/GatewayMetrics.h"
#include "core/gateway/HttpParser.h"
#include "core/gateway/HttpResponses.h"

#include <QTcpServer>
#include <QTcpSocket>

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
    : QObject(parent)
    , m_metrics(metrics)
    , m_revision(std::move(revision))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection())
            serve(socket);
    });
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
    auto collector = std::make_shared<HeadCollector>();
    auto parser = std::make_shared<HttpParser>(HttpParser::Mode::Request, *collector);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, collector, parser] {
        if (collector->complete)
            return;
        parser->feed(socket->readAll());
        QByteArray response;
        if (parser->hasError()) {
            const HttpParseError& error = parser->error();
            response = responses::jsonError(error.status, error.code, error.message, {}, true);
        } else if (!collector->complete) {
            return;
        } else if (collector->head.method != "GET" && collector->head.method != "HEAD") {
            response = responses::jsonError(405, "method_not_allowed", QStringLiteral("use GET"),
                {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")}}, true);
        } else if (collector->head.target == "/healthz") {
            const QByteArray body = "{\"status\":\"ok\",\"revision\":" + QByteArray::number(m_revision()) + '}';
            response = responses::build(200, {}, "application/json", body, true);
        } else if (collector->head.target == "/metrics") {
            response = responses::build(
                200, {}, "text/plain; version=0.0.4; charset=utf-8", m_metrics.renderPrometheus(), true);
        } else {
            response = responses::jsonError(
                404, "not_found", QStringLiteral("the admin listener serves /healthz and /metrics"), {}, true);
        }
        collector->complete = true;
        socket->write(response);
        socket->disconnectFromHost();
    });
}

} // namespace gatehouse::gateway

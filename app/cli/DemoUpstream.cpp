#include "app/cli/DemoUpstream.h"

#include "core/gateway/HttpParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse::cli {

using gateway::HttpParser;
using gateway::HttpRequestHead;

namespace {

struct Answer
{
    int status = 200;
    QByteArray body;
};

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject item(qint64 id)
{
    static const char* const names[] = {"bolt", "washer", "hinge", "bracket", "spring", "gasket", "rivet", "clamp"};
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), QString::fromLatin1(names[id % 8])},
        {QStringLiteral("stock"), (id * 37) % 500}};
}

Answer answer(const QByteArray& method, QByteArray path)
{
    if (const qsizetype question = path.indexOf('?'); question >= 0)
        path.truncate(question);
    if (QRandomGenerator::global()->bounded(50) == 0) {
        const int status = QRandomGenerator::global()->bounded(2) == 0 ? 500 : 503;
        return {status, json({{QStringLiteral("error"), QStringLiteral("inventory database is busy")}})};
    }
    if (path == "/healthz")
        return {200, json({{QStringLiteral("status"), QStringLiteral("ok")}})};
    if (path == "/items" && method == "POST")
        return {201, json({{QStringLiteral("id"), QRandomGenerator::global()->bounded(1000, 9999)}})};
    if (path == "/items" && method == "GET") {
        QJsonArray items;
        for (int id = 1; id <= 10; ++id)
            items.append(item(id));
        return {200, json({{QStringLiteral("items"), items}})};
    }
    if (path.startsWith("/items/") && method == "GET") {
        bool ok = false;
        const qint64 id = path.mid(7).toLongLong(&ok);
        if (ok && id > 0 && id % 17 != 0)
            return {200, json(item(id))};
    }
    return {404, json({{QStringLiteral("error"), QStringLiteral("no such item")}})};
}

} // namespace

// One client connection (the gateway's pooled connection). Requests are answered one at a time, in order:
// the parser is paused after each complete request until its delayed answer has been written.
class DemoUpstream::Connection : public QObject, private gateway::HttpParserListener
{
public:
    Connection(DemoUpstream& owner, QTcpSocket* socket)
        : QObject(&owner)
        , m_owner(owner)
        , m_socket(socket)
        , m_parser(HttpParser::Mode::Request, *this)
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::read);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onRequestHead(HttpRequestHead&& head) override
    {
        m_method = head.method;
        m_target = head.target;
        m_keepAlive = head.keepAlive;
    }
    void onBody(QByteArrayView) override { }
    void onMessageComplete() override
    {
        ++m_owner.m_requests;
        m_waiting = true;
        QTimer::singleShot(QRandomGenerator::global()->bounded(2, 41), this, &Connection::respond);
    }

    void read()
    {
        m_pending += m_socket->readAll();
        feed();
    }

    void feed()
    {
        while (!m_waiting && !m_pending.isEmpty()) {
            if (m_parser.isPaused())
                m_parser.resume();
            const qsizetype consumed = m_parser.feed(m_pending);
            m_pending.remove(0, consumed);
            if (m_parser.hasError()) {
                m_socket->abort();
                return;
            }
            if (consumed == 0 && !m_parser.isPaused())
                return;
        }
    }

    void respond()
    {
        const Answer result = answer(m_method, m_target);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(result.status) + ' ' + reason(result.status)
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(result.body.size())
            + (m_keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + result.body;
        m_socket->write(out);
        m_waiting = false;
        if (!m_keepAlive) {
            m_socket->disconnectFromHost();
            return;
        }
        feed();
    }

    DemoUpstream& m_owner;
    QTcpSocket* m_socket;
    HttpParser m_parser;
    QByteArray m_pending;
    QByteArray m_method;
    QByteArray m_target;
    bool m_keepAlive = true;
    bool m_waiting = false;
};

DemoUpstream::DemoUpstream(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection())
            new Connection(*this, socket);
    });
}

DemoUpstream::~DemoUpstream() = default;

Result<void> DemoUpstream::listen(const QHostAddress& address, quint16 port)
{
    if (!m_server->listen(address, port))
        return Error::conflict(QStringLiteral("upstream"),
            QStringLiteral("the demo upstream cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(m_server->errorString()));
    return {};
}

quint16 DemoUpstream::port() const
{
    return m_server->serverPort();
}

} // namespace gatehouse::cli

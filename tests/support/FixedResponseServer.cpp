#include "tests/support/FixedResponseServer.h"

#include <QTcpSocket>

namespace gatehouse::test {

FixedResponseServer::FixedResponseServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FixedResponseServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FixedResponseServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FixedResponseServer::setResponse(const QByteArray& path, Response response)
{
    m_responses.insert(path, std::move(response));
}

void FixedResponseServer::serve(QTcpSocket* socket)
{
    // Requests here are GETs without bodies: a head is complete at the blank line.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", buffer.mid(end + 4));
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Request request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    m_requests.append(request);

    const QByteArray path
        = request.target.left(request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
    Response response {404, R"({"error":{"message":"not found"}})"};
    if (m_responses.contains(request.target))
        response = m_responses.value(request.target);
    else if (m_responses.contains(path))
        response = m_responses.value(path);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fixed\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
}

} // namespace gatehouse::test

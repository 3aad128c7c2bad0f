#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

namespace gatehouse::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request path with a response set by the test
// (status, content type, body), and remembers the requests' targets and headers. It lives in the test's
// thread, so it serves only while the test runs an event loop (QSignalSpy::wait, QTRY_*, a blocking
// call on a local QEventLoop). For admin-side HTTP clients such as ProviderModelsClient; gateway tests
// use LoopbackUpstream.
class FixedResponseServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case

        QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    };

    explicit FixedResponseServer(QObject* parent = nullptr);

    bool start();
    QUrl url() const; // http://127.0.0.1:PORT

    // The answer to requests whose path (without the query) is `path`; a key of "path?query" matches
    // that exact target first. Unknown paths get 404.
    void setResponse(const QByteArray& path, Response response);
    QList<Request> requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket);

    QTcpServer m_server;
    QHash<QByteArray, Response> m_responses;
    QList<Request> m_requests;
};

} // namespace gatehouse::test

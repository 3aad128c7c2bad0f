#include "core/gateway/AdminServer.h"
#include "core/gateway/GatewayMetrics.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace gatehouse;
using gateway::AdminServer;
using test::RawHttpClient;

class TestAdminServer : public QObject
{
    Q_OBJECT

private:
    // An admin listener on an ephemeral loopback port, in the test's thread: a test that blocks on a client socket
    // must let it run (QTRY_*, qWait, or the helpers below).
    struct Admin
    {
        explicit Admin(AdminServer::Limits limits = {})
            : server(
                metrics, [] { return qint64(7); }, limits)
        { }
        gateway::GatewayMetrics metrics;
        AdminServer server;
    };

    // Sends `request` and lets the listener run until the answer (or the close) arrives.
    static RawHttpClient::Response exchange(Admin& admin, const QByteArray& request)
    {
        RawHttpClient client;
        if (!client.connectTo(admin.server.port()) || !client.send(request))
            return {};
        QByteArray bytes;
        const bool closed = QTest::qWaitFor(
            [&] {
                bytes += client.socket().readAll();
                return client.socket().state() != QAbstractSocket::ConnectedState;
            },
            5000);
        bytes += client.socket().readAll();
        RawHttpClient::Response response;
        if (!closed)
            return response; // every answer of the admin listener closes its connection
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return response;
        const QList<QByteArray> statusLine = bytes.left(bytes.indexOf("\r\n")).split(' ');
        response.status = statusLine.value(1).toInt();
        response.body = bytes.mid(headEnd + 4);
        return response;
    }

    static QByteArray get(QByteArrayView target, QByteArrayView host)
    {
        return "GET " + target.toByteArray() + " HTTP/1.1\r\nHost: " + host.toByteArray() + "\r\n\r\n";
    }

private Q_SLOTS:
    void answersLoopbackHosts_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("localhost") << QByteArray("localhost");
        QTest::newRow("localhost:port") << QByteArray("LocalHost:9090");
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1");
        QTest::newRow("127.0.0.1:port") << QByteArray("127.0.0.1:9090");
        QTest::newRow("[::1]") << QByteArray("[::1]");
        QTest::newRow("[::1]:port") << QByteArray("[::1]:9090");
    }
    void answersLoopbackHosts()
    {
        QFETCH(QByteArray, host);
        Admin admin;
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));
        const auto response = exchange(admin, get("/healthz", host));
        QCOMPARE(response.status, 200);
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("revision")).toInt(), 7);
    }

    // DNS rebinding: a web page whose name now resolves to 127.0.0.1 still sends its own name.
    void refusesOtherHosts_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("rebound name") << get("/metrics", "evil.example");
        QTest::newRow("rebound name with port") << get("/metrics", "evil.example:9090");
        QTest::newRow("loopback as a prefix") << get("/metrics", "localhost.evil.example");
        QTest::newRow("other address") << get("/metrics", "127.0.0.2");
        QTest::newRow("bad port") << get("/metrics", "localhost:90x");
        QTest::newRow("empty port") << get("/metrics", "localhost:");
        QTest::newRow("no host") << QByteArray("GET /metrics HTTP/1.1\r\n\r\n");
        QTest::newRow("two hosts") << QByteArray(
            "GET /metrics HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n");
    }
    void refusesOtherHosts()
    {
        QFETCH(QByteArray, request);
        Admin admin;
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));
        const auto response = exchange(admin, request);
        QCOMPARE(response.status, 421);
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("misdirected_request"));
        QVERIFY(!response.body.contains("gatehouse_")); // no metric leaked
    }

    void isLoopbackHost()
    {
        QVERIFY(AdminServer::isLoopbackHost("localhost:65535"));
        QVERIFY(!AdminServer::isLoopbackHost("localhost:123456"));
        QVERIFY(!AdminServer::isLoopbackHost("::1"));
        QVERIFY(!AdminServer::isLoopbackHost("[::1]x"));
        QVERIFY(!AdminServer::isLoopbackHost(""));
    }

    // A half-sent head is cut off at the deadline instead of holding its connection.
    void closesAHalfSentRequestAtTheDeadline()
    {
        AdminServer::Limits limits;
        limits.headerTimeoutMs = 200;
        Admin admin(limits);
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));

        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 50; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(clients.back()->connectTo(admin.server.port()));
            QVERIFY(clients.back()->send("GET /healthz HTTP/1.1\r\nHost: local"));
        }
        QTRY_COMPARE(admin.server.openConnections(), 50);
        QTRY_COMPARE_WITH_TIMEOUT(admin.server.openConnections(), 0, 3000);
        for (auto& client : clients) {
            QTRY_VERIFY(client->socket().state() != QAbstractSocket::ConnectedState
                || (client->socket().waitForReadyRead(10),
                    client->socket().state() != QAbstractSocket::ConnectedState));
            QVERIFY(client->socket().readAll().isEmpty()); // cut off, not answered
        }
        // And the listener still answers.
        QCOMPARE(exchange(admin, get("/healthz", "localhost")).status, 200);
    }

    // Past the cap a new connection is closed at once; one freed makes room again.
    void capsOpenConnections()
    {
        AdminServer::Limits limits;
        limits.maxConnections = 4;
        Admin admin(limits);
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));

        std::vector<std::unique_ptr<RawHttpClient>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(held.back()->connectTo(admin.server.port()));
        }
        QTRY_COMPARE(admin.server.openConnections(), 4);

        RawHttpClient extra;
        QVERIFY(extra.connectTo(admin.server.port()));
        QTRY_COMPARE(extra.socket().state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(admin.server.openConnections(), 4);

        held.front()->abort();
        QTRY_COMPARE(admin.server.openConnections(), 3);
        QCOMPARE(exchange(admin, get("/healthz", "localhost")).status, 200);
    }

    void capsTheHeadSize()
    {
        AdminServer::Limits limits;
        limits.maxHeadBytes = 1024;
        Admin admin(limits);
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));
        const QByteArray request
            = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + QByteArray(4096, 'a') + "\r\n\r\n";
        QCOMPARE(exchange(admin, request).status, 431);
    }

    void refusesABody()
    {
        Admin admin;
        QVERIFY(admin.server.listen(QHostAddress::LocalHost, 0));
        const auto response
            = exchange(admin, "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nxx");
        QCOMPARE(response.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestAdminServer)
#include "TestAdminServer.moc"

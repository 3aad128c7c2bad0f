// Malformed requests, size limits, timeouts, rate limits and the connection cap: each gets its
// status, and none reaches the upstream.

#include "core/gateway/GatewayMetrics.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;

class TestGatewayLimits : public QObject
{
    Q_OBJECT

private:
    LoopbackUpstream m_upstream;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_upstream.start()); }

    void malformedRequestsAreRefusedAndClosed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray auth = "Authorization: Bearer TOKEN\r\n";
        QTest::newRow("content-length and chunked") << "POST /api/x HTTP/1.1\r\nHost: gw\r\n" + auth
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                                    << 400;
        QTest::newRow("duplicate content-length")
            << "POST /api/x HTTP/1.1\r\nHost: gw\r\n" + auth + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc"
            << 400;
        QTest::newRow("obsolete line folding") << "GET /api/x HTTP/1.1\r\nHost: gw\r\n" + auth
                + "X-Folded: a\r\n  b\r\n\r\n" << 400;
        QTest::newRow("space before colon") << "GET /api/x HTTP/1.1\r\nHost : gw\r\n" + auth + "\r\n" << 400;
        QTest::newRow("invalid header name") << "GET /api/x HTTP/1.1\r\nHo(st: gw\r\n" + auth + "\r\n" << 400;
        QTest::newRow("bare CR") << "GET /api/x HTTP/1.1\r\nHost: gw\rX: y\r\n" + auth + "\r\n" << 400;
        QTest::newRow("bare LF") << "GET /api/x HTTP/1.1\nHost: gw\n" + auth + "\n" << 400;
        QTest::newRow("headers over 16 KiB")
            << "GET /api/x HTTP/1.1\r\nHost: gw\r\n" + auth + "X-Big: " + QByteArray(17 * 1024, 'a') + "\r\n\r\n"
            << 431;
        QTest::newRow("body over the API's limit")
            << "POST /api/x HTTP/1.1\r\nHost: gw\r\n" + auth + "Content-Length: 2048\r\n\r\n" + QByteArray(2048, 'b')
            << 413;
        QTest::newRow("chunked body over the limit") << "POST /api/x HTTP/1.1\r\nHost: gw\r\n" + auth
                + "Transfer-Encoding: chunked\r\n\r\n800\r\n" + QByteArray(2048, 'c')
                + "\r\n0\r\n\r\n" << 413;
    }

    void malformedRequestsAreRefusedAndClosed()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("api"), m_upstream.url(), QString(), false, 30'000, 1024));
        QVERIFY(gateway.start());
        request.replace("TOKEN", gateway.issueToken({QStringLiteral("api:api")}));
        const int before = m_upstream.requestCount();
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send(request));
        auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));
        QVERIFY(!QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(client.waitForDisconnected(5'000));
        QCOMPARE(m_upstream.requestCount(), before);
        QTRY_COMPARE(gateway.logRows().size(), 1);
        QCOMPARE(gateway.logRows().first().event.status, status);
    }

    void slowHeadersGet408()
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("api"), m_upstream.url()));
        QVERIFY(gateway.start());
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /api/x HTTP/1.1\r\nHost: gw\r\nX-Slow: "));
        QTest::qWait(150);
        QVERIFY(client.isConnected()); // still within the allowance
        gateway.catalog.clock.advanceMs(10'001);
        auto response = client.readResponse(3'000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(client.waitForDisconnected(3'000));
    }

    void idleKeepAliveIsClosed()
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("api"), m_upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:api")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /api/x HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        QCOMPARE(client.readResponse()->status, 200);
        gateway.catalog.clock.advanceMs(59'000);
        QTest::qWait(250);
        QVERIFY(client.isConnected());
        gateway.catalog.clock.advanceMs(1'001);
        QVERIFY(client.waitForDisconnected(3'000));
    }

    void tokenRateLimitAnswers429WithHeaders()
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("api"), m_upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:api")}, 3'600'000, QStringLiteral("2/m"));
        const QList<std::pair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer " + token}};
        auto first = RawHttpClient::request(gateway.port(), "GET", "/api/1", auth);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("RateLimit-Limit"), QByteArray("2"));
        QCOMPARE(first.header("RateLimit-Remaining"), QByteArray("1"));
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/api/2", auth).status, 200);
        const int before = m_upstream.requestCount();
        auto limited = RawHttpClient::request(gateway.port(), "GET", "/api/3", auth);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QVERIFY(limited.header("Retry-After").toInt() <= 30);
        QVERIFY(limited.header("RateLimit-Reset").toInt() >= 1);
        QCOMPARE(QJsonDocument::fromJson(limited.body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("rate_limited"));
        QCOMPARE(m_upstream.requestCount(), before);
        // The bucket refills with time.
        gateway.catalog.clock.advanceMs(30'000);
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/api/4", auth).status, 200);
    }

    void apiDefaultRateLimitAppliesPerToken()
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(
            QStringLiteral("api"), m_upstream.url(), QString(), false, 30'000, 1024 * 1024, QStringLiteral("1/h")));
        QVERIFY(gateway.start());
        const QByteArray one = gateway.issueToken({QStringLiteral("api:api")});
        const QByteArray two = gateway.issueToken({QStringLiteral("api:api")});
        QCOMPARE(
            RawHttpClient::request(gateway.port(), "GET", "/api/1", {{"Authorization", "Bearer " + one}}).status, 200);
        QCOMPARE(
            RawHttpClient::request(gateway.port(), "GET", "/api/1", {{"Authorization", "Bearer " + one}}).status, 429);
        QCOMPARE(
            RawHttpClient::request(gateway.port(), "GET", "/api/1", {{"Authorization", "Bearer " + two}}).status, 200);
    }

    void connectionCapAnswers503()
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("api"), m_upstream.url()));
        gateway::EngineConfig config;
        config.maxConnections = 2;
        config.workers = 1;
        QVERIFY(gateway.start(config));
        RawHttpClient first;
        RawHttpClient second;
        QVERIFY(first.connectTo(gateway.port()));
        QVERIFY(second.connectTo(gateway.port()));
        QTRY_COMPARE(gateway.engine.metrics()->activeConnections.load(), 2);
        RawHttpClient third;
        QVERIFY(third.connectTo(gateway.port()));
        auto response = third.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 503);
    }

    void nonLoopbackNeedsExplicitOptIn()
    {
        test::GatewayHarness gateway;
        gateway::EngineConfig config;
        config.address = QHostAddress(QStringLiteral("0.0.0.0"));
        config.port = 0;
        auto started = gateway.engine.start(config);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().field, QStringLiteral("listen"));
    }

    void portInUseIsAClearError()
    {
        test::GatewayHarness first;
        QVERIFY(first.start());
        test::GatewayHarness second;
        gateway::EngineConfig config;
        config.port = first.port();
        config.adminEnabled = false;
        auto started = second.engine.start(config);
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QStringLiteral("in use")), qPrintable(started.error().message));
    }
};

QTEST_GUILESS_MAIN(TestGatewayLimits)
#include "TestGatewayLimits.moc"

#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;

namespace {

QByteArray bearer(const QByteArray& token)
{
    return QByteArrayLiteral("Bearer ") + token;
}

} // namespace

class TestGatewayProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routesByLongestPrefixAndStripsIt()
    {
        LoopbackUpstream billing;
        LoopbackUpstream admin;
        QVERIFY(billing.start());
        QVERIFY(admin.start());
        test::GatewayHarness gateway;
        QUrl billingUrl = billing.url();
        billingUrl.setPath(QStringLiteral("/v2"));
        QVERIFY(gateway.addApi(QStringLiteral("billing"), billingUrl, QStringLiteral("/billing"), true));
        QVERIFY(gateway.addApi(QStringLiteral("billing-admin"), admin.url(), QStringLiteral("/billing/admin"), false));
        QVERIFY(gateway.start());
        const QByteArray token
            = gateway.issueToken({QStringLiteral("api:billing"), QStringLiteral("api:billing-admin")});

        auto response = RawHttpClient::request(
            gateway.port(), "GET", "/billing/invoices?page=2", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 200);
        QCOMPARE(billing.requests().last().target, QByteArray("/v2/invoices?page=2"));

        response = RawHttpClient::request(gateway.port(), "GET", "/billing", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 200);
        QCOMPARE(billing.requests().last().target, QByteArray("/v2/"));

        response
            = RawHttpClient::request(gateway.port(), "GET", "/billing/admin/users", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 200);
        QCOMPARE(admin.requests().last().target, QByteArray("/billing/admin/users"));
        QCOMPARE(admin.requestCount(), 1);

        // A prefix matches whole segments only.
        response = RawHttpClient::request(gateway.port(), "GET", "/billingx/1", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("not_found"));
        QCOMPARE(billing.requestCount(), 2);
    }

    void rewritesHeadersLikeAProxy()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("echo"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:echo")});

        auto response = RawHttpClient::request(gateway.port(), "GET", "/echo/x",
            {{"Host", "gw.example"}, {"Authorization", bearer(token)}, {"Connection", "X-Private, close"},
                {"X-Private", "hop"}, {"X-Forwarded-For", "10.1.2.3"}, {"X-Keep", "kept"}});
        QCOMPARE(response.status, 200);
        const auto received = upstream.requests().last();
        QCOMPARE(received.header("Authorization"), QByteArray());
        QCOMPARE(received.header("X-Private"), QByteArray());
        QCOMPARE(received.header("X-Keep"), QByteArray("kept"));
        // The gateway is the edge: a client's own X-Forwarded-For is replaced by its address.
        QCOMPARE(received.header("X-Forwarded-For"), QByteArray("127.0.0.1"));
        QCOMPARE(received.header("X-Forwarded-Proto"), QByteArray("http"));
        QCOMPARE(received.header("X-Forwarded-Host"), QByteArray("gw.example"));
        QCOMPARE(received.header("Host"), "127.0.0.1:" + QByteArray::number(upstream.port()));
        const QByteArray requestId = received.header("X-Request-Id");
        QCOMPARE(requestId.size(), 32);
        QCOMPARE(response.header("X-Request-Id"), requestId);

        // A client's own, well-formed request id is kept; a bad one is replaced.
        response = RawHttpClient::request(
            gateway.port(), "GET", "/echo/x", {{"Authorization", bearer(token)}, {"X-Request-Id", "trace-42.a_b"}});
        QCOMPARE(upstream.requests().last().header("X-Request-Id"), QByteArray("trace-42.a_b"));
        QCOMPARE(response.header("X-Request-Id"), QByteArray("trace-42.a_b"));
        response = RawHttpClient::request(
            gateway.port(), "GET", "/echo/x", {{"Authorization", bearer(token)}, {"X-Request-Id", "bad id<script>"}});
        QCOMPARE(upstream.requests().last().header("X-Request-Id").size(), 32);

        // The ids the gateway makes are 32 lowercase hex digits, and no two are alike.
        QSet<QByteArray> ids {requestId};
        for (int i = 0; i < 20; ++i) {
            response = RawHttpClient::request(gateway.port(), "GET", "/echo/x", {{"Authorization", bearer(token)}});
            const QByteArray id = response.header("X-Request-Id");
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(QString::fromLatin1(id)).hasMatch(),
                id.constData());
            QVERIFY2(!ids.contains(id), id.constData());
            ids.insert(id);
        }
    }

    void forwardsFieldsInOrderWithItsOwnLast()
    {
        // The exact field list on both sides: the client's fields in their order, ours after them, repeated
        // X-Forwarded-For fields joined in order (the client is a trusted proxy here), the first Host taken for
        // X-Forwarded-Host.
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("echo"), upstream.url()));
        gateway::EngineConfig config;
        config.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8"))};
        QVERIFY(gateway.start(config));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:echo")});

        using Fields = QList<std::pair<QByteArray, QByteArray>>;
        const auto response = RawHttpClient::request(gateway.port(), "POST", "/echo/x?q=1",
            {{"Host", "first.example"}, {"X-Forwarded-For", "10.0.0.1"}, {"accept", "*/*"},
                {"Authorization", bearer(token)}, {"Connection", "close, X-Hop"}, {"X-Hop", "gone"},
                {"Host", "second.example"}, {"X-Request-Id", "bad id"}, {"Keep-Alive", "timeout=5"},
                {"x-forwarded-for", "10.0.0.2"}, {"X-Forwarded-Proto", "https"}, {"X-Forwarded-Host", "spoofed"},
                {"Content-Length", "4"}, {"X-Empty", ""}, {"X-Last", "a:b, \"c\""}},
            "body");
        QCOMPARE(response.status, 200);
        const auto received = upstream.requests().last();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.target, QByteArray("/echo/x?q=1"));
        QCOMPARE(received.body, QByteArray("body"));
        const QByteArray requestId = received.header("X-Request-Id");
        QCOMPARE(requestId.size(), 32);
        const Fields expected {{"Host", "127.0.0.1:" + QByteArray::number(upstream.port())}, {"accept", "*/*"},
            {"X-Empty", ""}, {"X-Last", "a:b, \"c\""}, {"X-Forwarded-For", "10.0.0.1, 10.0.0.2, 127.0.0.1"},
            {"X-Forwarded-Proto", "http"}, {"X-Forwarded-Host", "first.example"}, {"X-Request-Id", requestId},
            {"Content-Length", "4"}};
        QCOMPARE(received.headers, expected);

        const Fields answered {{"Content-Type", "application/json"},
            {"Content-Length", response.header("Content-Length")}, {"X-Request-Id", requestId},
            {"Connection", "close"}};
        QCOMPARE(response.headers, answered);
        QCOMPARE(response.reason, QByteArray("OK"));
    }

    void keepAliveAndPipeliningAnswerInOrder()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("echo"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:echo")});

        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QByteArray pipeline;
        for (int i = 1; i <= 3; ++i)
            pipeline += "GET /echo/" + QByteArray::number(i)
                + " HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n\r\n";
        QVERIFY(client.send(pipeline));
        for (int i = 1; i <= 3; ++i) {
            auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            const QJsonObject echoed = QJsonDocument::fromJson(response->body).object();
            QCOMPARE(echoed.value(QStringLiteral("path")).toString(), QStringLiteral("/echo/%1").arg(i));
        }
        QVERIFY(client.isConnected());
        // The upstream connection was pooled and reused.
        QCOMPARE(upstream.connectionCount(), 1);
    }

    void chunkedRequestBodyIsStreamedThrough()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("echo"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:echo")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("POST /echo/upload HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token)
            + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(upstream.requests().last().body, QByteArray("hello world"));
        QCOMPARE(upstream.requests().last().header("Authorization"), QByteArray());

        QVERIFY(client.send("PUT /echo/fixed HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token)
            + "\r\nContent-Length: 4\r\n\r\nabcd"));
        response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(upstream.requests().last().body, QByteArray("abcd"));
    }

    void refusedUpstreamIs502()
    {
        test::GatewayHarness gateway;
        QUrl nowhere(QStringLiteral("http://127.0.0.1"));
        nowhere.setPort(LoopbackUpstream::refusingPort());
        QVERIFY(gateway.addApi(QStringLiteral("gone"), nowhere));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:gone")});
        auto response = RawHttpClient::request(gateway.port(), "GET", "/gone/x", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 502);
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("bad_gateway"));
    }

    void slowUpstreamIs504()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Slow);
        upstream.setDelayMs(60'000);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("slow"), upstream.url(), QString(), false, 2'000));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:slow")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /slow/x HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n\r\n"));
        QVERIFY(upstream.waitForRequests(1));
        // Time moves on the gateway's clock; the sweep notices the deadline.
        gateway.catalog.clock.advanceMs(2'500);
        auto response = client.readResponse(5'000);
        QVERIFY(response);
        QCOMPARE(response->status, 504);
        QCOMPARE(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("gateway_timeout"));
    }

    void upstreamResetClosesTheClientAndIsLoggedAsFailed()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Reset);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("flaky"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:flaky")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /flaky/x HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n\r\n"));
        auto response = client.readResponse(5'000);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(!response->complete);
        QVERIFY(client.waitForDisconnected(5'000));
        QTRY_COMPARE(gateway.logRows().size(), 1);
        QCOMPARE(gateway.logRows().first().event.error, QByteArray("upstream_reset"));
    }

    void clientDisconnectAbortsTheUpstreamRequest()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
        upstream.setSseHoldOpen(true);
        upstream.setSseEvents(1);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("events"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:events")});
        {
            RawHttpClient client;
            QVERIFY(client.connectTo(gateway.port()));
            QVERIFY(client.send("GET /events/x HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n\r\n"));
            QVERIFY(client.readHead());
            QVERIFY(!client.readChunkData().isEmpty());
            client.abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(upstream.clientDisconnectedDuringStream(), 5'000);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.logRows().size(), 1, 5'000);
        QCOMPARE(gateway.logRows().first().event.error, QByteArray("client_closed"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayProxy)
#include "TestGatewayProxy.moc"

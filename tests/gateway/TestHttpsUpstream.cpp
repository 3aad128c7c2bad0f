// https upstreams: TLS to a loopback upstream whose certificates a test CA made a moment ago,
// trusted through EngineConfig. Verification failures are 502s, never a plaintext fallback.

#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"
#include "tests/support/upstreams/TestCertificateAuthority.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;
using test::TestCertificateAuthority;

class TestHttpsUpstream : public QObject
{
    Q_OBJECT

private:
    TestCertificateAuthority m_ca;

    gateway::EngineConfig trusting(const TestCertificateAuthority& ca)
    {
        gateway::EngineConfig config;
        config.workers = 1; // one upstream pool, so that reuse is observable
        config.upstreamCaCertificates = {ca.certificate()};
        return config;
    }

    static QList<std::pair<QByteArray, QByteArray>> bearer(const QByteArray& token)
    {
        return {{"Authorization", "Bearer " + token}};
    }

    // A 502 whose JSON body says that TLS verification failed, a logged failure, and an upstream
    // that never saw a request.
    void expectTlsRejection(LoopbackUpstream& upstream, const QString& expectedDetail)
    {
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("secure"), upstream.url()));
        QVERIFY(gateway.start(trusting(m_ca)));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:secure")});
        const RawHttpClient::Response response
            = RawHttpClient::request(gateway.port(), "GET", "/secure/status/200", bearer(token));
        QCOMPARE(response.status, 502);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("bad_gateway"));
        const QString description = body.value(QStringLiteral("error_description")).toString();
        QVERIFY2(description.contains(QStringLiteral("TLS verification failed")), qPrintable(description));
        QVERIFY2(description.contains(expectedDetail, Qt::CaseInsensitive), qPrintable(description));
        QTRY_VERIFY(upstream.tlsHandshakesFailed() >= 1);
        QCOMPARE(upstream.requestCount(), 0);
        QCOMPARE(upstream.connectionCount(), 0);
        QTRY_COMPARE(gateway.logRows().size(), 1);
        const RequestEvent logged = gateway.logRows().first().event;
        QCOMPARE(logged.status, 502);
        QCOMPARE(logged.upstreamStatus, 0);
        QCOMPARE(logged.error, QByteArray("upstream_tls_failed"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_ca.isValid()); }

    void proxiesToAnHttpsUpstreamTrustedThroughTheConfig()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        const TestCertificateAuthority::Identity identity = m_ca.issueLoopbackServer();
        QVERIFY(!identity.certificate.isNull());
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        QCOMPARE(upstream.url().scheme(), QStringLiteral("https"));
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("secure"), upstream.url()));
        QVERIFY(gateway.start(trusting(m_ca)));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:secure")});
        const RawHttpClient::Response response
            = RawHttpClient::request(gateway.port(), "GET", "/secure/hello?x=1", bearer(token));
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        const QJsonObject echo = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(upstream.requestCount(), 1);
        QCOMPARE(upstream.requests().first().target, QByteArray("/secure/hello?x=1"));
        QCOMPARE(
            upstream.requests().first().header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(upstream.port()));
        QCOMPARE(upstream.requests().first().header("Authorization"), QByteArray());
        QTRY_COMPARE(gateway.logRows().size(), 1);
        QCOMPARE(gateway.logRows().first().event.status, 200);
        QCOMPARE(gateway.logRows().first().event.error, QByteArray());
    }

    void verifiesTheHostNameLocalhost()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        const TestCertificateAuthority::Identity identity = m_ca.issueLoopbackServer();
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("secure"), upstream.url(QStringLiteral("localhost")), {}, true));
        QVERIFY(gateway.start(trusting(m_ca)));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:secure")});
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/secure/status/201", bearer(token)).status, 201);
    }

    void keptAliveRequestsShareOneTlsConnection()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        const TestCertificateAuthority::Identity identity = m_ca.issueLoopbackServer();
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("secure"), upstream.url(), {}, true));
        QVERIFY(gateway.start(trusting(m_ca)));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:secure")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        for (int i = 1; i <= 2; ++i) {
            QVERIFY(client.send(
                "GET /secure/status/200 HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
            auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QVERIFY(response->complete);
        }
        // A second client connection takes the same pooled upstream connection too.
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/secure/status/204", bearer(token)).status, 204);
        QCOMPARE(upstream.requestCount(), 3);
        QCOMPARE(upstream.connectionCount(), 1);
        for (const LoopbackUpstream::ReceivedRequest& request : upstream.requests())
            QCOMPARE(request.connection, 1);
    }

    void sseEventsArriveOneByOneOverTls()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
        upstream.setSseEvents(5);
        upstream.setSseIntervalMs(200);
        const TestCertificateAuthority::Identity identity = m_ca.issueLoopbackServer();
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("events"), upstream.url()));
        QVERIFY(gateway.start(trusting(m_ca)));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:events")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /events/stream HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        auto head = client.readHead();
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("Content-Type"), QByteArray("text/event-stream"));
        const QByteArray first = client.readChunkData(3'000);
        QVERIFY(first.startsWith("data: {\"n\":"));
        // The first event reached us while the upstream still had events to send.
        QVERIFY2(upstream.sseEventsSent() < 5, qPrintable(QString::number(upstream.sseEventsSent())));
        QByteArray all = first;
        int reads = 1;
        while (!client.bodyFinished()) {
            const QByteArray more = client.readChunkData(3'000);
            if (more.isEmpty() && !client.bodyFinished())
                QFAIL("the stream stalled");
            if (!more.isEmpty())
                ++reads;
            all += more;
        }
        QVERIFY(client.bodyComplete());
        QCOMPARE(all.count("data: "), 5);
        QVERIFY2(reads >= 3, qPrintable(QString::number(reads))); // events came apart, not in one lump
    }

    void untrustedCertificateIsA502()
    {
        // Signed by a CA the gateway was not told about (and that no system store holds).
        TestCertificateAuthority stranger(QStringLiteral("Someone Else's CA"));
        const TestCertificateAuthority::Identity identity = stranger.issueLoopbackServer();
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        expectTlsRejection(upstream, QStringLiteral("issuer"));
    }

    void certificateForAnotherHostIsA502()
    {
        // Trusted CA, but the certificate names another host.
        const TestCertificateAuthority::Identity identity = m_ca.issueServer({QStringLiteral("api.example.com")}, {});
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        expectTlsRejection(upstream, QStringLiteral("host name"));
    }
};

QTEST_GUILESS_MAIN(TestHttpsUpstream)
#include "TestHttpsUpstream.moc"

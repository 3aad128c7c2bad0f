// Streaming both ways: SSE event by event, back-pressure from a slow client, and revocation
// cutting a stream that is already open.

#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;

class TestGatewayStreaming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sseEventsArriveOneByOne()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
        upstream.setSseEvents(5);
        upstream.setSseIntervalMs(200);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("events"), upstream.url()));
        QVERIFY(gateway.start());
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
        while (!client.bodyFinished()) {
            const QByteArray more = client.readChunkData(3'000);
            if (more.isEmpty() && !client.bodyFinished())
                QFAIL("the stream stalled");
            all += more;
        }
        QVERIFY(client.bodyComplete());
        QCOMPARE(all.count("data: "), 5);
    }

    void slowClientSlowsTheUpstream()
    {
        constexpr qint64 kTotal = 32LL * 1024 * 1024;
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Stream);
        upstream.setStreamBytes(kTotal);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("files"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:files")});
        RawHttpClient client;
        client.setReadBufferSize(16 * 1024);
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /files/big HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        QVERIFY(client.readHead());
        // The client stops reading: socket buffers fill, the gateway pauses its upstream read,
        // and the upstream can hand over only a few MiB instead of the whole body.
        QTest::qWait(1'000);
        const qint64 written = upstream.streamBytesWritten();
        QVERIFY2(written < 12LL * 1024 * 1024, qPrintable(QString::number(written)));
        // Reading again drains everything.
        client.setReadBufferSize(0);
        qint64 received = 0;
        while (!client.bodyFinished()) {
            const QByteArray chunk = client.readChunkData(5'000);
            if (chunk.isEmpty() && !client.bodyFinished())
                QFAIL("the download stalled");
            received += chunk.size();
        }
        QCOMPARE(received, kTotal);
        QVERIFY(client.bodyComplete());
    }

    void revocationCutsAnOpenStream()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
        upstream.setSseEvents(1);
        upstream.setSseHoldOpen(true);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("events"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:events")});
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("GET /events/stream HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        QVERIFY(client.readHead());
        QVERIFY(!client.readChunkData(3'000).isEmpty());
        QVERIFY(gateway.catalog.tokens.revoke(gateway.tokenId(token), QStringLiteral("leaked")).ok());
        QVERIFY(client.waitForDisconnected(1'000));
        QTRY_VERIFY_WITH_TIMEOUT(upstream.clientDisconnectedDuringStream(), 3'000);
        QTRY_COMPARE(gateway.logRows().size(), 1);
        QCOMPARE(gateway.logRows().first().event.error, QByteArray("token_revoked"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayStreaming)
#include "TestGatewayStreaming.moc"

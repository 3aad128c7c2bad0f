// The request log: one row per request, no credential in it, last use recorded, metrics served.

#include "core/gateway/GatewayMetrics.h"
#include "core/requestlog/RequestLogQueue.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;

class TestGatewayLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRowPerRequestWithoutCredentials()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("billing"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:billing")});
        const qint64 tokenId = gateway.tokenId(token);
        QSignalSpy logged(&gateway.engine, &gateway::Engine::requestsLogged);

        QCOMPARE(RawHttpClient::request(gateway.port(), "POST", "/billing/invoices?secret=hunter2&page=1",
                     {{"Authorization", "Bearer " + token}}, "abc")
                     .status,
            200);
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/billing/x", {}).status, 401);
        QCOMPARE(
            RawHttpClient::request(gateway.port(), "GET", "/nowhere", {{"Authorization", "Bearer " + token}}).status,
            404);

        const auto rows = gateway.logRows();
        QCOMPARE(rows.size(), 3);
        const RequestEvent& ok = rows.at(0).event;
        QCOMPARE(ok.method, QByteArray("POST"));
        QCOMPARE(ok.path, QByteArray("/billing/invoices?secret=&page="));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.upstreamStatus, 200);
        QCOMPARE(ok.apiName, QStringLiteral("billing"));
        QCOMPARE(ok.consumerName, QStringLiteral("tester"));
        QCOMPARE(ok.tokenId, tokenId);
        QCOMPARE(ok.bytesIn, 3);
        QVERIFY(ok.bytesOut > 0);
        QVERIFY(ok.latencyUs > 0);
        QCOMPARE(ok.clientAddress, QByteArray("127.0.0.1"));
        QCOMPARE(ok.requestId.size(), 32);
        QCOMPARE(rows.at(0).tokenHint, QString::fromLatin1(token.right(4)));
        QCOMPARE(rows.at(1).event.status, 401);
        QCOMPARE(rows.at(1).event.upstreamStatus, 0);
        QCOMPARE(rows.at(2).event.status, 404);

        // The token's last use is recorded, by the writer, off the request path.
        auto used = gateway.catalog.tokens.find(tokenId);
        QVERIFY(used->lastUsed.isValid());
        QCOMPARE(used->lastUsedAddress, QStringLiteral("127.0.0.1"));

        // Observers hear about batches, not single requests.
        QTRY_VERIFY(!logged.isEmpty());
        QVERIFY(logged.size() <= 3);

        // Neither the plaintext token nor the query value is anywhere in the data directory.
        gateway.engine.stop(0);
        gateway.catalog.catalog.close();
        QDirIterator files(gateway.catalog.directory(), QDir::Files);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(token.mid(4, 24)));
            QVERIFY(!bytes.contains("hunter2"));
        }
    }

    void metricsAndHealth()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("billing"), upstream.url()));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:billing")});
        QCOMPARE(
            RawHttpClient::request(gateway.port(), "GET", "/billing/x", {{"Authorization", "Bearer " + token}}).status,
            200);
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/billing/x", {}).status, 401);
        gateway.engine.flushLog();

        const quint16 admin = gateway.engine.adminPort();
        QVERIFY(admin != 0);
        auto health = RawHttpClient::request(admin, "GET", "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QStringLiteral("status")).toString(),
            QStringLiteral("ok"));
        auto metrics = RawHttpClient::request(admin, "GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        QVERIFY2(metrics.body.contains(
                     "gatehouse_requests_total{api=\"billing\",status_class=\"2xx\",consumer=\"tester\"} 1"),
            metrics.body.constData());
        QVERIFY(metrics.body.contains("gatehouse_requests_rejected_total{reason=\"missing\"} 1"));
        QVERIFY(metrics.body.contains("gatehouse_request_duration_seconds_count 2"));
        QVERIFY(metrics.body.contains("gatehouse_active_connections "));
        QVERIFY(metrics.body.contains("gatehouse_log_events_dropped_total 0"));
        QCOMPARE(RawHttpClient::request(admin, "GET", "/other").status, 404);
    }

    void fullQueueDropsTheOldestAndCounts()
    {
        RequestLogQueue queue(3);
        for (int i = 0; i < 5; ++i) {
            RequestEvent event;
            event.status = 200 + i;
            queue.push(event);
        }
        QCOMPARE(queue.dropped(), 2u);
        const auto kept = queue.takeAll();
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.first().status, 202);
        QCOMPARE(kept.last().status, 204);
        QCOMPARE(queue.size(), 0);
    }

    void aQueueFarBehindKeepsTheNewestInOrder()
    {
        RequestLogQueue queue(1'000);
        for (int i = 0; i < 5'000; ++i) {
            RequestEvent event;
            event.latencyUs = i;
            queue.push(event);
        }
        QCOMPARE(queue.dropped(), 4'000u);
        QCOMPARE(queue.size(), 1'000);
        const auto kept = queue.takeAll();
        QCOMPARE(kept.size(), 1'000);
        for (int i = 0; i < kept.size(); ++i)
            QCOMPARE(kept.at(i).latencyUs, 4'000 + i);
        // Taking leaves an empty queue that fills again from the start.
        RequestEvent next;
        next.latencyUs = 9;
        queue.push(next);
        QCOMPARE(queue.takeAll().first().latencyUs, 9);
        QCOMPARE(queue.dropped(), 4'000u);
    }

    void retentionRemovesOldRows()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("billing"), upstream.url()));
        QVERIFY(gateway.start());
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/billing/x", {}).status, 401);
        QCOMPARE(gateway.logRows().size(), 1);
        RequestLogStore store(gateway.catalog.catalog.database());
        auto purged = store.purgeOlderThan(gateway.catalog.clock.nowMs() + 1);
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 1);
        QCOMPARE(*store.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayLog)
#include "TestGatewayLog.moc"

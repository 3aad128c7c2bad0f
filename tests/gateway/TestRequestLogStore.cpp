#include "core/gateway/RequestLogStore.h"

#include "core/gateway/RequestLogReader.h"
#include "tests/support/TestCatalog.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::gateway;

namespace {

// A row whose every column says which row it is, with the optional columns empty on some rows.
RequestEvent numberedEvent(int i, qint64 tokenId)
{
    RequestEvent event;
    event.timeMs = 1'700'000'000'000 + i;
    event.requestId = "req-" + QByteArray::number(i);
    event.method = i % 2 ? "POST" : "GET";
    event.path = "/billing/invoices/" + QByteArray::number(i) + "?page=";
    event.apiId = i % 5 == 0 ? 0 : 1;
    event.consumerId = i % 3 == 0 ? 0 : 1;
    event.tokenId = i % 3 == 0 ? 0 : tokenId;
    event.status = 200 + i;
    event.upstreamStatus = i % 4 == 0 ? 0 : 300 + i;
    event.latencyUs = 1'000 + i;
    event.bytesIn = 10 * i;
    event.bytesOut = 20 * i;
    event.clientAddress = i % 7 == 0 ? QByteArray() : "192.0.2." + QByteArray::number(i % 250);
    event.error = i % 6 == 0 ? "upstream_reset" : QByteArray();
    return event;
}

} // namespace

class TestRequestLogStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_t = std::make_unique<test::TestCatalog>();
        QVERIFY(m_t->isReady());
        m_t->addBillingApiAndConsumer();
        auto issued = m_t->tokens.create({QStringLiteral("mobile-app"), QStringLiteral("phone"),
            {QStringLiteral("api:billing")}, m_t->expiryInDays(30), QString()});
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
        m_tokenId = issued->token.id;
    }

    void everyRowAndColumnArrivesInOrder_data()
    {
        // Batches are written 64 rows to a statement, then 16, the rest one by one: sizes on each side of those.
        QTest::addColumn<int>("size");
        for (int size : {1, 15, 16, 17, 33, 63, 64, 65, 80, 81, 100, 128, 145, 200})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void everyRowAndColumnArrivesInOrder()
    {
        QFETCH(int, size);
        QList<RequestEvent> batch;
        for (int i = 0; i < size; ++i)
            batch.append(numberedEvent(i, m_tokenId));
        RequestLogStore store(m_t->catalog.database());
        const auto appended = store.append(batch);
        QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));

        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 1'000);
        QVERIFY(rows);
        QCOMPARE(rows->size(), size);
        for (int i = 0; i < size; ++i) {
            const RequestEvent& want = batch.at(i);
            const RequestEvent& got = rows->at(i).event;
            QCOMPARE(got.timeMs, want.timeMs);
            QCOMPARE(got.requestId, want.requestId);
            QCOMPARE(got.method, want.method);
            QCOMPARE(got.path, want.path);
            QCOMPARE(got.apiId, want.apiId);
            QCOMPARE(got.consumerId, want.consumerId);
            QCOMPARE(got.tokenId, want.tokenId);
            QCOMPARE(got.status, want.status);
            QCOMPARE(got.upstreamStatus, want.upstreamStatus);
            QCOMPARE(got.latencyUs, want.latencyUs);
            QCOMPARE(got.bytesIn, want.bytesIn);
            QCOMPARE(got.bytesOut, want.bytesOut);
            QCOMPARE(got.clientAddress, want.clientAddress);
            QCOMPARE(got.error, want.error);
            QCOMPARE(got.providerId, 0);
            QCOMPARE(got.tokensIn, -1);
        }
    }

    void pathsThatAreNotUtf8AreStoredAsTheirReplacementWithinAFullStatement()
    {
        // 81 rows: a 64-row statement, a 16-row one and a single row. Rows in each get a converted copy of their
        // path, which must outlive the binding until their statement has run.
        QList<RequestEvent> batch;
        for (int i = 0; i < 81; ++i)
            batch.append(numberedEvent(i, m_tokenId));
        const QList<int> converted {5, 40, 63, 69, 80};
        for (int i : converted)
            batch[i].path = QByteArray("/billing/\xff\xfe/") + QByteArray(200 + i, 'x');
        RequestLogStore store(m_t->catalog.database());
        QVERIFY(store.append(batch));

        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 81);
        for (int i = 0; i < 81; ++i) {
            if (converted.contains(i)) {
                QCOMPARE(rows->at(i).event.path, QString::fromUtf8(batch[i].path).toUtf8());
                QVERIFY(rows->at(i).event.path.isValidUtf8());
            } else {
                QCOMPARE(rows->at(i).event.path, batch[i].path);
            }
        }
    }

    void aiColumnsArriveWhetherOrNotTheirChunkHasThem()
    {
        // 200 rows: chunks of 64, 64, 64 and 8 single rows. AI calls in the second chunk and among the single
        // rows; the first and third chunks have none, so their statements leave the AI columns out.
        const QList<int> aiRows {70, 127, 193, 199};
        QList<RequestEvent> batch;
        for (int i = 0; i < 200; ++i) {
            RequestEvent event = numberedEvent(i, m_tokenId);
            if (aiRows.contains(i)) {
                event.providerId = 7;
                event.model = i % 2 ? QStringLiteral("model-odd") : QStringLiteral("model-even");
                event.tokensIn = 100 + i;
                event.tokensOut = i == 127 ? -1 : 200 + i; // a stream that ended before its usage arrived
            }
            batch.append(event);
        }
        RequestLogStore store(m_t->catalog.database());
        const auto appended = store.append(batch);
        QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));

        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 1'000);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 200);
        for (int i = 0; i < 200; ++i) {
            const RequestEvent& want = batch.at(i);
            const RequestEvent& got = rows->at(i).event;
            QCOMPARE(got.requestId, want.requestId);
            QCOMPARE(got.status, want.status);
            QCOMPARE(got.error, want.error);
            QCOMPARE(got.providerId, want.providerId);
            QCOMPARE(got.model, want.model);
            QCOMPARE(got.tokensIn, aiRows.contains(i) ? want.tokensIn : -1);
            QCOMPARE(got.tokensOut, aiRows.contains(i) ? want.tokensOut : -1);
        }
    }

    void theTokensLastUseIsItsNewestRequestInTheBatch()
    {
        QList<RequestEvent> batch;
        for (int i = 0; i < 40; ++i)
            batch.append(numberedEvent(i, m_tokenId));
        // The newest request that used the token is not the batch's last row.
        batch[37].timeMs = 1'800'000'000'000;
        batch[37].clientAddress = "198.51.100.9";
        RequestLogStore store(m_t->catalog.database());
        QVERIFY(store.append(batch));

        const auto token = m_t->tokens.find(m_tokenId);
        QVERIFY(token);
        QCOMPARE(token->lastUsed.toMSecsSinceEpoch(), 1'800'000'000'000);
        QCOMPARE(token->lastUsedAddress, QStringLiteral("198.51.100.9"));
    }

    void consecutiveBatchesAppendAfterEachOther()
    {
        RequestLogStore store(m_t->catalog.database());
        QList<RequestEvent> first;
        QList<RequestEvent> second;
        for (int i = 0; i < 20; ++i)
            first.append(numberedEvent(i, m_tokenId));
        for (int i = 20; i < 53; ++i)
            second.append(numberedEvent(i, m_tokenId));
        QVERIFY(store.append(first));
        QVERIFY(store.append(second));
        QCOMPARE(store.count().value(), 53);
        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 100);
        QVERIFY(rows);
        for (int i = 0; i < 53; ++i)
            QCOMPARE(rows->at(i).event.requestId, "req-" + QByteArray::number(i));
    }

private:
    std::unique_ptr<test::TestCatalog> m_t;
    qint64 m_tokenId = 0;
};

QTEST_GUILESS_MAIN(TestRequestLogStore)
#include "TestRequestLogStore.moc"

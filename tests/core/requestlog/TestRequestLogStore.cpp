#include "core/requestlog/RequestLogStore.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogReader.h"
#include "tests/support/TestCatalog.h"

#include <QSqlDatabase>
#include <QTest>
#include <QThread>

using namespace gatehouse;
using namespace gatehouse;

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
                event.modelKnown = true;
                event.tokensIn = 100 + i;
                event.tokensOut = i == 127 ? -1 : 200 + i; // a stream that ended before its usage arrived
                event.usageEstimated = i == 70 || i == 199; // one in a chunk of 64, one single row
            }
            // A request that is no AI call has no usage to estimate, whatever its event says.
            if (i == 71 || i == 198)
                event.usageEstimated = true;
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
            QCOMPARE(got.usageEstimated, i == 70 || i == 199);
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

    // Batches whose times go back and forth, as a clock set back or two gateways on one catalog write them, and
    // two batches in one minute: every time range reads exactly the rows whose time is in it.
    void timeRangesFindTheirRowsWhateverOrderTheClockGaveThem()
    {
        RequestLogStore store(m_t->catalog.database());
        writeBatchesOutOfClockOrder(store);
        const QList<LoggedRequest> all = everyRow();
        QCOMPARE(all.size(), 50);
        RequestLogReader reader(m_t->catalog.database());
        for (qint64 from : kEdges) {
            for (qint64 to : kEdges) {
                QList<qint64> want;
                for (const LoggedRequest& row : all) {
                    if (row.event.timeMs >= from && row.event.timeMs < to)
                        want.append(row.id);
                }
                const auto got = reader.between(from, to, 1'000);
                QVERIFY(got);
                QList<qint64> ids;
                for (const LoggedRequest& row : *got)
                    ids.append(row.id);
                QVERIFY2(ids == want,
                    qPrintable(QStringLiteral("from %1 to %2: %3 rows, want %4")
                                   .arg(from)
                                   .arg(to)
                                   .arg(ids.size())
                                   .arg(want.size())));
            }
        }
        // The limit keeps the newest rows.
        const auto newest = reader.between(kEdges.first(), kEdges.last(), 3);
        QVERIFY(newest);
        QCOMPARE(newest->size(), 3);
        QCOMPARE(newest->last().id, all.last().id);
    }

    void retentionDeletesExactlyTheOlderRowsAndThenTheirSpans()
    {
        RequestLogStore store(m_t->catalog.database());
        writeBatchesOutOfClockOrder(store);
        QList<LoggedRequest> left = everyRow();
        for (qint64 cutoff : kEdges) {
            qint64 deleted = 0;
            for (;;) { // a few rows at a time, as the writer's rounds do
                auto round = store.purgeOlderThan(cutoff, 7);
                QVERIFY2(round, qPrintable(round ? QString() : round.error().toString()));
                if (*round == 0)
                    break;
                deleted += *round;
            }
            const qsizetype before = left.size();
            left.removeIf([cutoff](const LoggedRequest& row) { return row.event.timeMs < cutoff; });
            QCOMPARE(deleted, before - left.size());
            const QList<LoggedRequest> kept = everyRow();
            QCOMPARE(kept.size(), left.size());
            for (qsizetype i = 0; i < kept.size(); ++i)
                QCOMPARE(kept.at(i).id, left.at(i).id);
        }
        QVERIFY(left.isEmpty());
        auto spans = sql::exec(m_t->catalog.database(), QStringLiteral("SELECT count(*) FROM request_log_spans"));
        QVERIFY(spans && spans->next());
        QCOMPARE(spans->value(0).toInt(), 0);
    }

    // A background read: a reader that opens its own read-only connection on its thread sees what the catalog's
    // connection wrote, and leaves no connection behind.
    void aReaderWithItsOwnConnectionReadsOnAnotherThread()
    {
        RequestLogStore store(m_t->catalog.database());
        writeBatchesOutOfClockOrder(store);
        const QList<LoggedRequest> all = everyRow();
        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        QList<qint64> seen;
        qint64 newest = -1;
        QString failure;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto reader = RequestLogReader::open(m_t->catalog.location());
            if (!reader) {
                failure = reader.error().message;
                return;
            }
            auto rows = reader->after(0, 1'000);
            auto id = reader->newestId();
            if (!rows || !id) {
                failure = QStringLiteral("a read failed");
                return;
            }
            for (const LoggedRequest& row : *rows)
                seen.append(row.id);
            newest = *id;
        }));
        thread->start();
        QVERIFY(thread->wait(10'000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(seen.size(), all.size());
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(seen.at(i), all.at(i).id);
        QCOMPARE(newest, all.last().id);
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
        // Read-only: it never creates a catalog that is not there.
        QVERIFY(!RequestLogReader::open(CatalogLocation::sqliteFile(QStringLiteral("/nonexistent/dir/c.sqlite3"))));
    }

private:
    static constexpr qint64 kMinute = 60'000;
    static constexpr qint64 kBase = 1'700'000'040'000; // a whole minute
    // Times on each side of every batch's first and last row, and far off.
    static inline const QList<qint64> kEdges {0, kBase - 1, kBase, kBase + 5, kBase + 9, kBase + 10,
        kBase + kMinute - 1, kBase + kMinute, kBase + kMinute + 20, kBase + 2 * kMinute, kBase + 2 * kMinute + 9,
        kBase + 2 * kMinute + 10, kBase + 3 * kMinute};

    // Five batches of ten: minute 2, then minute 0 (the clock set back), minute 1 with one row in minute 0, minute
    // 2 again, and minute 0 again.
    void writeBatchesOutOfClockOrder(RequestLogStore& store)
    {
        const QList<QList<qint64>> times {
            {kBase + 2 * kMinute},
            {kBase},
            {kBase + kMinute, kBase + 5},
            {kBase + 2 * kMinute + 5},
            {kBase + 3},
        };
        int n = 0;
        for (const QList<qint64>& starts : times) {
            QList<RequestEvent> batch;
            for (int i = 0; i < 10; ++i) {
                RequestEvent event = numberedEvent(n++, m_tokenId);
                event.timeMs = (starts.size() > 1 && i == 4 ? starts.at(1) : starts.first()) + i;
                batch.append(event);
            }
            QVERIFY(store.append(batch));
        }
    }

    QList<LoggedRequest> everyRow() const
    {
        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 1'000);
        return rows ? *rows : QList<LoggedRequest>();
    }

    std::unique_ptr<test::TestCatalog> m_t;
    qint64 m_tokenId = 0;
};

QTEST_GUILESS_MAIN(TestRequestLogStore)
#include "TestRequestLogStore.moc"

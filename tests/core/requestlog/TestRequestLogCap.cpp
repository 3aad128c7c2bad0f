#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogQueue.h"
#include "core/requestlog/RequestLogReader.h"
#include "core/requestlog/RequestLogStore.h"
#include "core/requestlog/RequestLogWriter.h"
#include "tests/support/TestCatalog.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse;

// The request log's size cap (RequestLogStore::purgeOverSize, run by the writer after every batch) and the
// interning of model names, over a real SQLite catalog file.
class TestRequestLogCap : public QObject
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

    void theOldestRowsGoAndTheLiveSizeStaysUnderTheCap()
    {
        RequestLogStore store(m_t->catalog.database());
        const qint64 cap = baseline(store) + kLogBytes;
        // 12,000 rows of about 200 bytes: several times the cap, in batches as the writer commits them.
        constexpr int kBatches = 48;
        constexpr int kPerBatch = 250;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        qint64 purged = 0;
        for (int b = 0; b < kBatches; ++b) {
            QList<RequestEvent> batch;
            for (int i = 0; i < kPerBatch; ++i) {
                batch.append(event(b * kPerBatch + i));
                tokensIn += qMax<qint64>(0, batch.last().tokensIn);
                tokensOut += qMax<qint64>(0, batch.last().tokensOut);
            }
            QVERIFY(store.append(batch));
            const auto round = store.purgeOverSize(cap);
            QVERIFY2(round, qPrintable(round ? QString() : round.error().toString()));
            purged += *round;
            QVERIFY2(store.liveBytes().value() <= cap,
                qPrintable(QStringLiteral("batch %1: %2 live bytes over a cap of %3")
                               .arg(b)
                               .arg(store.liveBytes().value())
                               .arg(cap)));
        }
        const qint64 total = kBatches * kPerBatch;
        QVERIFY(purged > total / 2);
        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, total);
        QVERIFY(rows);
        QCOMPARE(rows->size(), total - purged);
        // What is left is the newest rows, in order, up to the last one written.
        for (qsizetype i = 0; i < rows->size(); ++i)
            QCOMPARE(rows->at(i).event.requestId, "req-" + QByteArray::number(total - rows->size() + i));
        // Freed pages were filled again: the file never grew much past the cap (without the cap it holds all
        // 12,000 rows, several times the cap).
        QVERIFY2(pragma(QStringLiteral("page_count")) * pragma(QStringLiteral("page_size")) <= cap + cap / 2,
            qPrintable(QString::number(pragma(QStringLiteral("page_count")))));
        // The AI usage sums count every request, those whose rows went too; the model stays named.
        auto sums = sql::exec(m_t->catalog.database(),
            QStringLiteral("SELECT sum(requests), sum(tokens_in), sum(tokens_out) FROM ai_usage_daily"));
        QVERIFY(sums && sums->next());
        QCOMPARE(sums->value(0).toLongLong(), total / 4);
        QCOMPARE(sums->value(1).toLongLong(), tokensIn);
        QCOMPARE(sums->value(2).toLongLong(), tokensOut);
        QCOMPARE(m_t->rowCount(QStringLiteral("ai_models")), 1);
        // The spans of the rows that went went with them: the oldest span starts at the oldest row left.
        auto spans = sql::exec(m_t->catalog.database(), QStringLiteral("SELECT min(last_id) FROM request_log_spans"));
        QVERIFY(spans && spans->next());
        QVERIFY(spans->value(0).toLongLong() >= rows->first().id);
    }

    void aLogAtItsCapIsTrimmedToNinetyPercentNotOnEveryBatch()
    {
        RequestLogStore store(m_t->catalog.database());
        const qint64 cap = baseline(store) + kLogBytes;
        int n = 0;
        qint64 purged = 0;
        while (purged == 0) {
            QList<RequestEvent> batch;
            for (int i = 0; i < 100; ++i)
                batch.append(event(n++));
            QVERIFY(store.append(batch));
            purged = store.purgeOverSize(cap).value();
            QVERIFY(n < 100'000);
        }
        const qint64 live = store.liveBytes().value();
        QVERIFY2(live <= cap - cap / 10, qPrintable(QString::number(live)));
        // The next batch fits under the cap again: nothing goes.
        QList<RequestEvent> batch;
        for (int i = 0; i < 10; ++i)
            batch.append(event(n++));
        QVERIFY(store.append(batch));
        QCOMPARE(store.purgeOverSize(cap).value(), 0);
    }

    void noCapOrRoomLeftDeletesNothing()
    {
        RequestLogStore store(m_t->catalog.database());
        QList<RequestEvent> batch;
        for (int i = 0; i < 2000; ++i)
            batch.append(event(i));
        QVERIFY(store.append(batch));
        QCOMPARE(store.purgeOverSize(0).value(), 0);
        QCOMPARE(store.purgeOverSize(store.liveBytes().value()).value(), 0);
        QCOMPARE(store.count().value(), 2000);
        // A cap below what the catalog itself takes empties the log and stops there.
        QCOMPARE(store.purgeOverSize(4096, 500, 1000).value(), 2000);
        QCOMPARE(store.count().value(), 0);
        QCOMPARE(store.purgeOverSize(4096).value(), 0);
        QCOMPARE(m_t->rowCount(QStringLiteral("ai_usage_daily")), 1);
    }

    void theWriterKeepsTheLogUnderItsCap()
    {
        qint64 cap = 0;
        {
            RequestLogStore store(m_t->catalog.database());
            cap = baseline(store) + kLogBytes;
        }
        RequestLogQueue queue;
        RequestLogWriter writer(m_t->catalog.location(), queue, m_t->clock, RequestLogWriter::kDefaultRetentionMs, cap);
        QVERIFY(writer.start());
        constexpr int kTotal = 10'000;
        for (int i = 0; i < kTotal; ++i) {
            queue.push(event(i));
            if (i % 500 == 499)
                writer.flush();
        }
        writer.flush();
        QCOMPARE(writer.written(), quint64(kTotal));
        writer.stop();

        RequestLogStore store(m_t->catalog.database());
        QVERIFY(store.liveBytes().value() <= cap);
        const qint64 left = store.count().value();
        QVERIFY(left > 0);
        QVERIFY(left < kTotal / 2);
        const auto newest = RequestLogReader(m_t->catalog.database()).after(0, kTotal);
        QVERIFY(newest);
        QCOMPARE(newest->last().event.requestId, "req-" + QByteArray::number(kTotal - 1));
        QCOMPARE(newest->first().event.requestId, "req-" + QByteArray::number(kTotal - left));
        auto sums = sql::exec(m_t->catalog.database(), QStringLiteral("SELECT sum(requests) FROM ai_usage_daily"));
        QVERIFY(sums && sums->next());
        QCOMPARE(sums->value(0).toLongLong(), kTotal / 4);
    }

    // A token allowed `ai:fake/*` names whatever model it likes: only the models the catalog lists get a name of
    // their own; the rest share one row per provider, and their usage still counts.
    void unlistedModelsShareOneNamePerProvider()
    {
        RequestLogStore store(m_t->catalog.database());
        QList<RequestEvent> batch;
        qint64 unlistedTokens = 0;
        for (int i = 0; i < 300; ++i) {
            RequestEvent e = event(i * 4); // every one an AI call
            e.providerId = i % 3 == 0 ? 8 : 7;
            e.modelKnown = i % 5 == 0;
            e.model = e.modelKnown ? QStringLiteral("listed-model") : QStringLiteral("random-%1").arg(i);
            if (!e.modelKnown && e.providerId == 7)
                unlistedTokens += e.tokensIn + e.tokensOut;
            batch.append(e);
        }
        QVERIFY(store.append(batch));
        QVERIFY(store.append({batch.first()}));

        auto models = sql::exec(m_t->catalog.database(),
            QStringLiteral("SELECT provider_id, name FROM ai_models ORDER BY provider_id, name"));
        QVERIFY(models);
        QStringList names;
        while (models->next())
            names.append(models->value(0).toString() + u'/' + models->value(1).toString());
        QCOMPARE(names,
            QStringList({QStringLiteral("7/(unlisted)"), QStringLiteral("7/listed-model"),
                QStringLiteral("8/(unlisted)"), QStringLiteral("8/listed-model")}));

        const auto rows = RequestLogReader(m_t->catalog.database()).after(0, 1'000);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 301);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(rows->at(i).event.model,
                batch.at(i).modelKnown ? batch.at(i).model : RequestLogStore::kUnlistedModel.toString());

        auto usage = sql::exec(m_t->catalog.database(),
            QStringLiteral("SELECT sum(u.requests), sum(u.tokens_in + u.tokens_out) FROM ai_usage_daily u "
                           "JOIN ai_models m ON m.id = u.model_id WHERE m.provider_id = 7 AND m.name = '(unlisted)'"));
        QVERIFY(usage && usage->next());
        QCOMPARE(usage->value(0).toLongLong(), 160); // 200 calls to provider 7, 40 of them listed
        QCOMPARE(usage->value(1).toLongLong(), unlistedTokens);
        auto all = sql::exec(m_t->catalog.database(), QStringLiteral("SELECT sum(requests) FROM ai_usage_daily"));
        QVERIFY(all && all->next());
        QCOMPARE(all->value(0).toLongLong(), 301);
    }

private:
    static constexpr qint64 kLogBytes = 256 * 1024;

    // Row `i` of a busy gateway's log: a quarter of them AI calls with a listed model.
    RequestEvent event(int i) const
    {
        RequestEvent e;
        e.timeMs = m_t->clock.nowMs() - 3'600'000 + i;
        e.requestId = "req-" + QByteArray::number(i);
        e.method = "GET";
        e.path = "/billing/invoices/" + QByteArray::number(i) + "?page=&sort=&filter=" + QByteArray(80, 'x');
        e.apiId = 1;
        e.consumerId = 1;
        e.tokenId = m_tokenId;
        e.status = 200;
        e.upstreamStatus = 200;
        e.latencyUs = 1'000 + i;
        e.bytesIn = 10 * i;
        e.bytesOut = 20 * i;
        e.clientAddress = "192.0.2." + QByteArray::number(i % 250);
        if (i % 4 == 0) {
            e.providerId = 7;
            e.model = QStringLiteral("listed-model");
            e.modelKnown = true;
            e.tokensIn = 10 + i % 7;
            e.tokensOut = 20 + i % 11;
        }
        return e;
    }

    // The catalog's live bytes before any request is logged.
    static qint64 baseline(const RequestLogStore& store)
    {
        const auto live = store.liveBytes();
        return live ? *live : 0;
    }

    qint64 pragma(const QString& name) const
    {
        auto query = sql::exec(m_t->catalog.database(), QStringLiteral("PRAGMA ") + name);
        return query && query->next() ? query->value(0).toLongLong() : -1;
    }

    std::unique_ptr<test::TestCatalog> m_t;
    qint64 m_tokenId = 0;
};

QTEST_GUILESS_MAIN(TestRequestLogCap)
#include "TestRequestLogCap.moc"

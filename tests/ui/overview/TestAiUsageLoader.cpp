#include "ui/overview/AiUsageLoader.h"

#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogStore.h"
#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::AiUsageHistory;
using ui::AiUsageLoader;

class TestAiUsageLoader : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestCatalog> m_t;
    qint64 m_mobile = 0;
    qint64 m_token = 0;

    RequestEvent aiRequest(qint64 timeMs, const QString& model, qint64 tokensIn, qint64 tokensOut) const
    {
        RequestEvent e;
        e.timeMs = timeMs;
        e.method = "POST";
        e.path = "/ai/v1/chat/completions";
        e.status = 200;
        e.upstreamStatus = 200;
        e.latencyUs = 1000;
        e.consumerId = m_mobile;
        e.consumerName = QStringLiteral("mobile-app");
        e.tokenId = m_token;
        e.providerId = 1;
        e.providerName = QStringLiteral("openai");
        e.model = model;
        e.modelKnown = true; // a model the provider lists: logged under its own name
        e.tokensIn = tokensIn;
        e.tokensOut = tokensOut;
        return e;
    }

private Q_SLOTS:
    void init()
    {
        m_t = std::make_unique<test::TestCatalog>();
        QVERIFY(m_t->isReady());
        m_t->addBillingApiAndConsumer();
        m_mobile = m_t->consumers.find(QStringLiteral("mobile-app"))->id;
        auto issued = m_t->tokens.create({QStringLiteral("mobile-app"), QStringLiteral("phones"),
            {QStringLiteral("api:billing:read")}, m_t->expiryInDays(30), QString()});
        QVERIFY(issued.ok());
        m_token = issued->token.id;
        QVERIFY(sql::exec(m_t->catalog.database(),
            QStringLiteral("INSERT INTO providers (id, name, type, base_url, created_at, updated_at) VALUES "
                           "(1, 'openai', 'openai', 'https://api.openai.com', 0, 0)")));
    }
    void cleanup() { m_t.reset(); }

    // The daily sums of the period, less what was logged from the seam on (the batches bring that).
    void readsThePeriodOnAThreadLessWhatCameAfterTheSeam()
    {
        const qint64 now = m_t->clock.nowMs();
        const qint64 day = 24 * 3600'000LL;
        RequestLogStore store(m_t->catalog.database());
        QVERIFY(store
                    .append({aiRequest(now - 40 * day, QStringLiteral("gpt-4o"), 9000, 9000), // before the period
                        aiRequest(now - 29 * day, QStringLiteral("gpt-4o"), 100, 10),
                        aiRequest(now - 1, QStringLiteral("gpt-4o"), 200, 20),
                        aiRequest(now - 1, QStringLiteral("gpt-4o-mini"), 1, 1)})
                    .ok());
        // Logged after the page opened: counted by the page's live feed, not here.
        QVERIFY(store
                    .append({aiRequest(now, QStringLiteral("gpt-4o"), 5000, 5000),
                        aiRequest(now + 10, QStringLiteral("o3"), 7, 7)})
                    .ok());

        AiUsageLoader loader;
        QSignalSpy finished(&loader, &AiUsageLoader::finished);
        const QDate today = m_t->clock.now().date();
        loader.start(m_t->catalog.location(), today.addDays(-29), today, now);
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().at(1).toString(), QString());
        const auto history = finished.first().at(0).value<AiUsageHistory>();
        QCOMPARE(history.byConsumer.size(), 1);
        QCOMPARE(history.byConsumer.first().name, QStringLiteral("mobile-app"));
        QCOMPARE(history.byConsumer.first().requests, 3);
        QCOMPARE(history.byConsumer.first().tokensIn, 301);
        QCOMPARE(history.byConsumer.first().tokensOut, 31);
        // o3 was only used after the seam: no row at all.
        QCOMPARE(history.byModel.size(), 2);
        QCOMPARE(history.byModel.at(0).label(), QStringLiteral("openai/gpt-4o"));
        QCOMPARE(history.byModel.at(0).requests, 2);
        QCOMPARE(history.byModel.at(0).tokensIn, 300);
        QCOMPARE(history.byModel.at(1).label(), QStringLiteral("openai/gpt-4o-mini"));
        QVERIFY(!loader.isRunning());
    }

    // The page starts the next read (a new day, a refresh) from its handler of `finished`.
    void aHandlerOfFinishedMayStartTheNextRead()
    {
        AiUsageLoader loader;
        QSignalSpy finished(&loader, &AiUsageLoader::finished);
        const QDate today = m_t->clock.now().date();
        int started = 0;
        connect(&loader, &AiUsageLoader::finished, this, [&] {
            QVERIFY(!loader.isRunning());
            if (++started < 3)
                loader.start(m_t->catalog.location(), today, today, m_t->clock.nowMs());
        });
        loader.start(m_t->catalog.location(), today, today, m_t->clock.nowMs());
        QVERIFY(loader.isRunning());
        loader.start(m_t->catalog.location(), today, today, m_t->clock.nowMs()); // ignored: one at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20'000);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 3);
        QVERIFY(!loader.isRunning());
    }

    void nothingUsedIsEmpty()
    {
        QString error;
        const QDate today = m_t->clock.now().date();
        const AiUsageHistory history
            = AiUsageLoader::read(m_t->catalog.location(), today.addDays(-29), today, m_t->clock.nowMs(), &error);
        QCOMPARE(error, QString());
        QVERIFY(history.byConsumer.isEmpty());
        QVERIFY(history.byModel.isEmpty());
    }

    void aMissingCatalogIsAnError()
    {
        QString error;
        const AiUsageHistory history
            = AiUsageLoader::read(CatalogLocation::sqliteFile(QStringLiteral("/nonexistent/dir/catalog.sqlite3")),
                QDate(2026, 1, 1), QDate(2026, 1, 30), 0, &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(history.byConsumer.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAiUsageLoader)
#include "TestAiUsageLoader.moc"

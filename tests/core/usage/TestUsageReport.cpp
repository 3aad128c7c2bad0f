#include "core/usage/UsageReport.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "tests/support/TestCatalog.h"

#include <QSqlDatabase>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using Grouping = UsageReport::Grouping;

namespace {

const QDate kDay1(2026, 11, 27);
const QDate kDay2(2026, 11, 28);
const QDate kDay3(2026, 11, 29);

} // namespace

class TestUsageReport : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestCatalog> m_t;
    qint64 m_mobile = 0;
    qint64 m_web = 0;
    qint64 m_mobileToken = 0;
    qint64 m_webToken = 0;

    bool exec(const QString& statement, std::initializer_list<QVariant> values = {})
    {
        auto done = sql::exec(m_t->catalog.database(), statement, values);
        if (!done)
            qWarning("%s", qPrintable(done.error().toString()));
        return done.ok();
    }

    bool addUsage(QDate day, qint64 token, qint64 consumer, qint64 provider, qint64 model, qint64 requests,
        qint64 tokensIn, qint64 tokensOut)
    {
        return exec(QStringLiteral("INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, "
                                   "requests, tokens_in, tokens_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {day.toString(Qt::ISODate), token,
                consumer > 0 ? QVariant(consumer) : QVariant(QMetaType::fromType<qint64>()), provider, model, requests,
                tokensIn, tokensOut});
    }

    qint64 createToken(const QString& consumer, const QString& name)
    {
        auto issued = m_t->tokens.create(
            {consumer, name, {QStringLiteral("api:billing:read")}, m_t->expiryInDays(30), QString()});
        if (!issued) {
            qWarning("%s", qPrintable(issued.error().toString()));
            return 0;
        }
        return issued->token.id;
    }

    Result<QList<UsageRow>> summarize(Grouping by, QDate from = kDay1, QDate to = kDay3)
    {
        return UsageReport(m_t->catalog.database()).summarize(by, from, to);
    }

private Q_SLOTS:
    void init()
    {
        m_t = std::make_unique<test::TestCatalog>();
        QVERIFY(m_t->isReady());
        m_t->addBillingApiAndConsumer();
        auto web = m_t->consumers.add(QStringLiteral("web-shop"));
        QVERIFY(web.ok());
        m_web = web->id;
        m_mobile = m_t->consumers.find(QStringLiteral("mobile-app"))->id;
        m_mobileToken = createToken(QStringLiteral("mobile-app"), QStringLiteral("phones"));
        m_webToken = createToken(QStringLiteral("web-shop"), QStringLiteral("checkout"));
        QVERIFY(m_mobileToken > 0 && m_webToken > 0);
        QVERIFY(exec(QStringLiteral("INSERT INTO providers (id, name, type, base_url, created_at, updated_at) VALUES "
                                    "(1, 'openai', 'openai', 'https://api.openai.com', 0, 0), "
                                    "(2, 'claude', 'anthropic', 'https://api.anthropic.com', 0, 0)")));
        QVERIFY(exec(QStringLiteral("INSERT INTO ai_models (id, provider_id, name) VALUES (10, 1, 'gpt-4o'), "
                                    "(11, 1, 'gpt-4o-mini'), (20, 2, 'claude-sonnet-4-5')")));
    }
    void cleanup() { m_t.reset(); }

    void groupsByConsumerMostTokensFirst()
    {
        QVERIFY(addUsage(kDay1, m_mobileToken, m_mobile, 1, 10, 2, 100, 50));
        QVERIFY(addUsage(kDay2, m_mobileToken, m_mobile, 2, 20, 1, 10, 5));
        QVERIFY(addUsage(kDay2, m_webToken, m_web, 1, 11, 7, 1000, 400));
        auto rows = summarize(Grouping::Consumer);
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QCOMPARE(rows->size(), 2);
        const UsageRow& web = rows->at(0);
        QCOMPARE(web.id, m_web);
        QCOMPARE(web.label(), QStringLiteral("web-shop"));
        QCOMPARE(web.requests, 7);
        QCOMPARE(web.tokensIn, 1000);
        QCOMPARE(web.tokensOut, 400);
        QCOMPARE(web.totalTokens(), 1400);
        QVERIFY(!web.deleted);
        const UsageRow& mobile = rows->at(1);
        QCOMPARE(mobile.label(), QStringLiteral("mobile-app"));
        QCOMPARE(mobile.requests, 3);
        QCOMPARE(mobile.tokensIn, 110);
        QCOMPARE(mobile.tokensOut, 55);
    }

    void groupsByModelAsProviderSlashModel()
    {
        QVERIFY(addUsage(kDay1, m_mobileToken, m_mobile, 1, 10, 2, 100, 50));
        QVERIFY(addUsage(kDay1, m_webToken, m_web, 1, 10, 3, 300, 10));
        QVERIFY(addUsage(kDay3, m_webToken, m_web, 2, 20, 1, 2000, 900));
        QVERIFY(addUsage(kDay2, m_webToken, m_web, 1, 11, 1, 1, 1));
        auto rows = summarize(Grouping::Model);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).label(), QStringLiteral("claude/claude-sonnet-4-5"));
        QCOMPARE(rows->at(0).providerName, QStringLiteral("claude"));
        QCOMPARE(rows->at(0).model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(rows->at(0).totalTokens(), 2900);
        QCOMPARE(rows->at(1).label(), QStringLiteral("openai/gpt-4o"));
        QCOMPARE(rows->at(1).id, 10);
        QCOMPARE(rows->at(1).providerId, 1);
        QCOMPARE(rows->at(1).requests, 5);
        QCOMPARE(rows->at(1).tokensIn, 400);
        QCOMPARE(rows->at(1).tokensOut, 60);
        QCOMPARE(rows->at(2).label(), QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(rows->at(2).totalTokens(), 2);
    }

    void groupsByTokenWithItsConsumer()
    {
        const qint64 second = createToken(QStringLiteral("web-shop"), QStringLiteral("batch"));
        QVERIFY(addUsage(kDay1, m_webToken, m_web, 1, 10, 1, 10, 10));
        QVERIFY(addUsage(kDay1, second, m_web, 1, 10, 4, 500, 500));
        QVERIFY(addUsage(kDay2, second, m_web, 2, 20, 1, 5, 5));
        auto rows = summarize(Grouping::Token);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).id, second);
        QCOMPARE(rows->at(0).label(), QStringLiteral("batch"));
        QCOMPARE(rows->at(0).consumerName, QStringLiteral("web-shop"));
        QVERIFY(!rows->at(0).tokenHint.isEmpty());
        QCOMPARE(rows->at(0).requests, 5);
        QCOMPARE(rows->at(0).totalTokens(), 1010);
        QCOMPARE(rows->at(1).id, m_webToken);
        QCOMPARE(rows->at(1).label(), QStringLiteral("checkout"));
    }

    // Both ends of the period count; the days outside it do not.
    void theDateRangeIncludesBothEnds()
    {
        QVERIFY(addUsage(kDay1.addDays(-1), m_webToken, m_web, 1, 10, 1, 1000, 0));
        QVERIFY(addUsage(kDay1, m_webToken, m_web, 1, 10, 1, 1, 0));
        QVERIFY(addUsage(kDay2, m_webToken, m_web, 1, 10, 1, 10, 0));
        QVERIFY(addUsage(kDay3, m_webToken, m_web, 1, 10, 1, 100, 0));
        QVERIFY(addUsage(kDay3.addDays(1), m_webToken, m_web, 1, 10, 1, 10'000, 0));
        auto all = summarize(Grouping::Consumer, kDay1, kDay3);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().tokensIn, 111);
        QCOMPARE(all->first().requests, 3);
        auto one = summarize(Grouping::Consumer, kDay2, kDay2);
        QVERIFY(one.ok());
        QCOMPARE(one->first().tokensIn, 10);
        auto lastTwo = summarize(Grouping::Model, kDay2, kDay3);
        QCOMPARE(lastTwo->first().tokensIn, 110);
    }

    void lastDaysIncludesToday()
    {
        const QDateTime now(QDate(2026, 11, 29), QTime(23, 59), Qt::UTC);
        QCOMPARE(UsageReport::lastDays(now, 30), std::make_pair(QDate(2026, 10, 31), QDate(2026, 11, 29)));
        QCOMPARE(UsageReport::lastDays(now, 1), std::make_pair(QDate(2026, 11, 29), QDate(2026, 11, 29)));
        // Local times count by their UTC day.
        const QDateTime eastern(QDate(2026, 11, 30), QTime(1, 0), QTimeZone(3600 * 5));
        QCOMPARE(UsageReport::lastDays(eastern, 1).second, QDate(2026, 11, 29));
    }

    void anInvertedPeriodIsInvalidInput()
    {
        auto rows = summarize(Grouping::Consumer, kDay3, kDay1);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().kind, Error::Kind::InvalidInput);
        QVERIFY(!summarize(Grouping::Consumer, QDate(), kDay1).ok());
    }

    void nothingUsedIsAnEmptyList()
    {
        for (Grouping by : {Grouping::Consumer, Grouping::Model, Grouping::Token}) {
            auto rows = summarize(by);
            QVERIFY(rows.ok());
            QVERIFY(rows->isEmpty());
        }
        // Usage outside the period does not show either.
        QVERIFY(addUsage(kDay1.addDays(-30), m_webToken, m_web, 1, 10, 1, 1, 1));
        QVERIFY(summarize(Grouping::Consumer)->isEmpty());
    }

    // Usage outlives the consumer, the token and the provider it names: the ids stay, marked as deleted.
    void usageOfRemovedConsumersTokensAndProvidersStays()
    {
        QVERIFY(addUsage(kDay1, m_mobileToken, m_mobile, 2, 20, 2, 100, 100));
        QVERIFY(addUsage(kDay1, m_webToken, m_web, 1, 10, 1, 10, 10));
        QVERIFY(m_t->consumers.remove(QStringLiteral("mobile-app"), ConsumerService::TokenPolicy::RevokeActive).ok());
        QVERIFY(exec(QStringLiteral("DELETE FROM providers WHERE name = 'claude'")));

        auto consumers = summarize(Grouping::Consumer);
        QVERIFY(consumers.ok());
        QCOMPARE(consumers->size(), 2);
        QCOMPARE(consumers->at(0).id, m_mobile);
        QVERIFY(consumers->at(0).deleted);
        QVERIFY(consumers->at(0).name.isEmpty());
        QCOMPARE(consumers->at(0).label(), QStringLiteral("#%1 (deleted)").arg(m_mobile));
        QCOMPARE(consumers->at(0).totalTokens(), 200);
        QVERIFY(!consumers->at(1).deleted);

        auto tokens = summarize(Grouping::Token);
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->at(0).id, m_mobileToken);
        QVERIFY(tokens->at(0).deleted);
        QCOMPARE(tokens->at(0).label(), QStringLiteral("#%1 (deleted)").arg(m_mobileToken));
        QVERIFY(tokens->at(0).consumerName.isEmpty());

        auto models = summarize(Grouping::Model);
        QVERIFY(models.ok());
        QCOMPARE(models->at(0).id, 20);
        QVERIFY(models->at(0).deleted);
        QCOMPARE(models->at(0).model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(models->at(0).label(), QStringLiteral("#2/claude-sonnet-4-5 (deleted)"));
        QCOMPARE(models->at(1).label(), QStringLiteral("openai/gpt-4o"));
    }

    void usageWithoutAConsumerIsItsOwnRow()
    {
        QVERIFY(addUsage(kDay1, m_webToken, 0, 1, 10, 1, 5, 5));
        auto rows = summarize(Grouping::Consumer);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().id, 0);
        QVERIFY(!rows->first().deleted);
        QCOMPARE(rows->first().label(), QStringLiteral("(no consumer)"));
    }

    // The request log's part since a time: AI requests with a token and a model only, grouped the same way.
    void loggedSinceCountsTheRequestLogsAiRows()
    {
        const QString insert = QStringLiteral(
            "INSERT INTO request_log (at, request_id, method, path, consumer_id, token_id, status, latency_us, "
            "bytes_in, bytes_out, provider_id, model_id, tokens_in, tokens_out) "
            "VALUES (?, 'r', 'POST', '/ai/v1/chat/completions', ?, ?, 200, 1, 1, 1, ?, ?, ?, ?)");
        const QVariant none(QMetaType::fromType<qint64>());
        QVERIFY(exec(insert, {999, m_web, m_webToken, 1, 10, 1000, 1000})); // before
        QVERIFY(exec(insert, {1000, m_web, m_webToken, 1, 10, 10, 20}));
        QVERIFY(exec(insert, {2000, m_web, m_webToken, 1, 10, none, none})); // no counts reported
        QVERIFY(exec(insert, {3000, m_mobile, m_mobileToken, 2, 20, 1, 2}));
        QVERIFY(exec(insert, {3000, m_mobile, none, 2, 20, 100, 100})); // no token: not usage
        QVERIFY(exec(insert, {3000, none, none, none, none, none, none})); // not an AI request
        // The spans that the log writer would have made, had it written these rows in two batches.
        QVERIFY(exec(QStringLiteral("INSERT INTO request_log_spans (minute, first_id, last_id, min_at, max_at) "
                                    "VALUES (0, 1, 2, 999, 1000), (1, 3, 6, 2000, 3000)")));

        auto rows = UsageReport(m_t->catalog.database()).loggedSince(Grouping::Consumer, 1000);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).id, m_web);
        QCOMPARE(rows->at(0).requests, 2);
        QCOMPARE(rows->at(0).tokensIn, 10);
        QCOMPARE(rows->at(0).tokensOut, 20);
        QCOMPARE(rows->at(1).id, m_mobile);
        QCOMPARE(rows->at(1).requests, 1);
        auto models = UsageReport(m_t->catalog.database()).loggedSince(Grouping::Model, 2500);
        QVERIFY(models.ok());
        QCOMPARE(models->size(), 1);
        QCOMPARE(models->first().label(), QStringLiteral("claude/claude-sonnet-4-5"));
    }

    // The Overview's read: the period's daily sums less what the request log holds from `liveFromMs` on, by
    // consumer and by model, through a read-only connection of its own.
    void readOverviewTakesOutWhatWasLoggedSinceTheLiveStart()
    {
        QVERIFY(addUsage(kDay2, m_webToken, m_web, 1, 10, 3, 100, 40));
        QVERIFY(addUsage(kDay2, m_mobileToken, m_mobile, 2, 20, 1, 1, 2));
        const QString insert = QStringLiteral(
            "INSERT INTO request_log (at, request_id, method, path, consumer_id, token_id, status, latency_us, "
            "bytes_in, bytes_out, provider_id, model_id, tokens_in, tokens_out) "
            "VALUES (?, 'r', 'POST', '/ai/v1/chat/completions', ?, ?, 200, 1, 1, 1, ?, ?, ?, ?)");
        QVERIFY(exec(insert, {500, m_web, m_webToken, 1, 10, 50, 10})); // before the live start: stays summed
        QVERIFY(exec(insert, {1000, m_web, m_webToken, 1, 10, 10, 20}));
        QVERIFY(exec(insert, {1500, m_mobile, m_mobileToken, 2, 20, 1, 2})); // all of the mobile usage
        QVERIFY(exec(QStringLiteral("INSERT INTO request_log_spans (minute, first_id, last_id, min_at, max_at) "
                                    "VALUES (0, 1, 3, 500, 1500)")));

        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        auto overview = UsageReport::readOverview(m_t->catalog.location(), kDay1, kDay3, 1000);
        QVERIFY2(overview.ok(), qPrintable(overview.ok() ? QString() : overview.error().toString()));
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
        QCOMPARE(overview->byConsumer.size(), 1); // the mobile row has nothing left
        QCOMPARE(overview->byConsumer.first().id, m_web);
        QCOMPARE(overview->byConsumer.first().requests, 2);
        QCOMPARE(overview->byConsumer.first().tokensIn, 90);
        QCOMPARE(overview->byConsumer.first().tokensOut, 20);
        QCOMPARE(overview->byModel.size(), 1);
        QCOMPARE(overview->byModel.first().label(), QStringLiteral("openai/gpt-4o"));
        QCOMPARE(overview->byModel.first().requests, 2);

        // Through the catalog object, as the CLI reads it: the sums as they are.
        auto summed = UsageReport(m_t->catalog).summarize(Grouping::Consumer, kDay1, kDay3);
        QVERIFY(summed.ok());
        QCOMPARE(summed->size(), 2);

        auto missing = UsageReport::readOverview(
            CatalogLocation::sqliteFile(QStringLiteral("/nonexistent/dir/c.sqlite3")), kDay1, kDay3, 0);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::Runtime);
    }

    void parsesTheGroupingNames()
    {
        Grouping by = Grouping::Consumer;
        QVERIFY(UsageReport::parseGrouping(QStringLiteral("model"), &by));
        QCOMPARE(by, Grouping::Model);
        QVERIFY(UsageReport::parseGrouping(QStringLiteral("token"), &by));
        QCOMPARE(by, Grouping::Token);
        QVERIFY(UsageReport::parseGrouping(QStringLiteral("consumer"), &by));
        QCOMPARE(by, Grouping::Consumer);
        QVERIFY(!UsageReport::parseGrouping(QStringLiteral("Model"), &by));
        QVERIFY(!UsageReport::parseGrouping(QString(), &by));
    }
};

QTEST_GUILESS_MAIN(TestUsageReport)
#include "TestUsageReport.moc"

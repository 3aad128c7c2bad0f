// Budgets and per-minute limits on the AI routes, end to end: a real gateway over a real SQLite catalog, a loopback
// provider in OpenAI's wire format, raw sockets as the client, and a test clock that is moved past midnight instead
// of waiting for it.

#include "core/catalog/ProviderService.h"
#include "core/catalog/sql/SqlQuery.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/ProviderUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::GatewayHarness;
using gatehouse::test::ProviderUpstream;
using gatehouse::test::RawHttpClient;
namespace fixtures = gatehouse::test::ProviderFixtures;

namespace {

// What one answer of the loopback provider spends.
qint64 perAnswer()
{
    return fixtures::promptTokens() + fixtures::completionTokens();
}

QByteArray chatRequest(const QByteArray& token, const QByteArray& path = "/ai/v1/chat/completions")
{
    const QByteArray body = R"({"model":"local/llama3","messages":[{"role":"user","content":"Say hello."}]})";
    return "POST " + path + " HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestGatewayAiBudgets : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        ProviderUpstream provider;
        GatewayHarness gateway;
    };

    // A gateway with one keyless (Ollama) provider "local" offering llama3, its clock at `now`. Tokens may be issued
    // before start() (the usage seeded at start is then tested) or after.
    static std::unique_ptr<Setup> prepare(const QDateTime& now)
    {
        auto s = std::make_unique<Setup>();
        if (!s->provider.start() || !s->gateway.catalog.isReady())
            return nullptr;
        s->gateway.catalog.clock.set(now);
        ProviderService providers(s->gateway.catalog.catalog, QStringLiteral("test"));
        auto added = providers.add({QStringLiteral("local"), QStringLiteral("ollama"), s->provider.url().toString(),
            {QStringLiteral("llama3")}});
        if (!added) {
            qWarning() << added.error().toString();
            return nullptr;
        }
        return s;
    }

    static std::unique_ptr<Setup> setUp(const QDateTime& now, gateway::EngineConfig config = {})
    {
        auto s = prepare(now);
        if (!s || !s->gateway.start(config))
            return nullptr;
        return s;
    }

    static QByteArray issue(Setup& s, const AiLimits& limits, const QString& consumer = QStringLiteral("tester"))
    {
        tokens::Expiry expiry;
        expiry.at = s.gateway.catalog.clock.now().addDays(30);
        auto issued = s.gateway.catalog.tokens.create(
            {consumer, QStringLiteral("budgeted"), {QStringLiteral("ai:*")}, expiry, {}, limits});
        if (!issued) {
            qWarning() << issued.error().toString();
            return {};
        }
        return issued->plaintext.view().toByteArray();
    }

    static AiLimits dailyBudget(qint64 tokens)
    {
        AiLimits limits;
        limits.budget.dailyTokens = tokens;
        return limits;
    }

    static std::optional<RawHttpClient::Response> send(Setup& s, const QByteArray& request)
    {
        RawHttpClient client;
        if (!client.connectTo(s.gateway.port()) || !client.send(request))
            return std::nullopt;
        return client.readResponse();
    }

    static int status(Setup& s, const QByteArray& token)
    {
        const auto response = send(s, chatRequest(token));
        return response ? response->status : -1;
    }

    static QJsonObject json(const RawHttpClient::Response& response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

private Q_SLOTS:
    void tokenDailyBudgetRefusesUntilMidnight()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(23, 0), Qt::UTC));
        QVERIFY(s);
        // Exactly one answer's worth: the first request spends it all.
        const QByteArray token = issue(*s, dailyBudget(perAnswer()));
        QCOMPARE(status(*s, token), 200);
        s->gateway.engine.flushLog(); // the day's figures learn of it when the event is written

        const auto refused = send(*s, chatRequest(token));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        const QJsonObject body = json(*refused);
        QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("budget_exceeded"));
        QCOMPARE(body.value(QStringLiteral("budget")).toString(), QStringLiteral("token_daily"));
        QCOMPARE(body.value(QStringLiteral("limit")).toInteger(), perAnswer());
        QCOMPARE(body.value(QStringLiteral("used")).toInteger(), perAnswer());
        QCOMPARE(body.value(QStringLiteral("reset_at")).toString(), QStringLiteral("2026-11-16T00:00:00Z"));
        QVERIFY(body.value(QStringLiteral("error_description")).toString().contains(u"2026-11-16T00:00:00Z"));
        QCOMPARE(refused->header("Retry-After"), QByteArray("3600"));
        QCOMPARE(refused->header("x-should-retry"), QByteArray("false"));
        QCOMPARE(refused->header("Content-Type"), QByteArray("application/json"));
        // Refused by the gateway: the provider never heard of it.
        QCOMPARE(s->provider.requestCount(), 1);

        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.last().event.status, 429);
        QCOMPARE(rows.last().event.error, QByteArray("budget_exceeded"));

        // A new UTC day, a new budget.
        s->gateway.catalog.clock.advanceSecs(3601);
        QCOMPARE(status(*s, token), 200);
        QCOMPARE(s->provider.requestCount(), 2);
    }

    void monthlyBudgetResetsOnTheFirst()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 10), QTime(12, 0), Qt::UTC));
        QVERIFY(s);
        AiLimits limits;
        limits.budget.monthlyTokens = perAnswer() + 1; // a second answer would cross it: it is still allowed
        limits.budget.dailyTokens = 100 * perAnswer();
        const QByteArray token = issue(*s, limits);
        QCOMPARE(status(*s, token), 200);
        s->gateway.engine.flushLog();
        QCOMPARE(status(*s, token), 200);
        s->gateway.engine.flushLog();
        const auto refused = send(*s, chatRequest(token));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        QCOMPARE(json(*refused).value(QStringLiteral("budget")).toString(), QStringLiteral("token_monthly"));
        QCOMPARE(json(*refused).value(QStringLiteral("reset_at")).toString(), QStringLiteral("2026-12-01T00:00:00Z"));

        // The next day does not help; the next month does.
        s->gateway.catalog.clock.advanceDays(1);
        QCOMPARE(status(*s, token), 429);
        s->gateway.catalog.clock.set(QDateTime(QDate(2026, 12, 1), QTime(0, 0, 1), Qt::UTC));
        QCOMPARE(status(*s, token), 200);
    }

    void consumerBudgetIsSharedByItsTokens()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        UsageBudget team;
        team.dailyTokens = perAnswer();
        QVERIFY(s->gateway.catalog.consumers.add(QStringLiteral("team"), {}, team));
        const QByteArray first = issue(*s, {}, QStringLiteral("team"));
        const QByteArray second = issue(*s, {}, QStringLiteral("team"));
        const QByteArray outsider = issue(*s, {});
        QCOMPARE(status(*s, first), 200);
        s->gateway.engine.flushLog();

        const auto refused = send(*s, chatRequest(second));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        const QJsonObject body = json(*refused);
        QCOMPARE(body.value(QStringLiteral("budget")).toString(), QStringLiteral("consumer_daily"));
        QVERIFY(body.value(QStringLiteral("error_description")).toString().contains(u"\"team\""));
        // Another consumer's token is not affected.
        QCOMPARE(status(*s, outsider), 200);
    }

    void usageBeforeTheGatewayStartedCounts()
    {
        auto s = prepare(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        const QByteArray token = issue(*s, dailyBudget(1000));
        const qint64 id = s->gateway.tokenId(token);
        // Spent earlier today (by an earlier run of the gateway): 1000 tokens.
        QVERIFY(sql::exec(s->gateway.catalog.catalog.database(),
            QStringLiteral("INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, requests, "
                           "tokens_in, tokens_out) VALUES ('2026-11-15', ?, NULL, 1, 1, 3, 600, 400)"),
            {id}));
        QVERIFY(s->gateway.start());
        QCOMPARE(status(*s, token), 429);
        QCOMPARE(s->provider.requestCount(), 0);
    }

    void usageOfAnotherGatewayCountsAfterARefresh()
    {
        gateway::EngineConfig config;
        config.usageRefreshMs = 100;
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC), config);
        QVERIFY(s);
        const QByteArray token = issue(*s, dailyBudget(1'000'000));
        QCOMPARE(status(*s, token), 200);
        // Another process sharing the catalog spends the rest of the budget.
        QVERIFY(sql::exec(s->gateway.catalog.catalog.database(),
            QStringLiteral("INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, requests, "
                           "tokens_in, tokens_out) VALUES ('2026-11-15', ?, NULL, 1, 999, 1, 1000000, 0)"),
            {s->gateway.tokenId(token)}));
        QTRY_COMPARE_WITH_TIMEOUT(status(*s, token), 429, 5000);
    }

    void requestsPerMinuteLimit()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        AiLimits limits;
        limits.requestsPerMinute = 2;
        const QByteArray token = issue(*s, limits);
        QCOMPARE(status(*s, token), 200);
        // The model list is an AI request too.
        const auto models
            = send(*s, "GET /ai/v1/models HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        QVERIFY(models);
        QCOMPARE(models->status, 200);
        const auto refused = send(*s, chatRequest(token));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        QCOMPARE(json(*refused).value(QStringLiteral("error")).toString(), QStringLiteral("rate_limited"));
        QCOMPARE(refused->header("RateLimit-Limit"), QByteArray("2"));
        QCOMPARE(refused->header("RateLimit-Remaining"), QByteArray("0"));
        QCOMPARE(refused->header("Retry-After"), QByteArray("30"));
        QCOMPARE(s->provider.requestCount(), 1);
        // The bucket refills one request every 30 s.
        s->gateway.catalog.clock.advanceSecs(30);
        QCOMPARE(status(*s, token), 200);
        QCOMPARE(status(*s, token), 429);
        // Another token has its own bucket.
        QCOMPARE(status(*s, issue(*s, limits)), 200);
    }

    void tokensPerMinuteLimit()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        AiLimits limits;
        limits.tokensPerMinute = 6; // less than one answer: the first leaves the minute in debt
        const QByteArray token = issue(*s, limits);
        QCOMPARE(status(*s, token), 200);
        const auto refused = send(*s, chatRequest(token));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        QCOMPARE(json(*refused).value(QStringLiteral("error")).toString(), QStringLiteral("rate_limited"));
        QVERIFY(json(*refused).value(QStringLiteral("error_description")).toString().contains(u"AI tokens a minute"));
        // The debt is paid back at 6 tokens a minute.
        const qint64 waitSeconds = refused->header("Retry-After").toLongLong();
        QCOMPARE(waitSeconds, (perAnswer() - 6) * 10 + 1);
        s->gateway.catalog.clock.advanceSecs(waitSeconds - 1);
        QCOMPARE(status(*s, token), 429);
        s->gateway.catalog.clock.advanceSecs(1);
        QCOMPARE(status(*s, token), 200);
        QCOMPARE(s->provider.requestCount(), 2);
    }

    void nativePassthroughIsBudgetedToo()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        const QByteArray token = issue(*s, dailyBudget(perAnswer()));
        const auto native = send(*s, chatRequest(token, "/ai/local/v1/chat/completions"));
        QVERIFY(native);
        QCOMPARE(native->status, 200);
        s->gateway.engine.flushLog();
        const auto refused = send(*s, chatRequest(token, "/ai/local/v1/chat/completions"));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        QCOMPARE(json(*refused).value(QStringLiteral("error")).toString(), QStringLiteral("budget_exceeded"));
        QCOMPARE(s->provider.requestCount(), 1);
    }

    void limitsChangedInTheCatalogApplyAtOnce()
    {
        auto s = setUp(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        QVERIFY(s);
        const QByteArray token = issue(*s, {});
        QCOMPARE(status(*s, token), 200);
        s->gateway.engine.flushLog();
        // The admin sets a budget below what was already spent today.
        QVERIFY(s->gateway.catalog.tokens.setLimits(s->gateway.tokenId(token), {QString(), dailyBudget(10)}));
        QVERIFY(s->gateway.engine.reload());
        QCOMPARE(status(*s, token), 429);
        // And lifts it.
        QVERIFY(s->gateway.catalog.tokens.setLimits(s->gateway.tokenId(token), {}));
        QVERIFY(s->gateway.engine.reload());
        QCOMPARE(status(*s, token), 200);
    }
};

QTEST_GUILESS_MAIN(TestGatewayAiBudgets)
#include "TestGatewayAiBudgets.moc"

// gatehouse-cli usage end to end: the real binary, a real catalog in a temporary data directory, and AI usage rows
// written into it as the gateway's request log writer would (days relative to today, UTC).

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/common/Clock.h"
#include "core/requestlog/RequestLogStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace gatehouse;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

} // namespace

class TestCliUsage : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    qint64 m_mobileToken = 0;
    qint64 m_webToken = 0;
    qint64 m_mobile = 0;

    Run cli(const QStringList& args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GATEHOUSE_DATA_DIR"));
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral(GATEHOUSE_CLI_PATH), QStringList {QStringLiteral("--data-dir"), m_dir->path()} + args);
        Run run;
        if (!process.waitForFinished(30'000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    Run ok(const QStringList& args)
    {
        Run run = cli(args);
        if (run.exitCode != 0)
            qWarning("%s -> %d: %s", qPrintable(args.join(u' ')), run.exitCode, run.err.constData());
        return run;
    }

    qint64 createToken(const QString& consumer)
    {
        const Run run = ok({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
            QStringLiteral("--consumer"), consumer, QStringLiteral("--scope"), QStringLiteral("api:billing:read"),
            QStringLiteral("--ttl"), QStringLiteral("30d")});
        return QJsonDocument::fromJson(run.out).object().value(QStringLiteral("id")).toInteger();
    }

    // Writes straight into the catalog file, as the gateway's log writer does.
    void exec(const QString& statement, std::initializer_list<QVariant> values = {})
    {
        Catalog catalog(Clock::system());
        QVERIFY(catalog.openInDirectory(m_dir->path()).ok());
        auto done = sql::exec(catalog.database(), statement, values);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }

    void addUsage(int daysAgo, qint64 token, qint64 model, qint64 requests, qint64 tokensIn, qint64 tokensOut)
    {
        const QString day = QDateTime::currentDateTimeUtc().date().addDays(-daysAgo).toString(Qt::ISODate);
        exec(QStringLiteral("INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, requests, "
                            "tokens_in, tokens_out) SELECT ?, t.id, t.consumer_id, m.provider_id, m.id, ?, ?, ? "
                            "FROM tokens t, ai_models m WHERE t.id = ? AND m.id = ?"),
            {day, requests, tokensIn, tokensOut, token, model});
    }

    static QStringList names(const QJsonArray& rows, const QString& field)
    {
        QStringList list;
        for (const QJsonValue& row : rows)
            list.append(row.toObject().value(field).toString());
        return list;
    }

    void expectUsageError(const QStringList& args, const QString& mentions)
    {
        const Run run = cli(QStringList {QStringLiteral("usage")} + args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ') + QStringLiteral(" -> %1").arg(run.exitCode)));
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("gatehouse-cli: "), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QCOMPARE(ok({QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("billing"),
                        QStringLiteral("--upstream"), QStringLiteral("https://billing.example.com")})
                     .exitCode,
            0);
        QCOMPARE(ok({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("mobile-app")}).exitCode, 0);
        QCOMPARE(ok({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("web-shop")}).exitCode, 0);
        m_mobileToken = createToken(QStringLiteral("mobile-app"));
        m_webToken = createToken(QStringLiteral("web-shop"));
        {
            Catalog catalog(Clock::system());
            QVERIFY(catalog.openInDirectory(m_dir->path()).ok());
            auto id
                = sql::exec(catalog.database(), QStringLiteral("SELECT id FROM consumers WHERE name = 'mobile-app'"));
            QVERIFY(id && id->next());
            m_mobile = id->value(0).toLongLong();
        }
        QVERIFY(m_mobile > 0 && m_mobileToken > 0 && m_webToken > 0);
        exec(QStringLiteral("INSERT INTO providers (id, name, type, base_url, created_at, updated_at) VALUES "
                            "(1, 'openai', 'openai', 'https://api.openai.com', 0, 0), "
                            "(2, 'claude', 'anthropic', 'https://api.anthropic.com', 0, 0)"));
        exec(QStringLiteral(
            "INSERT INTO ai_models (id, provider_id, name) VALUES (10, 1, 'gpt-4o'), (20, 2, 'claude-sonnet-4-5')"));
    }
    void cleanup() { m_dir.reset(); }

    // The default: by consumer, the last 30 UTC days with today, most tokens first.
    void byConsumerOverTheLast30DaysByDefault()
    {
        addUsage(0, m_mobileToken, 10, 2, 100, 50);
        addUsage(29, m_mobileToken, 20, 1, 1000, 1000);
        addUsage(30, m_mobileToken, 10, 50, 100'000, 0); // a day too old
        addUsage(1, m_webToken, 10, 4, 400, 100);
        const Run run = ok({QStringLiteral("usage"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = run.array();
        QCOMPARE(rows.size(), 2);
        const QJsonObject mobile = rows.at(0).toObject();
        QCOMPARE(mobile.value(QStringLiteral("consumer")).toString(), QStringLiteral("mobile-app"));
        QCOMPARE(mobile.value(QStringLiteral("consumer_id")).toInteger(), m_mobile);
        QCOMPARE(mobile.value(QStringLiteral("requests")).toInteger(), 3);
        QCOMPARE(mobile.value(QStringLiteral("tokens_in")).toInteger(), 1100);
        QCOMPARE(mobile.value(QStringLiteral("tokens_out")).toInteger(), 1050);
        QCOMPARE(mobile.value(QStringLiteral("total_tokens")).toInteger(), 2150);
        QCOMPARE(mobile.value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("consumer")).toString(), QStringLiteral("web-shop"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("total_tokens")).toInteger(), 500);

        // --json before the command means the same.
        QCOMPARE(ok({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("--by"),
                        QStringLiteral("consumer"), QStringLiteral("--days"), QStringLiteral("30")})
                     .array(),
            rows);
    }

    void daysLimitsThePeriodAndTodayCounts()
    {
        addUsage(0, m_webToken, 10, 1, 7, 3);
        addUsage(1, m_mobileToken, 10, 1, 1000, 1000);
        const QJsonArray today
            = ok({QStringLiteral("usage"), QStringLiteral("--days"), QStringLiteral("1"), QStringLiteral("--json")})
                  .array();
        QCOMPARE(names(today, QStringLiteral("consumer")), QStringList {QStringLiteral("web-shop")});
        QCOMPARE(today.first().toObject().value(QStringLiteral("total_tokens")).toInteger(), 10);
        const QJsonArray twoDays
            = ok({QStringLiteral("usage"), QStringLiteral("--days"), QStringLiteral("2"), QStringLiteral("--json")})
                  .array();
        QCOMPARE(names(twoDays, QStringLiteral("consumer")),
            (QStringList {QStringLiteral("mobile-app"), QStringLiteral("web-shop")}));
    }

    void byModelAndByToken()
    {
        addUsage(0, m_mobileToken, 10, 2, 100, 50);
        addUsage(0, m_webToken, 10, 1, 10, 5);
        addUsage(2, m_webToken, 20, 3, 3000, 300);
        const QJsonArray models
            = ok({QStringLiteral("usage"), QStringLiteral("--by"), QStringLiteral("model"), QStringLiteral("--json")})
                  .array();
        QCOMPARE(names(models, QStringLiteral("model")),
            (QStringList {QStringLiteral("claude/claude-sonnet-4-5"), QStringLiteral("openai/gpt-4o")}));
        const QJsonObject gpt = models.at(1).toObject();
        QCOMPARE(gpt.value(QStringLiteral("provider")).toString(), QStringLiteral("openai"));
        QCOMPARE(gpt.value(QStringLiteral("model_name")).toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(gpt.value(QStringLiteral("requests")).toInteger(), 3);
        QCOMPARE(gpt.value(QStringLiteral("tokens_in")).toInteger(), 110);
        QCOMPARE(gpt.value(QStringLiteral("tokens_out")).toInteger(), 55);

        const QJsonArray tokens
            = ok({QStringLiteral("usage"), QStringLiteral("--by"), QStringLiteral("token"), QStringLiteral("--json")})
                  .array();
        QCOMPARE(tokens.size(), 2);
        const QJsonObject web = tokens.at(0).toObject();
        QCOMPARE(web.value(QStringLiteral("token_id")).toInteger(), m_webToken);
        QCOMPARE(web.value(QStringLiteral("consumer")).toString(), QStringLiteral("web-shop"));
        QVERIFY(!web.value(QStringLiteral("token")).toString().isEmpty());
        QVERIFY(!web.value(QStringLiteral("token_hint")).toString().isEmpty());
        QCOMPARE(web.value(QStringLiteral("total_tokens")).toInteger(), 3315);

        const Run table = ok({QStringLiteral("usage"), QStringLiteral("--by"), QStringLiteral("model")});
        const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).contains(QStringLiteral("(UTC days, today included)")), qPrintable(lines.at(0)));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("MODEL")));
        QVERIFY(lines.at(1).contains(QStringLiteral("TOKENS IN")));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("claude/claude-sonnet-4-5")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("3300")));
    }

    // `logs --json` tells the tokens a provider reported from those the gateway estimated from the body sizes.
    void logsSayWhichUsageWasEstimated()
    {
        QList<RequestEvent> events;
        for (int i = 0; i < 3; ++i) {
            RequestEvent event;
            event.timeMs = QDateTime::currentMSecsSinceEpoch() + i;
            event.requestId = "req-" + QByteArray::number(i);
            event.method = "POST";
            event.path = "/ai/openai/v1/chat/completions";
            event.tokenId = m_mobileToken;
            event.status = 200;
            if (i > 0) {
                event.providerId = 1;
                event.model = QStringLiteral("gpt-4o");
                event.tokensIn = 1500;
                event.tokensOut = 4000;
                event.usageEstimated = i == 2;
            }
            events.append(event);
        }
        {
            Catalog catalog(Clock::system());
            QVERIFY(catalog.openInDirectory(m_dir->path()).ok());
            RequestLogStore store(catalog.database());
            const auto appended = store.append(events);
            QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));
        }
        const Run run = ok({QStringLiteral("--json"), QStringLiteral("logs")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject plain = QJsonDocument::fromJson(lines.at(0)).object();
        const QJsonObject reported = QJsonDocument::fromJson(lines.at(1)).object();
        const QJsonObject estimated = QJsonDocument::fromJson(lines.at(2)).object();
        QCOMPARE(plain.value(QStringLiteral("request_id")).toString(), QStringLiteral("req-0"));
        QVERIFY(plain.value(QStringLiteral("usage_estimated")).isNull()); // not an AI call, like tokens_in
        QCOMPARE(reported.value(QStringLiteral("usage_estimated")), QJsonValue(false));
        QCOMPARE(estimated.value(QStringLiteral("usage_estimated")), QJsonValue(true));
        QCOMPARE(estimated.value(QStringLiteral("tokens_in")).toInteger(), 1500);
        QCOMPARE(estimated.value(QStringLiteral("tokens_out")).toInteger(), 4000);
    }

    // The usage outlives the consumer and its tokens: the id stays, the name is gone.
    void removedConsumersKeepTheirUsage()
    {
        addUsage(0, m_mobileToken, 10, 1, 40, 2);
        QCOMPARE(ok({QStringLiteral("consumer"), QStringLiteral("remove"), QStringLiteral("mobile-app"),
                        QStringLiteral("--revoke-tokens")})
                     .exitCode,
            0);
        const QJsonArray rows = ok({QStringLiteral("usage"), QStringLiteral("--json")}).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QVERIFY(row.value(QStringLiteral("consumer")).isNull());
        QCOMPARE(row.value(QStringLiteral("consumer_id")).toInteger(), m_mobile);
        QCOMPARE(row.value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(row.value(QStringLiteral("total_tokens")).toInteger(), 42);
        const Run table = ok({QStringLiteral("usage")});
        QVERIFY2(table.out.contains(QStringLiteral("#%1 (deleted)").arg(m_mobile).toUtf8()), table.out.constData());
        const Run tokens = ok({QStringLiteral("usage"), QStringLiteral("--by"), QStringLiteral("token")});
        QVERIFY2(
            tokens.out.contains(QStringLiteral("#%1 (deleted)").arg(m_mobileToken).toUtf8()), tokens.out.constData());
    }

    void nothingUsedIsAnEmptyArray()
    {
        for (const char* by : {"consumer", "model", "token"}) {
            const Run run = ok(
                {QStringLiteral("usage"), QStringLiteral("--by"), QString::fromLatin1(by), QStringLiteral("--json")});
            QCOMPARE(run.exitCode, 0);
            QVERIFY(QJsonDocument::fromJson(run.out).isArray());
            QVERIFY(run.array().isEmpty());
        }
        const Run table = ok({QStringLiteral("usage")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("no AI requests in this period"));
    }

    void badInputExitsTwoWithOneLine()
    {
        expectUsageError({QStringLiteral("--by"), QStringLiteral("api")}, QStringLiteral("--by must be"));
        expectUsageError({QStringLiteral("--days"), QStringLiteral("0")}, QStringLiteral("--days must be"));
        expectUsageError({QStringLiteral("--days"), QStringLiteral("a week")}, QStringLiteral("--days must be"));
        expectUsageError({QStringLiteral("--days"), QStringLiteral("100000")}, QStringLiteral("--days must be"));
        expectUsageError({QStringLiteral("--days")}, QStringLiteral("usage"));
        expectUsageError({QStringLiteral("consumers")}, QStringLiteral("unexpected argument"));
        expectUsageError({QStringLiteral("--colour")}, QStringLiteral("colour"));
    }

    void theHelpNamesTheCommand()
    {
        const Run help = ok({QStringLiteral("--help")});
        QVERIFY(help.out.contains("usage [--by consumer|model|token] [--days N]"));
        const Run own = ok({QStringLiteral("usage"), QStringLiteral("--help")});
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.contains("--by"));
        QVERIFY(own.out.contains("--days"));
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "TestCliUsage.moc"

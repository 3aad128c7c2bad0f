// gatehouse-cli end to end: the real binary, a real catalog in a temporary data directory.

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/common/Clock.h"
#include "core/tokens/TokenFormat.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcess* start(const QStringList& args, QObject* parent)
    {
        auto* process = new QProcess(parent);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GATEHOUSE_DATA_DIR"));
        process->setProcessEnvironment(env);
        process->start(
            QStringLiteral(GATEHOUSE_CLI_PATH), QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args);
        return process;
    }

    Run cli(const QStringList& args)
    {
        QObject owner;
        QProcess* process = start(args, &owner);
        Run run;
        if (!process->waitForFinished(30'000))
            return run;
        run.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        run.out = process->readAllStandardOutput();
        run.err = process->readAllStandardError();
        return run;
    }

    // Bad input: exit 2, one line on stderr naming the problem, nothing on stdout, nothing written.
    void expectUsageError(const QStringList& args, const QString& mentions)
    {
        const QByteArray before = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out;
        const Run run = cli(args);
        QVERIFY2(run.exitCode == 2,
            qPrintable(args.join(u' ') + QStringLiteral(" -> %1: ").arg(run.exitCode) + QString::fromUtf8(run.err)));
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("gatehouse-cli: "), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}).out, before);
    }

    QJsonObject createToken(const QStringList& extra = {})
    {
        const Run run = cli(QStringList {QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
                                QStringLiteral("--consumer"), QStringLiteral("mobile-app"), QStringLiteral("--scope"),
                                QStringLiteral("api:billing:read"), QStringLiteral("--ttl"), QStringLiteral("30d")}
            + extra);
        if (run.exitCode != 0)
            qWarning("token create failed: %s", run.err.constData());
        return run.json().object();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void versionAndHelp()
    {
        Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("gatehouse-cli "));
        Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("token create --consumer NAME --scope SCOPE"));
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--help")}).exitCode, 0);
    }

    void tokenLifecycleEndToEnd()
    {
        QCOMPARE(cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("mobile-app"),
                         QStringLiteral("--description"), QStringLiteral("Phone apps")})
                     .exitCode,
            0);
        Run api = cli({QStringLiteral("--json"), QStringLiteral("api"), QStringLiteral("add"),
            QStringLiteral("billing"), QStringLiteral("--upstream"), QStringLiteral("https://billing.example.com/v2"),
            QStringLiteral("--strip-prefix"), QStringLiteral("--timeout"), QStringLiteral("10s")});
        QCOMPARE(api.exitCode, 0);
        QCOMPARE(api.json().object().value(QStringLiteral("prefix")).toString(), QStringLiteral("/billing"));
        QCOMPARE(api.json().object().value(QStringLiteral("timeout_ms")).toInt(), 10'000);

        const QJsonObject created = createToken({QStringLiteral("--name"), QStringLiteral("phone")});
        const QString plaintext = created.value(QStringLiteral("token")).toString();
        QCOMPARE(tokens::TokenFormat::check(plaintext.toLatin1()), tokens::TokenFormat::Defect::None);
        QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QCOMPARE(created.value(QStringLiteral("name")).toString(), QStringLiteral("phone"));
        const int id = created.value(QStringLiteral("id")).toInt();
        QVERIFY(id > 0);

        Run list = cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray tokens = list.json().array();
        QCOMPARE(tokens.size(), 1);
        const QJsonObject listed = tokens.first().toObject();
        QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QCOMPARE(listed.value(QStringLiteral("consumer")).toString(), QStringLiteral("mobile-app"));
        QVERIFY(!listed.contains(QStringLiteral("token")));
        // ISO 8601 in UTC
        const QString expires = listed.value(QStringLiteral("expires")).toString();
        QVERIFY2(expires.endsWith(u'Z'), qPrintable(expires));
        const QDateTime expiry = QDateTime::fromString(expires, Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().addDays(30).secsTo(expiry)) < 120);

        Run revoke = cli({QStringLiteral("token"), QStringLiteral("revoke"), QString::number(id),
            QStringLiteral("--reason"), QStringLiteral("lost laptop")});
        QCOMPARE(revoke.exitCode, 0);
        Run shown
            = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("show"), QString::number(id)});
        QCOMPARE(shown.json().object().value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
        QCOMPARE(
            shown.json().object().value(QStringLiteral("revoke_reason")).toString(), QStringLiteral("lost laptop"));
        QCOMPARE(
            cli({QStringLiteral("token"), QStringLiteral("revoke"), QString::number(id)}).exitCode, 0); // idempotent

        Run revoked = cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--state"),
            QStringLiteral("revoked"), QStringLiteral("--json")});
        QCOMPARE(revoked.json().array().size(), 1);
        Run active = cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--state"),
            QStringLiteral("active"), QStringLiteral("--json")});
        QCOMPARE(active.json().array().size(), 0);

        Run audit = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(audit.exitCode, 0);
        QStringList actions;
        for (const QJsonValue& event : audit.json().array())
            actions.prepend(event.toObject().value(QStringLiteral("action")).toString());
        QCOMPARE(actions,
            (QStringList {QStringLiteral("consumer.add"), QStringLiteral("api.add"), QStringLiteral("token.create"),
                QStringLiteral("token.revoke")}));
        Run limited = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"),
            QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(limited.json().array().size(), 1);

        // No plaintext token anywhere in the data directory.
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(plaintext.mid(4, 24).toLatin1()), qPrintable(file.fileName()));
        }
    }

    void humanOutputPutsOnlyThePlaintextOnStdout()
    {
        QCOMPARE(cli({QStringLiteral("demo")}).exitCode, 0);
        Run run = cli({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
            QStringLiteral("mobile-app"), QStringLiteral("--scope"), QStringLiteral("api:search"),
            QStringLiteral("--ttl"), QStringLiteral("1h")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(tokens::TokenFormat::check(run.out.trimmed()), tokens::TokenFormat::Defect::None);
        QVERIFY(run.err.contains("shown only this once"));
    }

    void rotateWithGrace()
    {
        QCOMPARE(cli({QStringLiteral("demo")}).exitCode, 0);
        const int id = createToken().value(QStringLiteral("id")).toInt();
        Run rotated = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("rotate"),
            QString::number(id), QStringLiteral("--grace"), QStringLiteral("1h")});
        QCOMPARE(rotated.exitCode, 0);
        const QJsonObject replacement = rotated.json().object();
        QCOMPARE(replacement.value(QStringLiteral("rotated_from")).toInt(), id);
        QCOMPARE(tokens::TokenFormat::check(replacement.value(QStringLiteral("token")).toString().toLatin1()),
            tokens::TokenFormat::Defect::None);
        Run old = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("show"), QString::number(id)});
        QCOMPARE(old.json().object().value(QStringLiteral("state")).toString(),
            QStringLiteral("active")); // in its grace period
        QVERIFY(!old.json().object().value(QStringLiteral("grace_ends")).isNull());
        // A second rotation of the same token is a conflict: exit 2.
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("rotate"), QString::number(id)}).exitCode, 2);
    }

    void badInputExitsTwoWithOneLineAndWritesNothing()
    {
        QCOMPARE(cli({QStringLiteral("demo")}).exitCode, 0);
        expectUsageError({QStringLiteral("frobnicate")}, QStringLiteral("unknown command"));
        expectUsageError({}, QStringLiteral("command is required"));
        expectUsageError(
            {QStringLiteral("--bogus"), QStringLiteral("api"), QStringLiteral("list")}, QStringLiteral("--bogus"));
        expectUsageError(
            {QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("x")}, QStringLiteral("--upstream"));
        expectUsageError({QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("Bad_Name"),
                             QStringLiteral("--upstream"), QStringLiteral("https://x.example")},
            QStringLiteral("name:"));
        expectUsageError({QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("ok"),
                             QStringLiteral("--upstream"), QStringLiteral("ftp://x.example")},
            QStringLiteral("upstream:"));
        expectUsageError({QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("billing"),
                             QStringLiteral("--upstream"), QStringLiteral("https://x.example")},
            QStringLiteral("already exists"));
        expectUsageError(
            {QStringLiteral("api"), QStringLiteral("add"), QStringLiteral("ok"), QStringLiteral("--upstream"),
                QStringLiteral("https://x.example"), QStringLiteral("--timeout"), QStringLiteral("soon")},
            QStringLiteral("timeout"));
        expectUsageError({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
                             QStringLiteral("mobile-app"), QStringLiteral("--scope"), QStringLiteral("api:billing")},
            QStringLiteral("--ttl"));
        expectUsageError({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
                             QStringLiteral("mobile-app"), QStringLiteral("--scope"), QStringLiteral("api:billing"),
                             QStringLiteral("--ttl"), QStringLiteral("7x")},
            QStringLiteral("ttl"));
        expectUsageError({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
                             QStringLiteral("mobile-app"), QStringLiteral("--scope"), QStringLiteral("api:nowhere"),
                             QStringLiteral("--ttl"), QStringLiteral("1h")},
            QStringLiteral("scope"));
        expectUsageError({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
                             QStringLiteral("ghost"), QStringLiteral("--scope"), QStringLiteral("api:billing"),
                             QStringLiteral("--ttl"), QStringLiteral("1h")},
            QStringLiteral("ghost"));
        expectUsageError(
            {QStringLiteral("token"), QStringLiteral("show"), QStringLiteral("abc")}, QStringLiteral("token id"));
        expectUsageError(
            {QStringLiteral("token"), QStringLiteral("show"), QStringLiteral("99999")}, QStringLiteral("99999"));
        expectUsageError(
            {QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("sleepy")},
            QStringLiteral("--state"));
        expectUsageError({QStringLiteral("token"), QStringLiteral("revoke")}, QStringLiteral("missing argument"));
        expectUsageError({QStringLiteral("consumer"), QStringLiteral("remove"), QStringLiteral("mobile-app")},
            QStringLiteral("--revoke-tokens"));
        expectUsageError(
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("-3")},
            QStringLiteral("--limit"));
        expectUsageError({QStringLiteral("demo")}, QStringLiteral("not empty"));
    }

    void demoIfEmptyIsIdempotent()
    {
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--if-empty")}).exitCode, 0);
        const QByteArray first = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list")}).out;
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--if-empty")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list")}).out, first);
        const QJsonArray tokens = QJsonDocument::fromJson(first).array();
        QSet<QString> states;
        for (const QJsonValue& token : tokens)
            states.insert(token.toObject().value(QStringLiteral("state")).toString());
        QCOMPARE(
            states, (QSet<QString> {QStringLiteral("active"), QStringLiteral("expiring"), QStringLiteral("revoked")}));

        // A local Ollama provider that needs no key, an alias for it, and a token that may use it.
        const QJsonArray providers
            = cli({QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("list")}).json().array();
        QCOMPARE(providers.size(), 1);
        QCOMPARE(providers.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ollama"));
        QCOMPARE(providers.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("ollama"));
        const QJsonArray aliases
            = cli({QStringLiteral("--json"), QStringLiteral("alias"), QStringLiteral("list")}).json().array();
        QCOMPARE(aliases.size(), 1);
        QCOMPARE(aliases.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("fast"));
        bool aiToken = false;
        for (const QJsonValue& token : tokens) {
            const QJsonArray scopes = token.toObject().value(QStringLiteral("scopes")).toArray();
            aiToken = aiToken || scopes.contains(QStringLiteral("ai:ollama/*"));
        }
        QVERIFY(aiToken);
    }

    void runtimeFailureExitsOne()
    {
        {
            Catalog catalog(Clock::system());
            QVERIFY(catalog.openInDirectory(m_dir.path()).ok());
            QVERIFY(sql::exec(catalog.database(), QStringLiteral("UPDATE schema_version SET version = 999")));
        }
        Run run = cli({QStringLiteral("api"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("newer"));
        QCOMPARE(run.err.count('\n'), 1);
    }

    void budgetsAndAiLimits()
    {
        const auto args = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* arg : list)
                out << QString::fromLatin1(arg);
            return out;
        };
        QCOMPARE(cli(args({"api", "add", "billing", "--upstream", "http://127.0.0.1:9"})).exitCode, 0);
        Run consumer = cli(args({"--json", "consumer", "add", "mobile-app", "--budget-daily", "250k"}));
        QCOMPARE(consumer.exitCode, 0);
        QCOMPARE(consumer.json()[QLatin1StringView("budget_daily_tokens")].toInteger(), 250'000);
        QVERIFY(consumer.json()[QLatin1StringView("budget_monthly_tokens")].isNull());
        consumer = cli(args({"--json", "consumer", "update", "mobile-app", "--budget-monthly", "5M"}));
        QCOMPARE(consumer.json()[QLatin1StringView("budget_daily_tokens")].toInteger(), 250'000); // kept
        QCOMPARE(consumer.json()[QLatin1StringView("budget_monthly_tokens")].toInteger(), 5'000'000);

        const QJsonObject token = createToken(
            args({"--budget-daily", "100k", "--budget-monthly", "1.5M", "--ai-rpm", "60", "--ai-tpm", "20k"}));
        QCOMPARE(token[QLatin1StringView("budget_daily_tokens")].toInteger(), 100'000);
        QCOMPARE(token[QLatin1StringView("budget_monthly_tokens")].toInteger(), 1'500'000);
        QCOMPARE(token[QLatin1StringView("ai_requests_per_minute")].toInteger(), 60);
        QCOMPARE(token[QLatin1StringView("ai_tokens_per_minute")].toInteger(), 20'000);
        const QString id = QString::number(token[QLatin1StringView("id")].toInteger());

        // `token limits` changes only what it is given; `none` lifts a limit.
        Run limits = cli(QStringList {QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("limits"), id,
            QStringLiteral("--ai-rpm"), QStringLiteral("none"), QStringLiteral("--rate-limit"), QStringLiteral("5/s")});
        QCOMPARE(limits.exitCode, 0);
        QVERIFY(limits.json()[QLatin1StringView("ai_requests_per_minute")].isNull());
        QCOMPARE(limits.json()[QLatin1StringView("ai_tokens_per_minute")].toInteger(), 20'000);
        QCOMPARE(limits.json()[QLatin1StringView("budget_daily_tokens")].toInteger(), 100'000);
        QCOMPARE(limits.json()[QLatin1StringView("rate_limit")].toString(), QStringLiteral("5/s"));
        const Run shown = cli({QStringLiteral("token"), QStringLiteral("show"), id});
        QVERIFY2(shown.out.contains("AI budget:     100k/day, 1500k/month"), shown.out.constData());
        QVERIFY2(shown.out.contains("AI limits:     20k tokens/min"), shown.out.constData());
        QVERIFY2(shown.out.contains("AI usage:      0 tokens today, 0 this month"), shown.out.constData());

        expectUsageError({QStringLiteral("token"), QStringLiteral("limits"), id, QStringLiteral("--budget-daily"),
                             QStringLiteral("lots")},
            QStringLiteral("budget-daily"));
        expectUsageError(
            {QStringLiteral("token"), QStringLiteral("limits"), id, QStringLiteral("--ai-tpm"), QStringLiteral("5G")},
            QStringLiteral("ai-tpm"));
        expectUsageError({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("other"),
                             QStringLiteral("--budget-monthly"), QStringLiteral("-3")},
            QStringLiteral("budget-monthly"));
        expectUsageError(
            {QStringLiteral("token"), QStringLiteral("limits"), QStringLiteral("x")}, QStringLiteral("ID"));
    }

    void dataDirectoryFromEnvironment()
    {
        QTemporaryDir other;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_DATA_DIR"), other.path() + QStringLiteral("/nested"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("envy")});
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(other.path() + QStringLiteral("/nested/") + Catalog::fileName()));
        QCOMPARE(QFile::permissions(other.path() + QStringLiteral("/nested")) & QFileDevice::ReadOther,
            QFileDevice::Permissions());
    }

    // Two processes writing the same catalog lose nothing: ten CLIs at once, each adding a consumer
    // and each creating a token for a shared one.
    void concurrentWritersLoseNothing()
    {
        QCOMPARE(cli({QStringLiteral("demo")}).exitCode, 0);
        QObject owner;
        QList<QProcess*> processes;
        constexpr int kWriters = 10;
        for (int i = 0; i < kWriters; ++i) {
            processes.append(
                start({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("writer-%1").arg(i)}, &owner));
            processes.append(
                start({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--consumer"),
                          QStringLiteral("data-team"), QStringLiteral("--scope"), QStringLiteral("api:inventory:read"),
                          QStringLiteral("--ttl"), QStringLiteral("1d"), QStringLiteral("--name"),
                          QStringLiteral("parallel-%1").arg(i)},
                    &owner));
        }
        for (QProcess* process : processes) {
            QVERIFY(process->waitForFinished(60'000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        const QJsonArray consumers
            = cli({QStringLiteral("--json"), QStringLiteral("consumer"), QStringLiteral("list")}).json().array();
        int writers = 0;
        for (const QJsonValue& consumer : consumers)
            writers
                += consumer.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("writer-"));
        QCOMPARE(writers, kWriters);
        const QJsonArray tokens = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list"),
                                          QStringLiteral("--consumer"), QStringLiteral("data-team")})
                                      .json()
                                      .array();
        int parallel = 0;
        for (const QJsonValue& token : tokens)
            parallel
                += token.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("parallel-"));
        QCOMPARE(parallel, kWriters);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"

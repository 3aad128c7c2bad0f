// `gatehouse-cli demo --traffic` end to end: real processes (a headless gateway and the traffic command) over
// one catalog file, with the command's own demo inventory service as the upstream.

#include "tests/support/upstreams/LoopbackPort.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestDemoTraffic : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run cli(const QStringList& args, int timeoutMs = 60'000)
    {
        QProcess process;
        process.start(
            QStringLiteral(GATEHOUSE_CLI_PATH), QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args);
        Run run;
        if (!process.waitForFinished(timeoutMs))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QList<QJsonObject> logRows()
    {
        QList<QJsonObject> rows;
        const Run run = cli(
            {QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("--limit"), QStringLiteral("100000")});
        for (const QByteArray& line : run.out.split('\n')) {
            if (!line.trimmed().isEmpty())
                rows.append(QJsonDocument::fromJson(line).object());
        }
        return rows;
    }

    QList<QJsonObject> trafficTokens()
    {
        QList<QJsonObject> tokens;
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("list")});
        const QJsonArray all = QJsonDocument::fromJson(run.out).array();
        for (const QJsonValue& token : all) {
            if (token.toObject().value(QStringLiteral("name")).toString() == QLatin1StringView("demo-traffic"))
                tokens.append(token.toObject());
        }
        return tokens;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(cli({QStringLiteral("demo")}).exitCode, 0);
        // The demo's inventory API points at 127.0.0.1:9001; a test takes a port nobody else uses.
        const QString upstream = QStringLiteral("http://127.0.0.1:%1").arg(gatehouse::test::unusedLoopbackPort());
        QCOMPARE(cli({QStringLiteral("api"), QStringLiteral("update"), QStringLiteral("inventory"),
                         QStringLiteral("--upstream"), upstream})
                     .exitCode,
            0);
    }

    void badOptionsExitTwoAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("rate without traffic")
            << QStringList {QStringLiteral("--rate"), QStringLiteral("5")} << QStringLiteral("--rate needs --traffic");
        QTest::newRow("zero rate") << QStringList {QStringLiteral("--traffic"), QStringLiteral("--rate"),
            QStringLiteral("0")} << QStringLiteral("--rate");
        QTest::newRow("not http") << QStringList {QStringLiteral("--traffic"), QStringLiteral("--gateway"),
            QStringLiteral("ftp://127.0.0.1")}
                                  << QStringLiteral("--gateway");
        QTest::newRow("bad duration") << QStringList {QStringLiteral("--traffic"), QStringLiteral("--duration"),
            QStringLiteral("soon")} << QStringLiteral("soon");
    }
    void badOptionsExitTwoAndChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const qsizetype tokensBefore = trafficTokens().size();
        const Run run = cli(QStringList {QStringLiteral("demo")} + args);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QCOMPARE(trafficTokens().size(), tokensBefore);
    }

    void withoutAGatewayItSaysSoAndRevokesItsTokens()
    {
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--traffic"), QStringLiteral("--gateway"),
            QStringLiteral("http://127.0.0.1:%1").arg(gatehouse::test::unusedLoopbackPort()),
            QStringLiteral("--duration"), QStringLiteral("1s")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no gateway answers"), run.err.constData());
        const QList<QJsonObject> tokens = trafficTokens();
        QCOMPARE(tokens.size(), 3);
        for (const QJsonObject& token : tokens)
            QCOMPARE(token.value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
    }

    void trafficFlowsThroughTheGatewayIntoTheLog()
    {
        QProcess serve;
        serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--json"), QStringLiteral("serve"),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-admin"),
                QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY(serve.waitForReadyRead(15'000));
        const QString listen
            = QJsonDocument::fromJson(serve.readLine()).object().value(QStringLiteral("listen")).toString();
        QVERIFY2(!listen.isEmpty(), qPrintable(listen));
        const qsizetype rowsBefore = logRows().size();

        const Run run = cli({QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("--traffic"),
            QStringLiteral("--gateway"), QStringLiteral("http://") + listen, QStringLiteral("--rate"),
            QStringLiteral("100"), QStringLiteral("--duration"), QStringLiteral("2s")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        const qint64 sent = summary.value(QStringLiteral("sent")).toInteger();
        QVERIFY2(sent >= 100, run.out.constData()); // a cycle of the mix, whatever the machine's speed
        QCOMPARE(summary.value(QStringLiteral("answered")).toInteger(), sent);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInteger(), 0);
        QVERIFY(summary.value(QStringLiteral("upstream_served")).toBool());
        const QJsonObject statuses = summary.value(QStringLiteral("statuses")).toObject();
        for (const char* status : {"200", "201", "401", "403", "404"})
            QVERIFY2(statuses.value(QLatin1StringView(status)).toInteger() > 0, run.out.constData());

        // Every answered request is in the request log, with the gateway's own refusals among them.
        QList<QJsonObject> rows;
        QTRY_VERIFY_WITH_TIMEOUT((rows = logRows()).size() - rowsBefore >= sent, 5000);
        QSet<int> logged;
        QSet<QString> consumers;
        for (const QJsonObject& row : rows) {
            logged.insert(row.value(QStringLiteral("status")).toInt());
            consumers.insert(row.value(QStringLiteral("consumer")).toString());
        }
        for (int status : {200, 201, 401, 403, 404})
            QVERIFY2(logged.contains(status), qPrintable(QString::number(status)));
        for (const char* consumer : {"data-team", "ci-pipeline", "partner-acme"})
            QVERIFY2(consumers.contains(QLatin1StringView(consumer)), consumer);

        // Its tokens do not outlive the run.
        for (const QJsonObject& token : trafficTokens())
            QCOMPARE(token.value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
        serve.terminate();
        QVERIFY(serve.waitForFinished(15'000));
    }
};

QTEST_GUILESS_MAIN(TestDemoTraffic)
#include "TestDemoTraffic.moc"

// `gatehouse-cli serve` as a separate process over a shared catalog file: it reloads when another
// process changes the catalog, and on SIGTERM finishes what is in flight, flushes its log, exits 0.

#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "core/requestlog/RequestLogReader.h"
#include "core/requestlog/RequestLogStore.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"
#include "tests/support/upstreams/TestCertificateAuthority.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>
#include <limits>

using gatehouse::test::LoopbackUpstream;
using gatehouse::test::RawHttpClient;
using gatehouse::test::TestCertificateAuthority;

class TestServeCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray cli(const QStringList& args, int* exitCode = nullptr)
    {
        QProcess process;
        process.start(
            QStringLiteral(GATEHOUSE_CLI_PATH), QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args);
        process.waitForFinished(30'000);
        if (exitCode)
            *exitCode = process.exitCode();
        return process.readAllStandardOutput();
    }

    bool addApi(const QString& name, const QUrl& upstream)
    {
        int code = -1;
        cli({QStringLiteral("api"), QStringLiteral("add"), name, QStringLiteral("--upstream"), upstream.toString()},
            &code);
        return code == 0;
    }

    // Starts `logs --json --follow --limit 1` and lets it print the backlog (read and dropped) and start polling.
    bool startFollowing(QProcess& follow)
    {
        follow.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--json"), QStringLiteral("logs"),
                QStringLiteral("--follow"), QStringLiteral("--limit"), QStringLiteral("1")});
        if (!follow.waitForStarted())
            return false;
        QTest::qWait(300);
        follow.readAllStandardOutput();
        return true;
    }

    // Starts `serve` and returns its port, read from the one line it prints.
    quint16 startServe(QProcess& serve, const QStringList& extra = {})
    {
        serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            QStringList {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--json"), QStringLiteral("serve"),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"), QStringLiteral("2")}
                + extra);
        if (!serve.waitForReadyRead(15'000))
            return 0;
        const QJsonObject line = QJsonDocument::fromJson(serve.readLine()).object();
        const QString listen = line.value(QStringLiteral("listen")).toString();
        return quint16(listen.mid(listen.lastIndexOf(u':') + 1).toUInt());
    }

private Q_SLOTS:
    void revocationInAnotherProcessAndGracefulShutdown()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        QVERIFY(upstream.start());
        int code = -1;
        cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("app")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(addApi(QStringLiteral("echo"), upstream.url()));
        const QJsonObject created = QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
                QStringLiteral("--consumer"), QStringLiteral("app"), QStringLiteral("--scope"),
                QStringLiteral("api:echo"), QStringLiteral("--ttl"), QStringLiteral("1h")}))
                                        .object();
        const QByteArray token = created.value(QStringLiteral("token")).toString().toLatin1();
        const QString id = QString::number(created.value(QStringLiteral("id")).toInt());
        QVERIFY(!token.isEmpty());

        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY2(port != 0, serve.readAllStandardError().constData());
        const QList<std::pair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer " + token}};
        QCOMPARE(RawHttpClient::request(port, "GET", "/echo/1", auth).status, 200);

        // Revoke from a second process; the server sees the new revision within 250 ms.
        cli({QStringLiteral("token"), QStringLiteral("revoke"), id}, &code);
        QCOMPARE(code, 0);
        QElapsedTimer sinceRevoke;
        sinceRevoke.start();
        int status = 200;
        while (status == 200 && sinceRevoke.elapsed() < 2'000)
            status = RawHttpClient::request(port, "GET", "/echo/2", auth).status;
        QCOMPARE(status, 401);
        QVERIFY2(sinceRevoke.elapsed() < 400, qPrintable(QString::number(sinceRevoke.elapsed())));

        // SIGTERM: exit 0, and every request is in the log.
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        const QByteArray logs = cli(
            {QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("--limit"), QStringLiteral("1000")});
        const QList<QByteArray> lines = logs.trimmed().split('\n');
        int ok = 0;
        int refused = 0;
        for (const QByteArray& line : lines) {
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            QVERIFY(!line.contains(token.mid(4)));
            ok += row.value(QStringLiteral("status")).toInt() == 200;
            refused += row.value(QStringLiteral("status")).toInt() == 401;
        }
        QVERIFY(ok >= 1);
        QCOMPARE(refused, 1);
    }

    void inFlightRequestFinishesOnShutdown()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Slow);
        upstream.setDelayMs(700);
        QVERIFY(upstream.start());
        int code = -1;
        cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("slowpoke")}, &code);
        QVERIFY(addApi(QStringLiteral("slow"), upstream.url()));
        const QByteArray token = QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
                QStringLiteral("--consumer"), QStringLiteral("slowpoke"), QStringLiteral("--scope"),
                QStringLiteral("api:slow"), QStringLiteral("--ttl"), QStringLiteral("1h")}))
                                     .object()
                                     .value(QStringLiteral("token"))
                                     .toString()
                                     .toLatin1();
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY(port != 0);
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        QVERIFY(client.send("GET /slow/x HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        QVERIFY(upstream.waitForRequests(1));
        ::kill(pid_t(serve.processId()), SIGTERM);
        auto response = client.readResponse(5'000);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 0);
        const QByteArray logs = cli({QStringLiteral("--json"), QStringLiteral("logs")});
        QVERIFY(logs.contains("\"status\":200"));
    }

    void revocationInAnotherProcessCutsAnOpenStream()
    {
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
        upstream.setSseEvents(1);
        upstream.setSseHoldOpen(true);
        QVERIFY(upstream.start());
        int code = -1;
        cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("streamer")}, &code);
        QVERIFY(addApi(QStringLiteral("events"), upstream.url()));
        const QJsonObject created = QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
                QStringLiteral("--consumer"), QStringLiteral("streamer"), QStringLiteral("--scope"),
                QStringLiteral("api:events"), QStringLiteral("--ttl"), QStringLiteral("1h")}))
                                        .object();
        const QByteArray token = created.value(QStringLiteral("token")).toString().toLatin1();
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY(port != 0);
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        QVERIFY(client.send("GET /events/live HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        QVERIFY(client.readHead());
        QVERIFY(!client.readChunkData(3'000).isEmpty());
        cli({QStringLiteral("token"), QStringLiteral("revoke"),
                QString::number(created.value(QStringLiteral("id")).toInt())},
            &code);
        QCOMPARE(code, 0);
        QElapsedTimer sinceRevoke;
        sinceRevoke.start();
        QVERIFY(client.waitForDisconnected(2'000));
        QVERIFY2(sinceRevoke.elapsed() < 500, qPrintable(QString::number(sinceRevoke.elapsed())));
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 0);
    }

    void logsFollowPrintsNewRequests()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        QVERIFY(addApi(QStringLiteral("followed"), upstream.url()));
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY(port != 0);
        QProcess follow;
        QVERIFY(startFollowing(follow));
        QCOMPARE(RawHttpClient::request(port, "GET", "/followed/new?key=value").status, 401);
        QByteArray line;
        QTRY_VERIFY_WITH_TIMEOUT((line += follow.readAllStandardOutput()).contains("/followed/new?key="), 5'000);
        const QJsonObject row = QJsonDocument::fromJson(line.trimmed().split('\n').last()).object();
        QCOMPARE(row.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(row.value(QStringLiteral("api")).toString(), QStringLiteral("followed"));
        QVERIFY(!line.contains("value"));
        follow.kill();
        follow.waitForFinished();
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15'000));
    }

    void logsFollowGoesOnWhenRetentionEmptiedTheLog()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        QVERIFY(addApi(QStringLiteral("kept"), upstream.url()));
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY(port != 0);
        gatehouse::Catalog catalog(gatehouse::Clock::system());
        QVERIFY(catalog.openInDirectory(m_dir.path()).ok());
        gatehouse::RequestLogStore store(catalog.database());
        const gatehouse::RequestLogReader reader(catalog.database());
        const auto newestId = [&reader] {
            auto id = reader.newestId();
            return id ? *id : qint64(-1);
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(RawHttpClient::request(port, "GET", "/kept/before").status, 401);
        QTRY_VERIFY_WITH_TIMEOUT(newestId() >= 3, 5'000);

        QProcess follow;
        QVERIFY(startFollowing(follow));
        // Retention empties the whole log (as after 30 days without a request): SQLite numbers the next row 1.
        QVERIFY(store.purgeOlderThan(std::numeric_limits<qint64>::max()).ok());
        QCOMPARE(newestId(), qint64(0));
        QTest::qWait(300); // the follower polls the empty log
        QCOMPARE(RawHttpClient::request(port, "GET", "/kept/after-retention").status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(newestId(), qint64(1), 5'000);
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += follow.readAllStandardOutput()).contains("/kept/after-retention"), 5'000);
        follow.kill();
        follow.waitForFinished();
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15'000));
    }

    void badListenAddressExitsTwo()
    {
        int code = -1;
        QProcess serve;
        serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                QStringLiteral("nonsense")});
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 2);
        serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                QStringLiteral("0.0.0.0:0")});
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 2);
        QVERIFY(serve.readAllStandardError().contains("loopback"));
        Q_UNUSED(code);
    }

    void limitOptionsAreCheckedAndQuiet()
    {
        QProcess serve;
        serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-admin"), QStringLiteral("--max-connections"),
                QStringLiteral("0")});
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 2);
        QCOMPARE(serve.readAllStandardError(),
            QByteArray("gatehouse-cli: serve: --max-connections must be a number from 1 to 1000000\n"));
        QProcess ok;
        const quint16 port = startServe(ok,
            {QStringLiteral("--max-connections"), QStringLiteral("50"), QStringLiteral("--log-retention"),
                QStringLiteral("7d")});
        QVERIFY2(port != 0, ok.readAllStandardError().constData());
        ::kill(pid_t(ok.processId()), SIGTERM);
        QVERIFY(ok.waitForFinished(15'000));
        QCOMPARE(ok.exitCode(), 0);
        // Nothing on stderr: every option serve reads is one it declares.
        QCOMPARE(ok.readAllStandardError(), QByteArray());
    }

    void badLogMaxSizeOrTrustedProxyExitsTwoNamingIt()
    {
        const QList<QPair<QString, QString>> bad {
            {QStringLiteral("--log-max-size"), QStringLiteral("lots")},
            {QStringLiteral("--log-max-size"), QStringLiteral("-1G")},
            {QStringLiteral("--log-max-size"), QStringLiteral("1TiB")},
            {QStringLiteral("--trusted-proxy"), QStringLiteral("10.0.0.0/33")},
            {QStringLiteral("--trusted-proxy"), QStringLiteral("proxy.example")},
            {QStringLiteral("--trusted-proxy"), QStringLiteral("10.1")},
        };
        for (const auto& [option, value] : bad) {
            QProcess serve;
            serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
                {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-admin"), QStringLiteral("--trusted-proxy"),
                    QStringLiteral("192.0.2.1"), option, value});
            QVERIFY(serve.waitForFinished(15'000));
            QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
            QCOMPARE(serve.exitCode(), 2);
            const QByteArray error = serve.readAllStandardError();
            QVERIFY2(error.startsWith(
                         QByteArray("gatehouse-cli: serve: " + option.toUtf8() + ": \"" + value.toUtf8() + '"')),
                error.constData());
            QVERIFY2(error.count('\n') == 1, error.constData());
            QVERIFY(serve.readAllStandardOutput().isEmpty());
        }
        // Good values, repeated and in every accepted form, start quietly.
        QProcess ok;
        const quint16 port = startServe(ok,
            {QStringLiteral("--log-max-size"), QStringLiteral("1GiB"), QStringLiteral("--trusted-proxy"),
                QStringLiteral("10.0.0.0/8"), QStringLiteral("--trusted-proxy"), QStringLiteral("::1"),
                QStringLiteral("--trusted-proxy"), QStringLiteral("2001:db8::/32")});
        QVERIFY2(port != 0, ok.readAllStandardError().constData());
        ::kill(pid_t(ok.processId()), SIGTERM);
        QVERIFY(ok.waitForFinished(15'000));
        QCOMPARE(ok.exitCode(), 0);
        QCOMPARE(ok.readAllStandardError(), QByteArray());
    }

    // serve raises its soft RLIMIT_NOFILE to the hard limit and promises no more connections than that many
    // descriptors carry (two a connection, less a reserve), saying so when --max-connections asked for more.
    void maxConnectionsFitsTheFileLimit()
    {
        const auto lowLimits = [] {
            rlimit limit {};
            limit.rlim_cur = 256;
            limit.rlim_max = 512;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        };
        QProcess asked;
        asked.setChildProcessModifier(lowLimits);
        const quint16 port = startServe(asked, {QStringLiteral("--max-connections"), QStringLiteral("100000")});
        QVERIFY(port != 0); // (QVERIFY2 would read stderr for its message even when it passes)
        ::kill(pid_t(asked.processId()), SIGTERM);
        QVERIFY(asked.waitForFinished(15'000));
        QCOMPARE(asked.exitCode(), 0);
        // (512 - 128 reserved - 4 for each of the 2 workers) / 2: the soft limit of 256 was raised to 512.
        QCOMPARE(asked.readAllStandardError(),
            QByteArray("gatehouse-cli: warning: --max-connections lowered to 188, all that 512 open files "
                       "(RLIMIT_NOFILE) allow\n"));

        // The default (10000) is lowered quietly.
        QProcess quiet;
        quiet.setChildProcessModifier(lowLimits);
        QVERIFY(startServe(quiet) != 0);
        ::kill(pid_t(quiet.processId()), SIGTERM);
        QVERIFY(quiet.waitForFinished(15'000));
        QCOMPARE(quiet.exitCode(), 0);
        QCOMPARE(quiet.readAllStandardError(), QByteArray());
    }

    void unusableUpstreamCaExitsTwo()
    {
        QFile notPem(m_dir.filePath(QStringLiteral("not-a-ca.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        notPem.close();
        const QStringList files {m_dir.filePath(QStringLiteral("absent.pem")), notPem.fileName(), m_dir.path()};
        for (const QString& file : files) {
            QProcess serve;
            serve.start(QStringLiteral(GATEHOUSE_CLI_PATH),
                {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-admin"), QStringLiteral("--upstream-ca"),
                    file});
            QVERIFY(serve.waitForFinished(15'000));
            QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
            QCOMPARE(serve.exitCode(), 2);
            const QByteArray error = serve.readAllStandardError();
            QVERIFY2(error.startsWith("gatehouse-cli: serve: --upstream-ca: "), error.constData());
            QVERIFY2(error.count('\n') == 1, error.constData());
            QVERIFY(serve.readAllStandardOutput().isEmpty());
        }
    }

    void upstreamCaIsTrustedForHttpsUpstreams()
    {
        TestCertificateAuthority ca;
        QVERIFY(ca.isValid());
        const TestCertificateAuthority::Identity identity = ca.issueLoopbackServer();
        LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
        upstream.setTls(identity.certificate, identity.key);
        QVERIFY(upstream.start());
        // Another CA first: a file may hold several certificates.
        TestCertificateAuthority other(QStringLiteral("Other CA"));
        QFile pem(m_dir.filePath(QStringLiteral("private-ca.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(other.certificatePem() + ca.certificatePem());
        pem.close();
        int code = -1;
        cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("tls-app")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(addApi(QStringLiteral("secure"), upstream.url()));
        const QJsonObject created = QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
                QStringLiteral("--consumer"), QStringLiteral("tls-app"), QStringLiteral("--scope"),
                QStringLiteral("api:secure"), QStringLiteral("--ttl"), QStringLiteral("1h")}))
                                        .object();
        const QByteArray token = created.value(QStringLiteral("token")).toString().toLatin1();
        QVERIFY(!token.isEmpty());

        QProcess serve;
        const quint16 port = startServe(serve, {QStringLiteral("--upstream-ca"), pem.fileName()});
        QVERIFY2(port != 0, serve.readAllStandardError().constData());
        const QList<std::pair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer " + token}};
        QCOMPARE(RawHttpClient::request(port, "GET", "/secure/status/200", auth).status, 200);
        QCOMPARE(upstream.requestCount(), 1);
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15'000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "TestServeCommand.moc"

// gatehouse-cli provider and alias commands end to end: the real binary, a real catalog in a temporary data
// directory, keys in the encrypted-file store (no session bus, a passphrase in the environment), and a
// loopback server for the providers' models endpoints.

#include "tests/support/FixedResponseServer.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

const QByteArray kKey = "sk-cli-test-SECRET-0123456789";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

} // namespace

class TestCliProviders : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedResponseServer m_server;

    // Runs the CLI while this thread's event loop keeps serving the loopback server.
    Run cli(const QStringList& args, const QByteArray& input = {}, bool withPassphrase = true)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GATEHOUSE_DATA_DIR"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        if (withPassphrase)
            env.insert(QStringLiteral("GATEHOUSE_SECRETS_PASSPHRASE"), QStringLiteral("cli test passphrase"));
        else
            env.remove(QStringLiteral("GATEHOUSE_SECRETS_PASSPHRASE"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(
            QStringLiteral(GATEHOUSE_CLI_PATH), QStringList {QStringLiteral("--data-dir"), m_dir->path()} + args);
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!finished.wait(60'000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    void expectUsageError(const QStringList& args, const QString& mentions, const QByteArray& input = {})
    {
        const Run run = cli(args, input);
        QVERIFY2(run.exitCode == 2,
            qPrintable(args.join(u' ') + QStringLiteral(" -> %1: ").arg(run.exitCode) + QString::fromUtf8(run.err)));
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
    }

    // Every byte of every file in the data directory, except the sealed secrets file.
    void expectKeyNowhereOnDisk()
    {
        QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kKey), qPrintable(file.fileName()));
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void addListAndRemoveKeepTheKeySecret()
    {
        Run added
            = cli({QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("add"),
                      QStringLiteral("claude"), QStringLiteral("--type"), QStringLiteral("anthropic"),
                      QStringLiteral("--model"), QStringLiteral("claude-sonnet-4-5"), QStringLiteral("--key-stdin")},
                kKey + "\n");
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QJsonObject provider = added.json().object();
        QCOMPARE(provider.value(QStringLiteral("base_url")).toString(), QStringLiteral("https://api.anthropic.com"));
        QCOMPARE(provider.value(QStringLiteral("has_key")).toBool(), true);
        QVERIFY(!added.out.contains(kKey));
        QVERIFY(!added.err.contains(kKey));
        QVERIFY2(added.err.contains("secrets.enc"), added.err.constData()); // the fallback notice

        Run listed = cli({QStringLiteral("provider"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.json().array().size(), 1);
        QCOMPARE(listed.json().array().first().toObject().value(QStringLiteral("has_key")).toBool(), true);
        QVERIFY(!listed.out.contains(kKey));
        Run table = cli({QStringLiteral("provider"), QStringLiteral("list")});
        QVERIFY(table.out.contains("claude"));
        QVERIFY(table.out.contains("set"));
        QVERIFY(!table.out.contains(kKey));
        Run audit = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(audit.out.contains("provider.add"));
        QVERIFY(!audit.out.contains(kKey));
        expectKeyNowhereOnDisk();
        QVERIFY(QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("secrets.enc"))));

        Run models = cli(
            {QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("models"), QStringLiteral("claude")});
        QCOMPARE(models.exitCode, 0);
        QCOMPARE(models.json().object().value(QStringLiteral("models")).toArray().first().toString(),
            QStringLiteral("claude-sonnet-4-5"));

        Run removed = cli(
            {QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("claude")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QCOMPARE(removed.json().object().value(QStringLiteral("removed")).toString(), QStringLiteral("claude"));
        QCOMPARE(
            cli({QStringLiteral("provider"), QStringLiteral("list"), QStringLiteral("--json")}).json().array().size(),
            0);
    }

    void withoutAnyStoreAKeyedProviderIsRefused()
    {
        const Run run = cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("gpt"),
                                QStringLiteral("--type"), QStringLiteral("openai"), QStringLiteral("--key-stdin")},
            kKey, false);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("GATEHOUSE_SECRETS_PASSPHRASE"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QCOMPARE(
            cli({QStringLiteral("provider"), QStringLiteral("list"), QStringLiteral("--json")}).json().array().size(),
            0);
    }

    void refreshAndTestAgainstALoopbackProvider()
    {
        m_server.setResponse("/v1/models", {200, R"({"object":"list","data":[{"id":"m-one"},{"id":"m-two"}]})"});
        QUrl base = m_server.url();
        base.setPath(QStringLiteral("/v1"));
        QCOMPARE(cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("lab"),
                         QStringLiteral("--type"), QStringLiteral("openai-compatible"), QStringLiteral("--base-url"),
                         base.toString(), QStringLiteral("--key-stdin")},
                     kKey)
                     .exitCode,
            0);
        Run refreshed = cli(
            {QStringLiteral("provider"), QStringLiteral("models"), QStringLiteral("lab"), QStringLiteral("--refresh")});
        QVERIFY2(refreshed.exitCode == 0, refreshed.err.constData());
        QCOMPARE(refreshed.out, QByteArray("m-one\nm-two\n"));
        QCOMPARE(m_server.requests().last().header("authorization"), "Bearer " + kKey);

        Run tested = cli(
            {QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("lab")});
        QCOMPARE(tested.exitCode, 0);
        QCOMPARE(tested.json().object().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(tested.json().object().value(QStringLiteral("models")).toInt(), 2);

        m_server.setResponse("/v1/models", {401, R"({"error":{"message":"bad key )" + kKey + R"("}})"});
        Run failed = cli({QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("lab")});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY(failed.err.contains("refused the API key"));
        QVERIFY(!failed.err.contains(kKey));
        Run failedJson = cli(
            {QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("lab")});
        QCOMPARE(failedJson.exitCode, 1);
        QCOMPARE(failedJson.json().object().value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(!failedJson.out.contains(kKey));
        expectKeyNowhereOnDisk();
    }

    void aliases()
    {
        QCOMPARE(cli({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("local"),
                         QStringLiteral("--type"), QStringLiteral("ollama")})
                     .exitCode,
            0);
        Run added = cli({QStringLiteral("--json"), QStringLiteral("alias"), QStringLiteral("add"),
            QStringLiteral("fast"), QStringLiteral("--target"), QStringLiteral("local/llama3.1:8b"),
            QStringLiteral("--fallback"), QStringLiteral("local/qwen2.5")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QCOMPARE(added.json().object().value(QStringLiteral("target")).toString(), QStringLiteral("local/llama3.1:8b"));
        Run listed = cli({QStringLiteral("alias"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(
            listed.json().array().first().toObject().value(QStringLiteral("fallbacks")).toArray().first().toString(),
            QStringLiteral("local/qwen2.5"));
        expectUsageError(
            {QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("local")}, QStringLiteral("fast"));
        QCOMPARE(cli({QStringLiteral("alias"), QStringLiteral("remove"), QStringLiteral("fast")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("local")}).exitCode, 0);
    }

    void badInputExitsTwo()
    {
        expectUsageError({QStringLiteral("provider")}, QStringLiteral("subcommand"));
        expectUsageError(
            {QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("x")}, QStringLiteral("--type"));
        expectUsageError({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--type"), QStringLiteral("azure")},
            QStringLiteral("azure"));
        expectUsageError({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--type"), QStringLiteral("openai")},
            QStringLiteral("--key-stdin"));
        expectUsageError({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--type"), QStringLiteral("openai"), QStringLiteral("--key-stdin")},
            QStringLiteral("no key"), "   \n");
        expectUsageError({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--type"), QStringLiteral("openai-compatible")},
            QStringLiteral("base-url"));
        expectUsageError(
            {QStringLiteral("provider"), QStringLiteral("models"), QStringLiteral("nobody")}, QStringLiteral("nobody"));
        expectUsageError(
            {QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("nobody")}, QStringLiteral("nobody"));
        expectUsageError({QStringLiteral("provider"), QStringLiteral("remove")}, QStringLiteral("missing argument"));
        expectUsageError(
            {QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("x")}, QStringLiteral("--target"));
        expectUsageError({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--target"), QStringLiteral("no-slash")},
            QStringLiteral("PROVIDER/MODEL"));
        expectUsageError({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--target"), QStringLiteral("nobody/m")},
            QStringLiteral("nobody"));
        expectUsageError(
            {QStringLiteral("alias"), QStringLiteral("remove"), QStringLiteral("nobody")}, QStringLiteral("nobody"));
        QCOMPARE(cli({QStringLiteral("alias"), QStringLiteral("list"), QStringLiteral("--json")}).out.trimmed(),
            QByteArray("[\n]"));
    }
};

QTEST_GUILESS_MAIN(TestCliProviders)
#include "TestCliProviders.moc"

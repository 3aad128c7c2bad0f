// The AI gateway driven by the official SDKs, installed from npm by the sdk_npm_ci fixture: the `openai` package
// against the OpenAI-compatible /ai/v1 with Anthropic- and Gemini-format providers behind it, and
// `@anthropic-ai/sdk` through the native passthrough /ai/PROVIDER. node runs the scripts of tests/e2e/sdk, which
// print one JSON line each; the loopback providers (ProviderUpstream) record what reached them. Everything stays on
// 127.0.0.1.

#include "tests/support/AiGatewayFixture.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace gatehouse;
using gatehouse::test::AiGatewayFixture;
using gatehouse::test::ProviderUpstream;
using gatehouse::test::RawHttpClient;
namespace fixtures = gatehouse::test::ProviderFixtures;

namespace {

enum class Sdk { OpenAi, Anthropic };

// Generous for a loaded machine: node starts in well under a second, and the scripts' own timeout is 15 s.
constexpr int kProcessTimeoutMs = 45'000;

QString sdkDirectory()
{
    return QStringLiteral(GATEHOUSE_SDK_DIR);
}

// $GATEHOUSE_TEST_NODE runs the scripts under another node (to try Node 18 and 20 on one machine); by default the
// node CMake found.
QString nodePath()
{
    const QString chosen = qEnvironmentVariable("GATEHOUSE_TEST_NODE");
    return chosen.isEmpty() ? QStringLiteral(GATEHOUSE_NODE_PATH) : chosen;
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList strings(const QJsonValue& array)
{
    QStringList list;
    for (const QJsonValue& value : array.toArray())
        list.append(value.toString());
    return list;
}

// Whether the Gatehouse token reached the provider in any header or in the body.
bool carriesToken(const gatehouse::test::LoopbackUpstream::ReceivedRequest& received, const QByteArray& token)
{
    if (received.body.contains(token))
        return true;
    for (const auto& [name, value] : received.headers) {
        if (value.contains(token))
            return true;
    }
    return false;
}

struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end with the event loop running meanwhile: the harness's engine and log writer live on
// this thread, so blocking in waitForFinished() would stall the gateway the program talks to.
std::optional<Finished> run(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment, const QByteArray& input = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    QSignalSpy failed(&process, &QProcess::errorOccurred);
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kProcessTimeoutMs)
        || finished.isEmpty()) {
        qWarning("%s did not finish: %s\n%s", qPrintable(program), qPrintable(process.errorString()),
            process.readAllStandardError().constData());
        process.kill();
        return std::nullopt;
    }
    return Finished {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestAiSdkEndToEnd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // Only PATH and a HOME of our own: no OPENAI_* or ANTHROPIC_* variable, proxy or NODE_OPTIONS of the machine
    // can send the SDKs anywhere but the loopback gateway, and no ~/.npmrc is read.
    QProcessEnvironment nodeEnvironment() const
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        return environment;
    }

    // Runs one SDK script; what it printed (an object with "ok"), or an empty object after a warning.
    QJsonObject sdk(Sdk sdk, const QString& baseUrl, const QByteArray& token, const QString& model, bool stream,
        const QString& tool = {}) const
    {
        const QString script
            = sdk == Sdk::OpenAi ? QStringLiteral("openai-chat.mjs") : QStringLiteral("anthropic-messages.mjs");
        QStringList arguments {sdkDirectory() + u'/' + script, QStringLiteral("--base-url"), baseUrl,
            QStringLiteral("--token"), QString::fromLatin1(token), QStringLiteral("--model"), model};
        if (stream)
            arguments.append(QStringLiteral("--stream"));
        if (!tool.isEmpty())
            arguments += {QStringLiteral("--tool"), tool};
        const auto finished = run(nodePath(), arguments, nodeEnvironment());
        if (!finished)
            return {};
        const QByteArray line = finished->out.trimmed().split('\n').constLast();
        const QJsonObject result = QJsonDocument::fromJson(line).object();
        if (finished->exitCode != 0 || !result.contains(QStringLiteral("ok"))) {
            qWarning("%s exited with %d:\n%s\n%s", qPrintable(script), finished->exitCode, finished->out.constData(),
                finished->err.constData());
            return {};
        }
        return result;
    }

    static QString gatewayUrl(const AiGatewayFixture& s, const QString& path)
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(s.gateway.port()).arg(path);
    }

    static void addProviderRows()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("stream");
        QTest::newRow("anthropic format, whole") << QStringLiteral("claude") << false;
        QTest::newRow("anthropic format, streamed") << QStringLiteral("claude") << true;
        QTest::newRow("gemini format, whole") << QStringLiteral("gemini") << false;
        QTest::newRow("gemini format, streamed") << QStringLiteral("gemini") << true;
    }

    static QString modelOf(const QString& provider)
    {
        return provider == u"claude" ? QStringLiteral("claude-sonnet-4-5") : QStringLiteral("gemini-2.0-flash");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(!nodePath().isEmpty(), "CMake found no node: tools/dev.sh deps installs nodejs and npm");
        QVERIFY2(QFileInfo(nodePath()).isExecutable(), qPrintable(nodePath()));
        for (const char* package : {"openai", "@anthropic-ai/sdk"}) {
            QVERIFY2(QFileInfo::exists(sdkDirectory() + QStringLiteral("/node_modules/") + QLatin1StringView(package)
                         + QStringLiteral("/package.json")),
                "the SDKs are not installed in the build directory: the CTest fixture sdk_npm_ci runs npm ci");
        }
    }

    void openAiSdkChatCompletion_data() { addProviderRows(); }

    void openAiSdkChatCompletion()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        auto s = AiGatewayFixture::start();
        QVERIFY(s);
        const bool anthropic = provider == u"claude";
        const QString model = modelOf(provider);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:%1/*").arg(provider)});
        const QJsonObject result
            = sdk(Sdk::OpenAi, gatewayUrl(*s, QStringLiteral("/ai/v1")), token, provider + u'/' + model, stream);
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), compact(result).constData());
        QCOMPARE(result.value(QStringLiteral("object")).toString(),
            stream ? QStringLiteral("chat.completion.chunk") : QStringLiteral("chat.completion"));
        QCOMPARE(result.value(QStringLiteral("text")).toString(), fixtures::text());
        // Streamed, the SDK saw the provider's pieces in their order, each in a chunk of its own.
        if (stream)
            QCOMPARE(strings(result.value(QStringLiteral("pieces"))), fixtures::textPieces());
        QCOMPARE(result.value(QStringLiteral("finishReason")).toString(), QStringLiteral("stop"));
        // The usage: in the completion, or in the final chunk that stream_options.include_usage asks for.
        const QJsonObject usage = result.value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("prompt_tokens")).toInteger(), fixtures::promptTokens());
        QCOMPARE(usage.value(QStringLiteral("completion_tokens")).toInteger(), fixtures::completionTokens());
        QCOMPARE(usage.value(QStringLiteral("total_tokens")).toInteger(),
            fixtures::promptTokens() + fixtures::completionTokens());

        // The provider got its own key in its own header, and never the Gatehouse token the SDK sent.
        ProviderUpstream& upstream = anthropic ? s->anthropic : s->gemini;
        QCOMPARE(upstream.requestCount(), 1);
        const auto received = upstream.requests().first();
        QCOMPARE(received.header(anthropic ? "x-api-key" : "x-goog-api-key"),
            anthropic ? AiGatewayFixture::kAnthropicKey : AiGatewayFixture::kGeminiKey);
        QVERIFY(received.header("authorization").isEmpty());
        QVERIFY(!carriesToken(received, token));
        QCOMPARE(s->anthropic.requestCount() + s->gemini.requestCount(), 1);

        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.status, 200);
        QCOMPARE(rows.first().event.providerName, provider);
        QCOMPARE(rows.first().event.model, model);
        QCOMPARE(rows.first().event.tokensIn, fixtures::promptTokens());
        QCOMPARE(rows.first().event.tokensOut, fixtures::completionTokens());
    }

    void openAiSdkToolCall_data() { addProviderRows(); }

    void openAiSdkToolCall()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        auto s = AiGatewayFixture::start();
        QVERIFY(s);
        const bool anthropic = provider == u"claude";
        ProviderUpstream& upstream = anthropic ? s->anthropic : s->gemini;
        upstream.setScenario(fixtures::Scenario::ToolCall);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:%1/*").arg(provider)});
        const QJsonObject result = sdk(Sdk::OpenAi, gatewayUrl(*s, QStringLiteral("/ai/v1")), token,
            provider + u'/' + modelOf(provider), stream, fixtures::toolName());
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), compact(result).constData());
        QCOMPARE(result.value(QStringLiteral("finishReason")).toString(), QStringLiteral("tool_calls"));
        const QJsonArray calls = result.value(QStringLiteral("toolCalls")).toArray();
        QCOMPARE(calls.size(), 1);
        const QJsonObject call = calls.at(0).toObject();
        QCOMPARE(call.value(QStringLiteral("name")).toString(), fixtures::toolName());
        // Streamed, the SDK put the arguments together from the pieces the provider cut them into.
        const QByteArray arguments = call.value(QStringLiteral("arguments")).toString().toUtf8();
        QCOMPARE(QJsonDocument::fromJson(arguments).object(), fixtures::toolArguments());
        // Gemini names no call; the gateway makes up an id, which the SDK needs to answer the call.
        QVERIFY(!call.value(QStringLiteral("id")).toString().isEmpty());
        if (anthropic)
            QCOMPARE(call.value(QStringLiteral("id")).toString(), fixtures::toolCallId());

        // The SDK's tool reached the provider in the provider's own format.
        QCOMPARE(upstream.requestCount(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(upstream.requests().first().body).object();
        const QJsonObject tool = sent.value(QStringLiteral("tools")).toArray().at(0).toObject();
        const QJsonObject declared
            = anthropic ? tool : tool.value(QStringLiteral("functionDeclarations")).toArray().at(0).toObject();
        QVERIFY2(declared.value(QStringLiteral("name")).toString() == fixtures::toolName(), compact(sent).constData());
    }

    void anthropicSdkThroughTheNativePassthrough_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("whole") << false;
        QTest::newRow("streamed") << true;
    }

    void anthropicSdkThroughTheNativePassthrough()
    {
        QFETCH(bool, stream);
        auto s = AiGatewayFixture::start();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:claude/*")});
        // The SDK sends the Gatehouse token as its API key, in x-api-key.
        const QJsonObject result = sdk(Sdk::Anthropic, gatewayUrl(*s, QStringLiteral("/ai/claude")), token,
            QStringLiteral("claude-sonnet-4-5"), stream);
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), compact(result).constData());
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("message"));
        QCOMPARE(result.value(QStringLiteral("text")).toString(), fixtures::text());
        if (stream)
            QCOMPARE(strings(result.value(QStringLiteral("pieces"))), fixtures::textPieces());
        QCOMPARE(result.value(QStringLiteral("stopReason")).toString(), QStringLiteral("end_turn"));
        const QJsonObject usage = result.value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("input_tokens")).toInteger(), fixtures::promptTokens());
        QCOMPARE(usage.value(QStringLiteral("output_tokens")).toInteger(), fixtures::completionTokens());

        // Anthropic got the provider's key in place of the token, and the SDK's own version header.
        QCOMPARE(s->anthropic.requestCount(), 1);
        const auto received = s->anthropic.requests().first();
        QCOMPARE(received.target, QByteArray("/v1/messages"));
        QCOMPARE(received.header("x-api-key"), AiGatewayFixture::kAnthropicKey);
        QCOMPARE(received.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(received.header("authorization").isEmpty());
        QVERIFY(!carriesToken(received, token));
        const QJsonObject sent = QJsonDocument::fromJson(received.body).object();
        QCOMPARE(sent.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(sent.value(QStringLiteral("stream")).toBool(), stream);

        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.status, 200);
        QCOMPARE(rows.first().event.providerName, QStringLiteral("claude"));
        QCOMPARE(rows.first().event.model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(rows.first().event.tokensIn, fixtures::promptTokens());
        QCOMPARE(rows.first().event.tokensOut, fixtures::completionTokens());
    }

    void aRevokedTokenFailsTheNextSdkCall()
    {
        auto s = AiGatewayFixture::start();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:claude/*")});
        const QString v1 = gatewayUrl(*s, QStringLiteral("/ai/v1"));
        const QString model = QStringLiteral("claude/claude-sonnet-4-5");
        QJsonObject result = sdk(Sdk::OpenAi, v1, token, model, true);
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), compact(result).constData());

        QVERIFY(s->gateway.catalog.tokens.revoke(s->gateway.tokenId(token)));
        // Each SDK raises its AuthenticationError (401), and neither retries.
        result = sdk(Sdk::OpenAi, v1, token, model, true);
        QVERIFY2(!result.value(QStringLiteral("ok")).toBool(true), compact(result).constData());
        QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("AuthenticationError"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 401);
        // In OpenAI's error shape, so that the SDK's message says why rather than only `401 "invalid_token"`.
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("401 the token was revoked"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_token"));
        result = sdk(Sdk::Anthropic, gatewayUrl(*s, QStringLiteral("/ai/claude")), token,
            QStringLiteral("claude-sonnet-4-5"), false);
        QVERIFY2(!result.value(QStringLiteral("ok")).toBool(true), compact(result).constData());
        error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("AuthenticationError"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(s->anthropic.requestCount(), 1);
    }

    void aTokenWithoutTheScopeIsForbidden()
    {
        auto s = AiGatewayFixture::start();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:gemini/*")});
        QJsonObject result = sdk(Sdk::OpenAi, gatewayUrl(*s, QStringLiteral("/ai/v1")), token,
            QStringLiteral("claude/claude-sonnet-4-5"), false);
        QVERIFY2(!result.value(QStringLiteral("ok")).toBool(true), compact(result).constData());
        QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("PermissionDeniedError"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 403);
        QVERIFY2(error.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("do not allow the model \"claude/claude-sonnet-4-5\"")),
            compact(error).constData());
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("insufficient_scope"));
        result = sdk(Sdk::Anthropic, gatewayUrl(*s, QStringLiteral("/ai/claude")), token,
            QStringLiteral("claude-sonnet-4-5"), true);
        QVERIFY2(!result.value(QStringLiteral("ok")).toBool(true), compact(result).constData());
        error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("PermissionDeniedError"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(s->anthropic.requestCount(), 0);
    }

    // Issue 6's "Done when", as a newcomer does it: gatehouse-cli adds an Anthropic provider with its key and
    // creates a token for ai:anthropic/*, `serve` runs the gateway, the OpenAI SDK gets a streamed answer, and
    // after `token revoke` the next call fails.
    void aNewcomerStreamsThroughTheCliServedGateway()
    {
        ProviderUpstream upstream;
        QVERIFY(upstream.start());
        upstream.setSseIntervalMs(5);
        QTemporaryDir data;
        QVERIFY(data.isValid());
        // The encrypted key file, never a developer's keychain: no session bus, a passphrase instead.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        environment.remove(QStringLiteral("GATEHOUSE_DATA_DIR"));
        environment.insert(QStringLiteral("GATEHOUSE_SECRETS_PASSPHRASE"), QStringLiteral("a newcomer's passphrase"));
        const QString cliPath = QStringLiteral(GATEHOUSE_CLI_PATH);
        const QStringList dataDir {QStringLiteral("--data-dir"), data.path()};
        auto cli = [&](const QStringList& arguments, const QByteArray& input = {}) {
            return run(cliPath, dataDir + arguments, environment, input);
        };

        auto done = cli(
            {QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("anthropic"), QStringLiteral("--type"),
                QStringLiteral("anthropic"), QStringLiteral("--base-url"), upstream.url().toString(),
                QStringLiteral("--model"), QStringLiteral("claude-sonnet-4-5"), QStringLiteral("--key-stdin")},
            AiGatewayFixture::kAnthropicKey + '\n');
        QVERIFY(done);
        QVERIFY2(done->exitCode == 0, done->err.constData());
        done = cli({QStringLiteral("consumer"), QStringLiteral("add"), QStringLiteral("newcomer")});
        QVERIFY(done);
        QVERIFY2(done->exitCode == 0, done->err.constData());
        done = cli({QStringLiteral("--json"), QStringLiteral("token"), QStringLiteral("create"),
            QStringLiteral("--consumer"), QStringLiteral("newcomer"), QStringLiteral("--scope"),
            QStringLiteral("ai:anthropic/*"), QStringLiteral("--ttl"), QStringLiteral("1h")});
        QVERIFY(done);
        QVERIFY2(done->exitCode == 0, done->err.constData());
        const QJsonObject created = QJsonDocument::fromJson(done->out).object();
        const QByteArray token = created.value(QStringLiteral("token")).toString().toLatin1();
        const QString tokenId = QString::number(created.value(QStringLiteral("id")).toInteger());
        QVERIFY2(!token.isEmpty(), done->out.constData());

        QProcess serve;
        serve.setProcessEnvironment(environment);
        serve.start(cliPath,
            dataDir
                + QStringList {QStringLiteral("--json"), QStringLiteral("serve"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--workers"), QStringLiteral("2")});
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine() || serve.state() == QProcess::NotRunning, 15'000);
        const QJsonObject ready = QJsonDocument::fromJson(serve.readLine()).object();
        auto portOf = [&](const QString& key) {
            const QString address = ready.value(key).toString();
            return quint16(address.mid(address.lastIndexOf(u':') + 1).toUInt());
        };
        const quint16 port = portOf(QStringLiteral("listen"));
        const quint16 adminPort = portOf(QStringLiteral("admin"));
        QVERIFY2(port != 0 && adminPort != 0, serve.readAllStandardError().constData());
        // serve reads the provider's key from the encrypted file after it starts listening; until then a request
        // would get 502 (key unavailable). Wait for the key with a plain request, so that the SDK's call below is
        // about the SDK.
        const QList<std::pair<QByteArray, QByteArray>> auth {
            {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
        const QByteArray warmUp = "{\"model\":\"anthropic/claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\","
                                  "\"content\":\"Hi.\"}]}";
        QTRY_COMPARE_WITH_TIMEOUT(
            RawHttpClient::request(port, "POST", "/ai/v1/chat/completions", auth, warmUp).status, 200, 10'000);
        const int before = upstream.requestCount();

        const QString baseUrl = QStringLiteral("http://127.0.0.1:%1/ai/v1").arg(port);
        const QString model = QStringLiteral("anthropic/claude-sonnet-4-5");
        QJsonObject result = sdk(Sdk::OpenAi, baseUrl, token, model, true);
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), compact(result).constData());
        QCOMPARE(strings(result.value(QStringLiteral("pieces"))), fixtures::textPieces());
        QCOMPARE(
            result.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInteger(),
            fixtures::completionTokens());
        QCOMPARE(upstream.requestCount(), before + 1);
        QCOMPARE(upstream.requests().constLast().header("x-api-key"), AiGatewayFixture::kAnthropicKey);

        // Revoked from another process; serve picks up the catalog's new revision (its /healthz says which).
        auto revision = [&] {
            const auto health = RawHttpClient::request(adminPort, "GET", "/healthz");
            return QJsonDocument::fromJson(health.body).object().value(QStringLiteral("revision")).toInteger(-1);
        };
        const qint64 served = revision();
        QVERIFY(served >= 0);
        done = cli({QStringLiteral("token"), QStringLiteral("revoke"), tokenId});
        QVERIFY(done);
        QVERIFY2(done->exitCode == 0, done->err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(revision() > served, 5'000);
        result = sdk(Sdk::OpenAi, baseUrl, token, model, true);
        QVERIFY2(!result.value(QStringLiteral("ok")).toBool(true), compact(result).constData());
        const QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("AuthenticationError"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(upstream.requestCount(), before + 1);

        QSignalSpy exited(&serve, &QProcess::finished);
        serve.terminate();
        QVERIFY(exited.wait(15'000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAiSdkEndToEnd)
#include "TestAiSdkEndToEnd.moc"

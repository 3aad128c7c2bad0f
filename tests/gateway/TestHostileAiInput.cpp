// The AI routes tried as an attacker would: a model named where the provider does not read it, the provider's
// management endpoints under an inference scope, bytes that would split a response, spending that is never
// counted, and bodies that never arrive. Each refusal must leave the loopback providers untouched.

#include "tests/support/AiGatewayFixture.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::AiGatewayFixture;
using gatehouse::test::RawHttpClient;

namespace {

QByteArray request(const QByteArray& method, const QByteArray& target, const QByteArray& token, const QByteArray& body)
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n";
    if (!token.isEmpty())
        bytes += "Authorization: Bearer " + token + "\r\n";
    return bytes + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chat(const QByteArray& model, bool stream = false)
{
    QJsonObject body {{QStringLiteral("model"), QString::fromUtf8(model)},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"), QStringLiteral("Hi.")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHostileAiInput : public QObject
{
    Q_OBJECT

private:
    // The fixture's providers, and two more on the same loopback server: "fake" (OpenAI-compatible, models cheap and
    // expensive) and "local" (Ollama).
    static std::unique_ptr<AiGatewayFixture> setUp()
    {
        auto s = AiGatewayFixture::start();
        if (!s)
            return nullptr;
        const QString url = s->anthropic.url().toString();
        if (!s->providers->add({QStringLiteral("fake"), QStringLiteral("openai-compatible"), url,
                                   {QStringLiteral("cheap"), QStringLiteral("expensive")}},
                SecretBytes(QByteArrayLiteral("sk-fake-provider-key")))
            || !s->providers->add(
                {QStringLiteral("local"), QStringLiteral("ollama"), url, {QStringLiteral("llama3")}})) {
            return nullptr;
        }
        if (!QTest::qWaitFor(
                [&] {
                    const auto snapshot = s->gateway.engine.snapshot();
                    const auto* fake = snapshot ? snapshot->ai().provider(u"fake") : nullptr;
                    return fake && !fake->apiKey.isEmpty() && snapshot->ai().provider(u"local");
                },
                5000))
            return nullptr;
        return s;
    }

    static std::optional<RawHttpClient::Response> send(AiGatewayFixture& s, const QByteArray& bytes)
    {
        RawHttpClient client;
        if (!client.connectTo(s.gateway.port()) || !client.send(bytes))
            return std::nullopt;
        return client.readResponse();
    }

private Q_SLOTS:
    void theQueryNeverNamesTheModel()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/cheap")});
        const int before = s->anthropic.requestCount();
        const auto response
            = send(*s, request("POST", "/ai/fake/v1/chat/completions?x=/models/cheap", token, chat("expensive")));
        QVERIFY(response);
        QCOMPARE(response->status, 403);
        QVERIFY(response->header("WWW-Authenticate").contains("scope=\"ai:fake/expensive\""));
        QCOMPARE(s->anthropic.requestCount(), before);
        // The model it may use passes, the query notwithstanding.
        const auto allowed
            = send(*s, request("POST", "/ai/fake/v1/chat/completions?x=/models/expensive", token, chat("cheap")));
        QVERIFY(allowed);
        QCOMPARE(allowed->status, 200);
        QCOMPARE(s->anthropic.requestCount(), before + 1);
    }

    void managementEndpointsNeedTheAdminScope_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("scope");
        QTest::newRow("delete a file") << QByteArray("DELETE") << QByteArray("/ai/fake/v1/files/file-x") << QByteArray()
                                       << QByteArray("ai:fake:admin");
        QTest::newRow("fine-tuning, naming an allowed model")
            << QByteArray("POST") << QByteArray("/ai/fake/v1/fine_tuning/jobs")
            << QByteArray("{\"model\":\"cheap\",\"training_file\":\"file-x\"}") << QByteArray("ai:fake:admin");
        QTest::newRow("a files path that names models")
            << QByteArray("GET") << QByteArray("/ai/fake/v1/files/models/cheap") << QByteArray()
            << QByteArray("ai:fake:admin");
        QTest::newRow("ollama delete") << QByteArray("DELETE") << QByteArray("/ai/local/api/delete")
                                       << QByteArray("{\"model\":\"llama3\"}") << QByteArray("ai:local:admin");
        QTest::newRow("ollama create") << QByteArray("POST") << QByteArray("/ai/local/api/create")
                                       << QByteArray("{\"model\":\"llama3\",\"from\":\"llama3\"}")
                                       << QByteArray("ai:local:admin");
    }

    void managementEndpointsNeedTheAdminScope()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, scope);
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/*"), QStringLiteral("ai:local/*")});
        const int before = s->anthropic.requestCount();
        const auto response = send(*s, request(method, target, token, body));
        QVERIFY(response);
        QCOMPARE(response->status, 403);
        QVERIFY(response->header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
        QVERIFY(response->header("WWW-Authenticate").contains(QByteArray("scope=\"" + scope + '"')));
        QCOMPARE(s->anthropic.requestCount(), before);

        // With the admin scope it goes through, the provider's key injected, the token never.
        const QByteArray admin = s->gateway.issueToken({QString::fromUtf8(scope)});
        const auto allowed = send(*s, request(method, target, admin, body));
        QVERIFY(allowed);
        QVERIFY(s->anthropic.waitForRequests(before + 1));
        const auto received = s->anthropic.requests().last();
        QVERIFY(!received.header("Authorization").contains(admin));
    }

    void unknownEndpointsAreNotFound()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/*"), QStringLiteral("ai:fake:admin")});
        const int before = s->anthropic.requestCount();
        const auto response = send(*s, request("POST", "/ai/fake/v1/nonsense", token, chat("cheap")));
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(s->anthropic.requestCount(), before);
    }

    void aModelCannotSplitTheResponse_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("chat route") << QByteArray("/ai/v1/chat/completions");
        QTest::newRow("native route") << QByteArray("/ai/fake/v1/chat/completions");
    }

    void aModelCannotSplitTheResponse()
    {
        QFETCH(QByteArray, target);
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/cheap")});
        const int before = s->anthropic.requestCount();
        const QByteArray model = target.contains("/fake/")
            ? QByteArray("x\r\nX-Injected: yes\r\n\r\nHTTP/1.1 200 OK")
            : QByteArray("fake/x\r\nX-Injected: yes\r\n\r\nHTTP/1.1 200 OK");
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(client.send(request("POST", target, token, chat(model))));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QVERIFY(response->header("X-Injected").isEmpty());
        // One answer on the wire: the next request on the same connection gets its own.
        QVERIFY(client.send(request("POST", target, token, chat(target.contains("/fake/") ? "cheap" : "fake/cheap"))));
        const auto next = client.readResponse();
        QVERIFY(next);
        QCOMPARE(next->status, 200);
        QVERIFY(next->header("X-Injected").isEmpty());
        QCOMPARE(s->anthropic.requestCount(), before + 1);
    }

    void nativeStreamsAreCounted()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/*")});
        // A stream that did not ask for its usage: the gateway asks, so the budget learns what was spent.
        const auto response = send(*s, request("POST", "/ai/fake/v1/chat/completions", token, chat("cheap", true)));
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject sent = QJsonDocument::fromJson(s->anthropic.requests().last().body).object();
        QVERIFY(
            sent.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool());
        const auto rows = s->gateway.logRows();
        QVERIFY(!rows.isEmpty());
        QVERIFY(rows.last().event.tokensIn > 0);
        QVERIFY(rows.last().event.tokensOut > 0);
    }

    void anAiBodyMustArrive()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:fake/*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        // A head that announces 32 MiB, then nothing.
        QVERIFY(client.send("POST /ai/v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token
            + "\r\nContent-Length: 33554432\r\n\r\n{"));
        QTest::qWait(50);
        s->gateway.catalog.clock.advanceMs(31'000);
        const auto response = client.readResponse(5000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(client.waitForDisconnected());
    }
};

QTEST_GUILESS_MAIN(TestHostileAiInput)
#include "TestHostileAiInput.moc"

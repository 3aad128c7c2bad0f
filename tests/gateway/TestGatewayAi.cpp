// The gateway's AI routes end to end: real loopback providers speaking Anthropic's, Gemini's and OpenAI's wire
// formats, raw sockets as the client, a real SQLite catalog, and the provider keys in a real encrypted secret store.

#include "tests/support/AiGatewayFixture.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::AiGatewayFixture;
using gatehouse::test::RawHttpClient;
namespace fixtures = gatehouse::test::ProviderFixtures;

namespace {

const QByteArray kAnthropicKey = AiGatewayFixture::kAnthropicKey;
const QByteArray kGeminiKey = AiGatewayFixture::kGeminiKey;

QByteArray chatBody(const QString& model, bool stream = false)
{
    QJsonObject body {{QStringLiteral("model"), model},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                            {QStringLiteral("content"), QStringLiteral("Be brief.")}},
                QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"), QStringLiteral("Say hello.")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray post(const QByteArray& path, const QByteArray& token, const QByteArray& body)
{
    QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    return request + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestGatewayAi : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<AiGatewayFixture> setUp() { return AiGatewayFixture::start(); }

    static QJsonObject json(const RawHttpClient::Response& response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

    static QString content(const QJsonObject& completion)
    {
        return completion.value(QStringLiteral("choices"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("message"))
            .toObject()
            .value(QStringLiteral("content"))
            .toString();
    }

private Q_SLOTS:
    void anthropicAnswersInOpenAiFormatWithItsKeyInjected()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:claude/*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(
            client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("claude/claude-sonnet-4-5")))));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject completion = json(*response);
        QCOMPARE(completion.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(content(completion), fixtures::text());
        QCOMPARE(
            completion.value(QStringLiteral("usage")).toObject().value(QStringLiteral("prompt_tokens")).toInteger(),
            fixtures::promptTokens());

        // The provider saw its own key in its own header, the Messages format, and never the Gatehouse token.
        QCOMPARE(s->anthropic.requestCount(), 1);
        const auto received = s->anthropic.requests().first();
        QCOMPARE(received.target, QByteArray("/v1/messages"));
        QCOMPARE(received.header("x-api-key"), kAnthropicKey);
        QVERIFY(received.header("authorization").isEmpty());
        QVERIFY(!received.body.contains(token));
        for (const auto& [name, value] : received.headers)
            QVERIFY2(!value.contains(token), name.constData());
        const QJsonObject sent = QJsonDocument::fromJson(received.body).object();
        QCOMPARE(sent.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(sent.value(QStringLiteral("system")).toString(), QStringLiteral("Be brief."));

        // One log row with the provider, the model and the token counts; no key anywhere in the catalog file.
        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.providerName, QStringLiteral("claude"));
        QCOMPARE(rows.first().event.model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(rows.first().event.tokensIn, fixtures::promptTokens());
        QCOMPARE(rows.first().event.tokensOut, fixtures::completionTokens());
        QFile file(s->gateway.catalog.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(kAnthropicKey));
        QVERIFY(!bytes.contains(token));
        // The day's usage sums for the token and model.
        QCOMPARE(s->gateway.catalog.rowCount(QStringLiteral("ai_usage_daily")), 1);
    }

    void geminiStreamsChunksBeforeTheProviderFinishes()
    {
        auto s = setUp();
        QVERIFY(s);
        s->gemini.setSseIntervalMs(300);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:gemini/gemini-2.0*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(client.send(
            post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("gemini/gemini-2.0-flash"), true))));
        const auto head = client.readHead();
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("Content-Type"), QByteArray("text/event-stream"));
        QByteArray all = client.readChunkData(5'000);
        QVERIFY2(all.startsWith("data: {"), all.constData());
        QVERIFY(all.contains("chat.completion.chunk"));
        // The first chunk is here while the provider is still streaming.
        QCOMPARE(s->gemini.streamsCompleted(), 0);
        while (!client.bodyFinished()) {
            const QByteArray more = client.readChunkData(5'000);
            if (more.isEmpty() && !client.bodyFinished())
                QFAIL("the stream stalled");
            all += more;
        }
        QVERIFY(all.endsWith("data: [DONE]\n\n"));
        QString text;
        for (const QByteArray& line : all.split('\n')) {
            if (!line.startsWith("data: {"))
                continue;
            const QJsonObject chunk = QJsonDocument::fromJson(line.mid(6)).object();
            text += chunk.value(QStringLiteral("choices"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("delta"))
                        .toObject()
                        .value(QStringLiteral("content"))
                        .toString();
        }
        QCOMPARE(text, fixtures::text());
        const auto received = s->gemini.requests().first();
        QCOMPARE(received.target, QByteArray("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"));
        QCOMPARE(received.header("x-goog-api-key"), kGeminiKey);
        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.tokensOut, fixtures::completionTokens());
    }

    void scopesDecideWhichModelsATokenMayUse()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:gemini/*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(
            client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("claude/claude-sonnet-4-5")))));
        const auto refused = client.readResponse();
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        QVERIFY(refused->header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
        QVERIFY2(refused->header("WWW-Authenticate").contains("scope=\"ai:claude/claude-sonnet-4-5\""),
            refused->header("WWW-Authenticate").constData());
        QCOMPARE(json(*refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("insufficient_scope"));
        QCOMPARE(s->anthropic.requestCount(), 0);

        // The model list shows only what the token may use.
        QVERIFY(client.send("GET /ai/v1/models HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
        const auto models = client.readResponse();
        QVERIFY(models);
        QCOMPARE(models->status, 200);
        const QJsonArray data = json(*models).value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(
            data.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("gemini/gemini-2.0-flash"));
    }

    void badRequestsGetOpenAiErrorsAndReachNoProvider()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("nobody/some-model")))));
        auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(json(*response).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("model_not_found"));
        QVERIFY(client.send(post("/ai/v1/chat/completions", token, "{\"model\":\"claude/x\"}")));
        response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QCOMPARE(json(*response).value(QStringLiteral("error")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("invalid_request_error"));
        // No token: RFC 6750's bare challenge, as on every route.
        QVERIFY(client.send(post("/ai/v1/chat/completions", QByteArray(), chatBody(QStringLiteral("claude/x")))));
        response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 401);
        QCOMPARE(response->header("WWW-Authenticate"), QByteArray("Bearer realm=\"gatehouse\""));
        QCOMPARE(s->anthropic.requestCount() + s->gemini.requestCount(), 0);
    }

    void anAliasFallsBackWhenTheFirstProviderIsOverloaded()
    {
        auto s = setUp();
        QVERIFY(s);
        QVERIFY(s->aliases->add(QStringLiteral("smart"),
            {{QStringLiteral("claude"), QStringLiteral("claude-sonnet-4-5")},
                {QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash")}}));
        QVERIFY(s->gateway.engine.reload());
        s->anthropic.setErrorStatus(529);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("smart")))));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(content(json(*response)), fixtures::text());
        QCOMPARE(s->anthropic.requestCount(), 1);
        QCOMPARE(s->gemini.requestCount(), 1);
        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.providerName, QStringLiteral("gemini"));

        // With no fallback left, the provider's error arrives in OpenAI's shape.
        s->gemini.setErrorStatus(429);
        QVERIFY(client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("smart")))));
        const auto failed = client.readResponse();
        QVERIFY(failed);
        QCOMPARE(failed->status, 429);
        QVERIFY(json(*failed).value(QStringLiteral("error")).isObject());
    }

    void revocationStopsTheNextCall()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:claude/*")});
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(
            client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("claude/claude-sonnet-4-5")))));
        auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(s->gateway.catalog.tokens.revoke(s->gateway.tokenId(token)));
        QVERIFY(
            client.send(post("/ai/v1/chat/completions", token, chatBody(QStringLiteral("claude/claude-sonnet-4-5")))));
        response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 401);
        QVERIFY(response->header("WWW-Authenticate").contains("error=\"invalid_token\""));
        // The body in OpenAI's error shape, as every error on these routes, so that SDKs show why.
        const QJsonObject error = json(*response).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_token"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("the token was revoked"));
        QCOMPARE(s->anthropic.requestCount(), 1);
    }

    void nativePassthroughTakesTheTokenFromTheSdksKeyHeader()
    {
        auto s = setUp();
        QVERIFY(s);
        const QByteArray token = s->gateway.issueToken({QStringLiteral("ai:claude/*")});
        const QByteArray body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
                                "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
        RawHttpClient client;
        QVERIFY(client.connectTo(s->gateway.port()));
        QVERIFY(client.send("POST /ai/claude/v1/messages HTTP/1.1\r\nHost: gw\r\nx-api-key: " + token
            + "\r\nanthropic-version: 2023-06-01\r\nanthropic-beta: tools-2024-05-16\r\ncontent-type: "
              "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        // Anthropic's own format comes back untouched.
        QCOMPARE(json(*response).value(QStringLiteral("type")).toString(), QStringLiteral("message"));
        const auto received = s->anthropic.requests().first();
        QCOMPARE(received.target, QByteArray("/v1/messages"));
        QCOMPARE(received.header("x-api-key"), kAnthropicKey);
        QCOMPARE(received.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(received.header("anthropic-beta"), QByteArray("tools-2024-05-16"));
        QCOMPARE(received.body, body);
        const auto rows = s->gateway.logRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().event.model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(rows.first().event.tokensIn, fixtures::promptTokens());

        // A token for another provider is refused before anything is sent.
        const QByteArray other = s->gateway.issueToken({QStringLiteral("ai:gemini/*")});
        QVERIFY(client.send("POST /ai/claude/v1/messages HTTP/1.1\r\nHost: gw\r\nx-api-key: " + other
            + "\r\ncontent-type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
            + body));
        const auto refused = client.readResponse();
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        QCOMPARE(s->anthropic.requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGatewayAi)
#include "TestGatewayAi.moc"

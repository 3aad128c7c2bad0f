// ProviderModelsClient against loopback servers answering in each provider's documented format.

#include "core/ai/ProviderModelsClient.h"
#include "tests/support/FixedResponseServer.h"

#include <QTcpServer>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::ai;
using test::FixedResponseServer;

namespace {

const QByteArray kKey = "sk-loopback-SECRET-1234";

} // namespace

class TestProviderModelsClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FixedResponseServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FixedResponseServer>();
        QVERIFY(m_server->start());
    }

    void openAiStyle_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("openai") << int(ProviderType::OpenAi);
        QTest::newRow("mistral") << int(ProviderType::Mistral);
        QTest::newRow("openai-compatible") << int(ProviderType::OpenAiCompatible);
    }
    void openAiStyle()
    {
        QFETCH(int, type);
        m_server->setResponse("/v1/models",
            {200,
                R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,)"
                R"("owned_by":"system"},{"id":"gpt-4o-mini","object":"model","created":1,"owned_by":"system"}]})"});
        ProviderModelsClient client;
        QUrl base = m_server->url();
        base.setPath(QStringLiteral("/v1"));
        auto listing = client.listBlocking(ProviderType(type), base, kKey);
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().message));
        QCOMPARE(listing->models, (QStringList {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")}));
        QVERIFY(listing->latencyMs >= 0);
        const auto request = m_server->requests().last();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.header("authorization"), "Bearer " + kKey);
    }

    void anthropicPages()
    {
        m_server->setResponse("/v1/models?limit=1000",
            {200,
                R"({"data":[{"type":"model","id":"claude-opus-4-1","display_name":"Claude Opus 4.1",)"
                R"("created_at":"2025-08-05T00:00:00Z"}],"has_more":true,"first_id":"claude-opus-4-1",)"
                R"("last_id":"claude-opus-4-1"})"});
        m_server->setResponse("/v1/models?limit=1000&after_id=claude-opus-4-1",
            {200,
                R"({"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5",)"
                R"("created_at":"2025-09-29T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5",)"
                R"("last_id":"claude-sonnet-4-5"})"});
        ProviderModelsClient client;
        auto listing = client.listBlocking(ProviderType::Anthropic, m_server->url(), kKey);
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().message));
        QCOMPARE(
            listing->models, (QStringList {QStringLiteral("claude-opus-4-1"), QStringLiteral("claude-sonnet-4-5")}));
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        for (const auto& request : requests) {
            QCOMPARE(request.header("x-api-key"), kKey);
            QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
            QVERIFY(request.header("authorization").isEmpty());
        }
    }

    void geminiStripsModelsPrefixAndPages()
    {
        m_server->setResponse("/v1beta/models?pageSize=1000",
            {200,
                R"({"models":[{"name":"models/gemini-2.5-flash","version":"001","displayName":"Gemini 2.5 Flash",)"
                R"("supportedGenerationMethods":["generateContent"]}],"nextPageToken":"abc"})"});
        m_server->setResponse("/v1beta/models?pageSize=1000&pageToken=abc",
            {200, R"({"models":[{"name":"models/gemini-2.5-pro","displayName":"Gemini 2.5 Pro"}]})"});
        ProviderModelsClient client;
        auto listing = client.listBlocking(ProviderType::Gemini, m_server->url(), kKey);
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().message));
        QCOMPARE(listing->models, (QStringList {QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro")}));
        QCOMPARE(m_server->requests().first().header("x-goog-api-key"), kKey);
        QVERIFY(!m_server->requests().first().target.contains(kKey)); // never ?key=
    }

    void ollamaTags()
    {
        m_server->setResponse("/api/tags",
            {200,
                R"({"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","modified_at":"2025-10-03T23:34:03Z",)"
                R"("size":4920753328,"digest":"abc","details":{"format":"gguf","family":"llama"}},)"
                R"({"name":"qwen2.5:7b","model":"qwen2.5:7b"}]})"});
        ProviderModelsClient client;
        auto listing = client.listBlocking(ProviderType::Ollama, m_server->url(), QByteArray());
        QVERIFY(listing.ok());
        QCOMPARE(listing->models, (QStringList {QStringLiteral("llama3.1:8b"), QStringLiteral("qwen2.5:7b")}));
        QVERIFY(m_server->requests().first().header("authorization").isEmpty());
    }

    void refusedKeyIsAClearErrorWithoutTheKey()
    {
        // Providers may echo the key they refused; the message must not carry it on.
        m_server->setResponse("/models",
            {401,
                R"({"error":{"message":"Incorrect API key provided: )" + kKey
                    + R"(","type":"invalid_request_error"}})"});
        ProviderModelsClient client;
        auto listing = client.listBlocking(ProviderType::OpenAi, m_server->url(), kKey);
        QVERIFY(!listing.ok());
        QVERIFY2(listing.error().message.contains(QStringLiteral("refused the API key")),
            qPrintable(listing.error().message));
        QVERIFY(listing.error().message.contains(QStringLiteral("401")));
        QVERIFY(!listing.error().message.contains(QString::fromLatin1(kKey)));
    }

    void otherFailures()
    {
        ProviderModelsClient client;
        m_server->setResponse("/models", {200, "<html>not json</html>", "text/html"});
        auto badJson = client.listBlocking(ProviderType::OpenAi, m_server->url(), kKey);
        QVERIFY(!badJson.ok());
        QVERIFY(badJson.error().message.contains(QStringLiteral("JSON")));

        m_server->setResponse("/models", {200, R"({"object":"list"})"});
        QVERIFY(client.listBlocking(ProviderType::OpenAi, m_server->url(), kKey)
                    .error()
                    .message.contains(QStringLiteral("\"data\"")));

        m_server->setResponse("/models", {503, R"({"error":{"message":"overloaded"}})"});
        auto unavailable = client.listBlocking(ProviderType::OpenAi, m_server->url(), kKey);
        QVERIFY(unavailable.error().message.contains(QStringLiteral("HTTP 503")));
        QVERIFY(unavailable.error().message.contains(QStringLiteral("overloaded")));

        m_server->setResponse("/models", {302, "", "text/plain", {{"Location", "http://elsewhere.example/models"}}});
        auto redirected = client.listBlocking(ProviderType::OpenAi, m_server->url(), kKey);
        QVERIFY(redirected.error().message.contains(QStringLiteral("elsewhere.example")));
        QCOMPARE(m_server->requests().size(), 4); // the redirect was not followed

        // Nothing listens on a port we just closed.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        auto unreachable
            = client.listBlocking(ProviderType::OpenAi, QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)), kKey);
        QVERIFY(!unreachable.ok());
        QVERIFY2(unreachable.error().message.contains(QStringLiteral("cannot reach")),
            qPrintable(unreachable.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProviderModelsClient)
#include "TestProviderModelsClient.moc"

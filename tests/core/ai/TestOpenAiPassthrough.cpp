#include "core/ai/OpenAiPassthrough.h"
#include "tests/core/ai/TranslatorFeeding.h"
#include "tests/support/upstreams/ProviderFixtures.h"

#include <QJsonArray>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
namespace Fixtures = gatehouse::test::ProviderFixtures;
using TranslatorFeeding::Split;

namespace {

ChatRequest request(const QByteArray& body)
{
    auto parsed = ChatRequest::parse(body);
    if (!parsed)
        qFatal("fixture request refused: %s", qPrintable(parsed.error().toString()));
    return std::move(parsed).value();
}

const AiTarget openAi {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), "sk-secret", "/v1"};

QByteArray header(const UpstreamRequest& upstream, QByteArrayView name)
{
    for (const auto& [key, value] : upstream.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestOpenAiPassthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rewritesOnlyTheModel()
    {
        const QByteArray body
            = R"({"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"temperature":0.2, "response_format":{"type":"json_object"},"seed":7,"tools":[{"type":"function","function":{"name":"f"}}]})";
        auto upstream = OpenAiPassthrough().buildUpstreamRequest(request(body), openAi);
        QVERIFY(upstream.ok());
        QCOMPARE(upstream->path, QByteArray("/v1/chat/completions"));
        QCOMPARE(header(*upstream, "authorization"), QByteArray("Bearer sk-secret"));
        QJsonObject expected = QJsonDocument::fromJson(body).object();
        expected.insert(QStringLiteral("model"), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(QJsonDocument::fromJson(upstream->body).object(), expected);
    }

    void asksStreamsForUsageAndLeavesKeylessServersKeyless()
    {
        auto upstream = OpenAiPassthrough().buildUpstreamRequest(
            request(
                R"({"model":"ollama/llama3","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"other":1}})"),
            AiTarget {QStringLiteral("ollama"), QStringLiteral("llama3.2"), QByteArray(), "/v1"});
        const QJsonObject body = QJsonDocument::fromJson(upstream->body).object();
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject(),
            (QJsonObject {{QStringLiteral("other"), 1}, {QStringLiteral("include_usage"), true}}));
        QVERIFY(header(*upstream, "authorization").isEmpty());
        // Mistral refuses unknown fields, so it gets none.
        auto mistral
            = AiAdapter::forProviderType(u"mistral")
                  ->buildUpstreamRequest(
                      request(R"({"model":"mistral/x","messages":[{"role":"user","content":"Hi"}],"stream":true})"),
                      openAi);
        QVERIFY(!QJsonDocument::fromJson(mistral->body).object().contains(QStringLiteral("stream_options")));
    }

    void factoryKnowsEveryProviderType()
    {
        for (const char* type : {"openai", "mistral", "ollama", "openai-compatible", "anthropic", "gemini"})
            QVERIFY2(AiAdapter::forProviderType(QString::fromLatin1(type)) != nullptr, type);
        QVERIFY(AiAdapter::forProviderType(u"cohere") == nullptr);
    }

    void passesAWholeResponseThroughAndReadsUsage()
    {
        auto translator = OpenAiPassthrough().translator(
            request(R"({"model":"o/m","messages":[{"role":"user","content":"Hi"}]})"), openAi, 200);
        QVERIFY(!translator->isStreaming());
        const QByteArray body = Fixtures::openAiCompletion(Fixtures::Scenario::ToolCall);
        const QByteArray out = TranslatorFeeding::feed(*translator, body, Split::Random);
        QCOMPARE(out, body); // byte for byte
        QCOMPARE(translator->usage().promptTokens, Fixtures::promptTokens());
        QCOMPARE(translator->usage().completionTokens, Fixtures::completionTokens());
        QVERIFY(!translator->isError());
    }

    void dropsTheUsageChunkTheClientDidNotAskFor()
    {
        const QByteArray upstream = Fixtures::joined(Fixtures::openAiStream(Fixtures::Scenario::Text, true));
        auto translator = OpenAiPassthrough().translator(
            request(R"({"model":"o/m","messages":[{"role":"user","content":"Hi"}],"stream":true})"), openAi, 200);
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, upstream, Split::ByteByByte));
        QVERIFY(stream.wellFormed && stream.done);
        for (const QJsonObject& chunk : stream.chunks)
            QVERIFY(!chunk.value(QStringLiteral("choices")).toArray().isEmpty());
        QCOMPARE(stream.chunks.size(), Fixtures::openAiStream(Fixtures::Scenario::Text, true).size() - 2);
        QCOMPARE(translator->usage().completionTokens, Fixtures::completionTokens()); // read all the same
        QVERIFY(translator->usage().reported);
    }

    void keepsTheUsageChunkWhenTheClientAsked()
    {
        const QByteArray upstream = Fixtures::joined(Fixtures::openAiStream(Fixtures::Scenario::ToolCall, true));
        auto translator = OpenAiPassthrough().translator(
            request(
                R"({"model":"o/m","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}})"),
            openAi, 200);
        const QByteArray out = TranslatorFeeding::feed(*translator, upstream, Split::Random, 11);
        QCOMPARE(out, upstream); // the fixture is framed as the translator frames: nothing changes at all
        QCOMPARE(translator->usage().promptTokens, Fixtures::promptTokens());
    }

    void aStreamWithoutDoneWasCutOff()
    {
        QList<QByteArray> events = Fixtures::openAiStream(Fixtures::Scenario::Text, true);
        events.removeLast(); // [DONE]
        events.removeLast(); // usage
        auto translator = OpenAiPassthrough().translator(
            request(R"({"model":"o/m","messages":[{"role":"user","content":"Hi"}],"stream":true})"), openAi, 200);
        const auto stream
            = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, Fixtures::joined(events), Split::Random));
        QVERIFY(stream.wellFormed && stream.done);
        QCOMPARE(
            stream.chunks.last().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("stream_truncated"));
        QVERIFY(translator->isError());
        QVERIFY(!translator->usage().reported);
    }

    void mapsErrors_data()
    {
        QTest::addColumn<int>("upstream");
        QTest::addColumn<int>("client");
        QTest::newRow("401") << 401 << 502;
        QTest::newRow("429") << 429 << 429;
        QTest::newRow("500") << 500 << 502;
    }
    void mapsErrors()
    {
        QFETCH(int, upstream);
        QFETCH(int, client);
        auto translator = OpenAiPassthrough().translator(
            request(R"({"model":"o/m","messages":[{"role":"user","content":"Hi"}],"stream":true})"), openAi, upstream);
        QVERIFY(!translator->isStreaming());
        const QJsonObject error = QJsonDocument::fromJson(
            TranslatorFeeding::feed(*translator, Fixtures::openAiError(upstream), Split::Whole))
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(translator->clientStatus(), client);
        QVERIFY(translator->isError());
        const QString upstreamMessage = QJsonDocument::fromJson(Fixtures::openAiError(upstream))
                                            .object()
                                            .value(QStringLiteral("error"))
                                            .toObject()
                                            .value(QStringLiteral("message"))
                                            .toString();
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(upstreamMessage));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiPassthrough)
#include "TestOpenAiPassthrough.moc"

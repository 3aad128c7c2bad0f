#include "core/ai/AiAdapter.h"
#include "tests/support/upstreams/ProviderUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

struct Exchange
{
    QByteArray clientBytes; // what the translator produced for the client
    std::unique_ptr<ResponseTranslator> translator;
    bool firstOutputBeforeUpstreamFinished = false;
};

// Sends the translated request to the fixture upstream over a real socket and feeds the answer, as it arrives,
// through the translator: what the gateway will do.
Exchange roundTrip(ProviderUpstream& upstream, QStringView type, const QByteArray& clientBody, const QByteArray& key)
{
    Exchange exchange;
    auto request = ChatRequest::parse(clientBody);
    Q_ASSERT(request.ok());
    auto adapter = AiAdapter::forProviderType(type);
    const AiTarget target {
        type.toString(), QStringLiteral("test-model"), key, type == u"openai" ? QByteArray("/v1") : QByteArray()};
    auto built = adapter->buildUpstreamRequest(*request, target);
    Q_ASSERT(built.ok());
    RawHttpClient client;
    if (!client.connectTo(upstream.port()))
        return exchange;
    QByteArray wire = built->method + ' ' + built->path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : built->headers)
        wire += name + ": " + value + "\r\n";
    wire += "Content-Length: " + QByteArray::number(built->body.size()) + "\r\n\r\n" + built->body;
    client.send(wire);
    const auto head = client.readHead();
    if (!head)
        return exchange;
    exchange.translator = adapter->translator(*request, target, head->status);
    while (true) {
        const QByteArray data = client.readChunkData();
        if (data.isEmpty())
            break;
        const QByteArray out = exchange.translator->feed(data);
        if (!out.isEmpty() && exchange.clientBytes.isEmpty())
            exchange.firstOutputBeforeUpstreamFinished = upstream.streamsCompleted() == 0;
        exchange.clientBytes += out;
    }
    exchange.clientBytes += client.bodyComplete() ? exchange.translator->finish()
                                                  : exchange.translator->fail(QStringLiteral("connection reset"));
    return exchange;
}

QString streamedContent(const QByteArray& sse, bool* done)
{
    QString content;
    *done = false;
    for (const QByteArray& line : sse.split('\n')) {
        if (line == "data: [DONE]")
            *done = true;
        else if (line.startsWith("data: "))
            content += QJsonDocument::fromJson(line.sliced(6))
                           .object()
                           .value(QStringLiteral("choices"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("delta"))
                           .toObject()
                           .value(QStringLiteral("content"))
                           .toString();
    }
    return content;
}

const QByteArray streamBody = R"({"model":"p/m","messages":[{"role":"user","content":"Hi"}],"stream":true})";
const QByteArray wholeBody = R"({"model":"p/m","messages":[{"role":"user","content":"Hi"}]})";

} // namespace

class TestProviderUpstream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_upstream = std::make_unique<ProviderUpstream>();
        QVERIFY(m_upstream->start());
    }
    void cleanup() { m_upstream.reset(); }

    void everyFormatRoundTripsWhole_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("keyHeader");
        QTest::addColumn<QByteArray>("keyValue");
        QTest::newRow("anthropic") << QStringLiteral("anthropic") << QByteArray("x-api-key") << QByteArray("sk-ant-1");
        QTest::newRow("gemini") << QStringLiteral("gemini") << QByteArray("x-goog-api-key") << QByteArray("AIza-1");
        QTest::newRow("openai") << QStringLiteral("openai") << QByteArray("authorization") << QByteArray("Bearer sk-1");
    }
    void everyFormatRoundTripsWhole()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, keyHeader);
        QFETCH(QByteArray, keyValue);
        const QByteArray key = keyValue.startsWith("Bearer ") ? keyValue.sliced(7) : keyValue;
        Exchange exchange = roundTrip(*m_upstream, type, wholeBody, key);
        QVERIFY(exchange.translator);
        const QJsonObject completion = QJsonDocument::fromJson(exchange.clientBytes).object();
        QCOMPARE(completion.value(QStringLiteral("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("content"))
                     .toString(),
            ProviderFixtures::text());
        QCOMPARE(exchange.translator->usage().promptTokens, ProviderFixtures::promptTokens());
        QCOMPARE(exchange.translator->usage().completionTokens, ProviderFixtures::completionTokens());
        const auto received = m_upstream->requests();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received[0].header(keyHeader), keyValue);
        QVERIFY(!received[0].target.contains("key="));
        QCOMPARE(QJsonDocument::fromJson(received[0].body).object().value(QStringLiteral("model")).toString(),
            type == u"gemini" ? QString() : QStringLiteral("test-model")); // Gemini names the model in the path
    }

    void everyFormatStreamsEventByEvent_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("anthropic") << QStringLiteral("anthropic");
        QTest::newRow("gemini") << QStringLiteral("gemini");
        QTest::newRow("openai") << QStringLiteral("openai");
    }
    void everyFormatStreamsEventByEvent()
    {
        QFETCH(QString, type);
        m_upstream->setSseIntervalMs(40);
        Exchange exchange = roundTrip(*m_upstream, type, streamBody, "k");
        QVERIFY(exchange.translator && exchange.translator->isStreaming());
        QVERIFY(exchange.firstOutputBeforeUpstreamFinished);
        bool done = false;
        QCOMPARE(streamedContent(exchange.clientBytes, &done), ProviderFixtures::text());
        QVERIFY(done);
        QVERIFY(!exchange.translator->isError());
        QCOMPARE(exchange.translator->usage().completionTokens, ProviderFixtures::completionTokens());
        QCOMPARE(m_upstream->streamsCompleted(), 1);
        const QByteArray target = m_upstream->requests().at(0).target;
        if (type == u"gemini")
            QCOMPARE(target, QByteArray("/v1beta/models/test-model:streamGenerateContent?alt=sse"));
        if (type == u"openai") // the gateway asked for usage, and the client, who did not, gets no usage chunk
            QVERIFY(!exchange.clientBytes.contains("\"choices\":[]"));
    }

    void errorsAnswerInEachFormat_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<int>("clientStatus");
        QTest::newRow("anthropic 529") << QStringLiteral("anthropic") << 529 << 503;
        QTest::newRow("anthropic 401") << QStringLiteral("anthropic") << 401 << 502;
        QTest::newRow("gemini 429") << QStringLiteral("gemini") << 429 << 429;
        QTest::newRow("openai 500") << QStringLiteral("openai") << 500 << 502;
    }
    void errorsAnswerInEachFormat()
    {
        QFETCH(QString, type);
        QFETCH(int, upstreamStatus);
        QFETCH(int, clientStatus);
        m_upstream->setErrorStatus(upstreamStatus);
        Exchange exchange = roundTrip(*m_upstream, type, streamBody, "k");
        QVERIFY(exchange.translator);
        QCOMPARE(exchange.translator->clientStatus(), clientStatus);
        QVERIFY(exchange.translator->isError());
        QVERIFY(QJsonDocument::fromJson(exchange.clientBytes).object().value(QStringLiteral("error")).isObject());
    }

    void aMidStreamFailureEndsTheClientStreamWithAnError()
    {
        m_upstream->setMidStreamFailure(true);
        m_upstream->setSseIntervalMs(5);
        Exchange exchange = roundTrip(*m_upstream, u"anthropic", streamBody, "k");
        QVERIFY(exchange.translator);
        QVERIFY(exchange.translator->isError());
        QVERIFY(exchange.clientBytes.endsWith("data: [DONE]\n\n"));
        QVERIFY(exchange.clientBytes.contains("\"error\""));
        QCOMPARE(m_upstream->streamsCompleted(), 0);
    }

    void toolCallsRoundTrip()
    {
        m_upstream->setScenario(ProviderFixtures::Scenario::ToolCall);
        for (const QString& type : {QStringLiteral("anthropic"), QStringLiteral("gemini"), QStringLiteral("openai")}) {
            Exchange exchange = roundTrip(*m_upstream, type, wholeBody, "k");
            const QJsonObject call = QJsonDocument::fromJson(exchange.clientBytes)
                                         .object()
                                         .value(QStringLiteral("choices"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("message"))
                                         .toObject()
                                         .value(QStringLiteral("tool_calls"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
            QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
                ProviderFixtures::toolName());
            QCOMPARE(QJsonDocument::fromJson(call.value(QStringLiteral("function"))
                                                 .toObject()
                                                 .value(QStringLiteral("arguments"))
                                                 .toString()
                                                 .toUtf8())
                         .object(),
                ProviderFixtures::toolArguments());
        }
    }

    void listsModels()
    {
        const auto response = RawHttpClient::request(m_upstream->port(), "GET", "/v1/models");
        QCOMPARE(response.status, 200);
        QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("data")).toArray().size(), 2);
    }

private:
    std::unique_ptr<ProviderUpstream> m_upstream;
};

QTEST_GUILESS_MAIN(TestProviderUpstream)
#include "TestProviderUpstream.moc"

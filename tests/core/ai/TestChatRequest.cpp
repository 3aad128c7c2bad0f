#include "core/ai/ChatRequest.h"
#include "core/ai/OpenAiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gatehouse::ChatRequest;

class TestChatRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAMinimalRequest()
    {
        const auto request
            = ChatRequest::parse(R"({"model":"anthropic/claude","messages":[{"role":"user","content":"Hi"}]})");
        QVERIFY(request.ok());
        QCOMPARE(request->model(), QStringLiteral("anthropic/claude"));
        QCOMPARE(request->messages().size(), 1);
        QVERIFY(!request->stream());
        QVERIFY(!request->includeUsage());
        QVERIFY(!request->maxTokens());
        QVERIFY(request->stopSequences().isEmpty());
    }

    void readsStreamingUsageLimitsAndStops()
    {
        const auto request = ChatRequest::parse(
            R"({"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true, "stream_options":{"include_usage":true},"max_tokens":50,"max_completion_tokens":70,"stop":"END"})");
        QVERIFY(request.ok());
        QVERIFY(request->stream());
        QVERIFY(request->includeUsage());
        QCOMPARE(request->maxTokens().value(), 70); // max_completion_tokens wins over the older max_tokens
        QCOMPARE(request->stopSequences(), QStringList {QStringLiteral("END")});
        const auto list
            = ChatRequest::parse(R"({"model":"m","messages":[{"role":"user","content":"Hi"}],"stop":["a","b"]})");
        QCOMPARE(list->stopSequences(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    }

    void refusesBadRequestsNamingTheParam_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        QTest::newRow("not json") << QByteArray("{\"model\":") << QString();
        QTest::newRow("array") << QByteArray("[]") << QString();
        QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"x"}]})")
                                  << QStringLiteral("model");
        QTest::newRow("empty model") << QByteArray(R"({"model":"","messages":[{"role":"user","content":"x"}]})")
                                     << QStringLiteral("model");
        QTest::newRow("no messages") << QByteArray(R"({"model":"m"})") << QStringLiteral("messages");
        QTest::newRow("empty messages") << QByteArray(R"({"model":"m","messages":[]})") << QStringLiteral("messages");
        QTest::newRow("no role") << QByteArray(R"({"model":"m","messages":[{"content":"x"}]})")
                                 << QStringLiteral("messages[0].role");
        QTest::newRow("unknown role") << QByteArray(R"({"model":"m","messages":[{"role":"robot","content":"x"}]})")
                                      << QStringLiteral("messages[0].role");
        QTest::newRow("user without content")
            << QByteArray(R"({"model":"m","messages":[{"role":"user"}]})") << QStringLiteral("messages[0].content");
        QTest::newRow("tool without id") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"},{"role":"tool","content":"r"}]})")
                                         << QStringLiteral("messages[1].tool_call_id");
        QTest::newRow("unknown part") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"input_audio"}]}]})")
                                      << QStringLiteral("messages[0].content[0].type");
        QTest::newRow("image without url") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]})")
                                           << QStringLiteral("messages[0].content[0].image_url.url");
        QTest::newRow("tool call without name")
            << QByteArray(R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{}}]}]})")
            << QStringLiteral("messages[0].tool_calls[0].function.name");
        QTest::newRow("stream not bool") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"})")
                                         << QStringLiteral("stream");
        QTest::newRow("max_tokens zero") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":0})")
                                         << QStringLiteral("max_tokens");
        QTest::newRow("max_tokens beyond 64 bits") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":6777777777777777777777777777777774})")
                                                   << QStringLiteral("max_tokens");
        QTest::newRow("max_tokens fraction")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"max_completion_tokens":1.5})")
            << QStringLiteral("max_completion_tokens");
        QTest::newRow("temperature text")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"temperature":"hot"})")
            << QStringLiteral("temperature");
        QTest::newRow("stop number") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"stop":[1]})")
                                     << QStringLiteral("stop");
        QTest::newRow("tool type") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"web"}]})")
                                   << QStringLiteral("tools[0].type");
        QTest::newRow("tool choice") << QByteArray(
            R"({"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":"always"})")
                                     << QStringLiteral("tool_choice");
    }
    void refusesBadRequestsNamingTheParam()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        const auto request = ChatRequest::parse(body);
        QVERIFY(!request.ok());
        QCOMPARE(request.error().kind, gatehouse::Error::Kind::InvalidInput);
        QCOMPARE(request.error().field, param);
        QVERIFY(!request.error().message.isEmpty());
    }

    void errorsBecomeOpenAiInvalidRequestBodies()
    {
        const auto request = ChatRequest::parse(R"({"messages":[]})");
        const QJsonObject error = QJsonDocument::fromJson(gatehouse::OpenAiError::invalidRequest(request.error()))
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
        QCOMPARE(error.value(QStringLiteral("param")).toString(), QStringLiteral("model"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("required")));
        QVERIFY(error.contains(QStringLiteral("code")) && error.value(QStringLiteral("code")).isNull());
    }

    void contentTextJoinsTextParts()
    {
        const QJsonDocument parts = QJsonDocument::fromJson(
            R"([{"type":"text","text":"a"},{"type":"image_url","image_url":"x"},{"type":"text","text":"b"}])");
        QCOMPARE(ChatRequest::contentText(parts.array()), QStringLiteral("a\nb"));
        QCOMPARE(ChatRequest::contentText(QJsonValue(QStringLiteral("plain"))), QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestChatRequest)
#include "TestChatRequest.moc"

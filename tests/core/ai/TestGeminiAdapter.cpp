#include "core/ai/GeminiAdapter.h"
#include "tests/support/upstreams/ProviderFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;
namespace Fixtures = gatehouse::test::ProviderFixtures;

namespace {

ChatRequest request(const QByteArray& body)
{
    auto parsed = ChatRequest::parse(body);
    if (!parsed)
        qFatal("fixture request refused: %s", qPrintable(parsed.error().toString()));
    return std::move(parsed).value();
}

QJsonObject translate(const QByteArray& body)
{
    auto translated = GeminiAdapter::toGenerateContentRequest(request(body));
    if (!translated)
        qFatal("translation refused: %s", qPrintable(translated.error().toString()));
    return *translated;
}

QJsonValue json(const char* text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

std::unique_ptr<ResponseTranslator> wholeTranslator(int status)
{
    return GeminiAdapter().translator(
        request(R"({"model":"gemini/gemini-2.0-flash","messages":[{"role":"user","content":"Hi"}]})"),
        AiTarget {QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"), "AIza-test", ""}, status);
}

QJsonObject translateResponse(int status, const QByteArray& body)
{
    auto translator = wholeTranslator(status);
    translator->feed(body);
    return QJsonDocument::fromJson(translator->finish()).object();
}

} // namespace

class TestGeminiAdapter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheUpstreamRequestWithTheKeyInAHeader()
    {
        GeminiAdapter adapter;
        const AiTarget target {QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"), "AIza-secret", ""};
        auto whole = adapter.buildUpstreamRequest(
            request(R"({"model":"g/x","messages":[{"role":"user","content":"Hi"}]})"), target);
        QVERIFY(whole.ok());
        QCOMPARE(whole->path, QByteArray("/v1beta/models/gemini-2.0-flash:generateContent"));
        auto streamed = adapter.buildUpstreamRequest(
            request(R"({"model":"g/x","messages":[{"role":"user","content":"Hi"}],"stream":true})"), target);
        QCOMPARE(streamed->path, QByteArray("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"));
        QVERIFY(!streamed->path.contains("key="));
        bool keyHeader = false;
        for (const auto& [name, value] : streamed->headers) {
            if (name == "x-goog-api-key")
                keyHeader = value == "AIza-secret";
        }
        QVERIFY(keyHeader);
        QVERIFY(!streamed->body.contains("AIza-secret"));
        QCOMPARE(GeminiAdapter::path(QStringLiteral("models/gemini-1.5-pro"), false),
            QByteArray("/v1beta/models/gemini-1.5-pro:generateContent"));
    }

    void translatesRolesSystemAndGenerationConfig()
    {
        const QJsonObject body = translate(
            R"({"model":"m","messages":[ {"role":"system","content":"Be brief."}, {"role":"user","content":"Hi"}, {"role":"assistant","content":"Hello!"}, {"role":"user","content":[{"type":"text","text":"And?"}]}], "max_tokens":100,"temperature":1.5,"top_p":0.8,"stop":["x","y"]})");
        QCOMPARE(body.value(QStringLiteral("systemInstruction")), json(R"({"parts":[{"text":"Be brief."}]})"));
        const char* expected1
            = R"([{"role":"user","parts":[{"text":"Hi"}]}, {"role":"model","parts":[{"text":"Hello!"}]},{"role":"user","parts":[{"text":"And?"}]}])";
        QCOMPARE(body.value(QStringLiteral("contents")), json(expected1));
        QCOMPARE(body.value(QStringLiteral("generationConfig")),
            json(R"({"maxOutputTokens":100,"temperature":1.5,"topP":0.8,"stopSequences":["x","y"]})"));
        QVERIFY(!translate(R"({"model":"m","messages":[{"role":"user","content":"Hi"}]})")
                     .contains(QStringLiteral("generationConfig")));
    }

    void translatesImages()
    {
        const QJsonObject body = translate(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[ {\"type\":\"text\",\"text\":\"Compare\"}, "
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64,/9j/4AAQ\"}}, "
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https:\\/\\/example.com/cat.png\"}}]}]}");
        const char* expected2
            = "[{\"role\":\"user\",\"parts\":[{\"text\":\"Compare\"}, "
              "{\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"/9j/4AAQ\"}}, "
              "{\"fileData\":{\"mimeType\":\"image/png\",\"fileUri\":\"https:\\/\\/example.com/cat.png\"}}]}]";
        QCOMPARE(body.value(QStringLiteral("contents")), json(expected2));
    }

    void translatesFunctionCallsToolsAndChoice()
    {
        const QJsonObject body = translate(
            "{\"model\":\"m\",\"messages\":[ {\"role\":\"user\",\"content\":\"Weather?\"}, "
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_0\",\"type\":\"function\","
            "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Boston\\\"}\"}}]}, "
            "{\"role\":\"tool\",\"tool_call_id\":\"call_0\",\"content\":\"{\\\"temperature\\\":21}\"}, "
            "{\"role\":\"tool\",\"tool_call_id\":\"call_0\",\"content\":\"sunny\"}], "
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"d\", "
            "\"parameters\":{\"$schema\":\"http:\\/\\/json-schema.org/draft-07/"
            "schema#\",\"type\":\"object\",\"additionalProperties\":false, "
            "\"properties\":{\"location\":{\"type\":\"string\"}}}}}], "
            "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}}");
        const char* expected3
            = R"([{"role":"user","parts":[{"text":"Weather?"}]}, {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"location":"Boston"}}}]}, {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"temperature":21}}}, {"functionResponse":{"name":"get_weather","response":{"content":"sunny"}}}]}])";
        QCOMPARE(body.value(QStringLiteral("contents")), json(expected3));
        const char* expected4
            = R"([{"functionDeclarations":[{"name":"get_weather","description":"d", "parameters":{"type":"object","properties":{"location":{"type":"string"}}}}]}])";
        QCOMPARE(body.value(QStringLiteral("tools")), json(expected4));
        QCOMPARE(body.value(QStringLiteral("toolConfig")),
            json(R"({"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["get_weather"]}})"));
        for (const auto& [choice, mode] :
            {std::pair {"none", "NONE"}, std::pair {"auto", "AUTO"}, std::pair {"required", "ANY"}}) {
            const QJsonObject chosen = translate(
                QByteArray(
                    R"({"model":"m","messages":[{"role":"user","content":"x"}], "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":")")
                + choice + "\"}");
            QCOMPARE(chosen.value(QStringLiteral("toolConfig"))
                         .toObject()
                         .value(QStringLiteral("functionCallingConfig"))
                         .toObject()
                         .value(QStringLiteral("mode"))
                         .toString(),
                QString::fromLatin1(mode));
        }
    }

    void refusesAToolResultWithoutItsCall()
    {
        auto result = GeminiAdapter::toGenerateContentRequest(request(
            R"({"model":"m","messages":[{"role":"user","content":"x"}, {"role":"tool","tool_call_id":"nope","content":"r"}]})"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, QStringLiteral("messages[1].tool_call_id"));
    }

    void translatesTextAndFunctionCallResponses()
    {
        const QJsonObject text = translateResponse(200, Fixtures::geminiResponse(Fixtures::Scenario::Text));
        QCOMPARE(text.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(text.value(QStringLiteral("model")).toString(), QStringLiteral("gemini-2.0-flash"));
        const QJsonObject textChoice = text.value(QStringLiteral("choices")).toArray().at(0).toObject();
        QCOMPARE(textChoice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString(),
            Fixtures::text());
        QCOMPARE(textChoice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        QCOMPARE(text.value(QStringLiteral("usage")),
            json(R"({"prompt_tokens":25,"completion_tokens":15,"total_tokens":40})"));

        const QJsonObject tool = translateResponse(200, Fixtures::geminiResponse(Fixtures::Scenario::ToolCall));
        const QJsonObject toolChoice = tool.value(QStringLiteral("choices")).toArray().at(0).toObject();
        QCOMPARE(toolChoice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));
        const QJsonObject message = toolChoice.value(QStringLiteral("message")).toObject();
        QVERIFY(message.value(QStringLiteral("content")).isNull());
        const QJsonObject call = message.value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QStringLiteral("id")).toString(), QStringLiteral("call_0"));
        QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
            Fixtures::toolName());
        QCOMPARE(QJsonDocument::fromJson(call.value(QStringLiteral("function"))
                                             .toObject()
                                             .value(QStringLiteral("arguments"))
                                             .toString()
                                             .toUtf8())
                     .object(),
            Fixtures::toolArguments());

        const QJsonObject limited = translateResponse(200, Fixtures::geminiResponse(Fixtures::Scenario::MaxTokens));
        QCOMPARE(limited.value(QStringLiteral("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("finish_reason"))
                     .toString(),
            QStringLiteral("length"));
    }

    void mapsFinishReasons()
    {
        QCOMPARE(GeminiAdapter::finishReason(QStringLiteral("STOP"), false), QStringLiteral("stop"));
        QCOMPARE(GeminiAdapter::finishReason(QStringLiteral("STOP"), true), QStringLiteral("tool_calls"));
        QCOMPARE(GeminiAdapter::finishReason(QStringLiteral("MAX_TOKENS"), false), QStringLiteral("length"));
        QCOMPARE(GeminiAdapter::finishReason(QStringLiteral("SAFETY"), false), QStringLiteral("content_filter"));
        QCOMPARE(GeminiAdapter::finishReason(QStringLiteral("RECITATION"), false), QStringLiteral("content_filter"));
        const QJsonObject blocked = translateResponse(
            200, R"({"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":4}})");
        QCOMPARE(blocked.value(QStringLiteral("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("finish_reason"))
                     .toString(),
            QStringLiteral("content_filter"));
    }

    void mapsErrors_data()
    {
        QTest::addColumn<int>("upstream");
        QTest::addColumn<bool>("keyInvalid");
        QTest::addColumn<int>("client");
        QTest::addColumn<QString>("code");
        QTest::newRow("400") << 400 << false << 400 << QStringLiteral("INVALID_ARGUMENT");
        QTest::newRow("400 bad key") << 400 << true << 502 << QStringLiteral("INVALID_ARGUMENT");
        QTest::newRow("429") << 429 << false << 429 << QStringLiteral("RESOURCE_EXHAUSTED");
        QTest::newRow("500") << 500 << false << 502 << QStringLiteral("INTERNAL");
        QTest::newRow("503") << 503 << false << 503 << QStringLiteral("UNAVAILABLE");
    }
    void mapsErrors()
    {
        QFETCH(int, upstream);
        QFETCH(bool, keyInvalid);
        QFETCH(int, client);
        QFETCH(QString, code);
        auto translator = wholeTranslator(upstream);
        translator->feed(Fixtures::geminiError(upstream, keyInvalid));
        const QJsonObject error
            = QJsonDocument::fromJson(translator->finish()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(translator->clientStatus(), client);
        QVERIFY(translator->isError());
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGeminiAdapter)
#include "TestGeminiAdapter.moc"

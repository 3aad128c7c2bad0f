#include "core/ai/AnthropicAdapter.h"
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
    auto translated = AnthropicAdapter::toMessagesRequest(request(body), QStringLiteral("claude-sonnet-4-20250514"));
    if (!translated)
        qFatal("translation refused: %s", qPrintable(translated.error().toString()));
    return *translated;
}

QJsonValue json(const char* text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QJsonObject translateResponse(int status, const QByteArray& body, ResponseTranslator** keep = nullptr)
{
    Q_UNUSED(keep);
    AnthropicAdapter adapter;
    const AiTarget target {QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-20250514"), "sk-ant-test", ""};
    auto translator
        = adapter.translator(request(R"({"model":"a/c","messages":[{"role":"user","content":"Hi"}]})"), target, status);
    Q_ASSERT(!translator->isStreaming());
    QByteArray out = translator->feed(body.first(body.size() / 2));
    out += translator->feed(body.sliced(body.size() / 2));
    out += translator->finish();
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestAnthropicAdapter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheUpstreamRequest()
    {
        AnthropicAdapter adapter;
        const AiTarget target {
            QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-20250514"), "sk-ant-secret", ""};
        auto upstream = adapter.buildUpstreamRequest(
            request(
                R"({"model":"anthropic/claude-sonnet-4-20250514","messages":[{"role":"user","content":"Hi"}],"stream":true})"),
            target);
        QVERIFY(upstream.ok());
        QCOMPARE(upstream->method, QByteArray("POST"));
        QCOMPARE(upstream->path, QByteArray("/v1/messages"));
        auto header = [&](const char* name) {
            for (const auto& [key, value] : upstream->headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return QByteArray();
        };
        QCOMPARE(header("x-api-key"), QByteArray("sk-ant-secret"));
        QCOMPARE(header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(header("content-type"), QByteArray("application/json"));
        QVERIFY(header("authorization").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(upstream->body).object();
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-20250514"));
        QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
        // A base URL with a path keeps it.
        auto prefixed
            = adapter.buildUpstreamRequest(request(R"({"model":"x","messages":[{"role":"user","content":"Hi"}]})"),
                AiTarget {QString(), QStringLiteral("c"), "k", "/proxy"});
        QCOMPARE(prefixed->path, QByteArray("/proxy/v1/messages"));
    }

    void joinsSystemMessagesAndDefaultsMaxTokens()
    {
        const QJsonObject body = translate(
            R"({"model":"m","messages":[ {"role":"system","content":"You are terse."}, {"role":"developer","content":[{"type":"text","text":"Answer in German."}]}, {"role":"user","content":"Hi"}]})");
        QCOMPARE(
            body.value(QStringLiteral("system")).toString(), QStringLiteral("You are terse.\n\nAnswer in German."));
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInteger(), AnthropicAdapter::DefaultMaxTokens);
        QCOMPARE(body.value(QStringLiteral("messages")),
            json(R"([{"role":"user","content":[{"type":"text","text":"Hi"}]}])"));
        QVERIFY(!body.contains(QStringLiteral("stream")));
    }

    void mapsSamplingStopsAndLimits()
    {
        const QJsonObject body = translate(
            R"({"model":"m","messages":[{"role":"user","content":"Hi"}], "max_completion_tokens":300,"temperature":1.6,"top_p":0.9,"stop":"END","user":"u-42"})");
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInteger(), 300);
        QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(), 1.0); // clamped to Anthropic's range
        QCOMPARE(body.value(QStringLiteral("top_p")).toDouble(), 0.9);
        QCOMPARE(body.value(QStringLiteral("stop_sequences")), json(R"(["END"])"));
        QCOMPARE(body.value(QStringLiteral("metadata")), json(R"({"user_id":"u-42"})"));
        const QJsonObject list
            = translate(R"({"model":"m","messages":[{"role":"user","content":"Hi"}],"stop":["a","b"],"max_tokens":5})");
        QCOMPARE(list.value(QStringLiteral("stop_sequences")), json(R"(["a","b"])"));
        QCOMPARE(list.value(QStringLiteral("max_tokens")).toInteger(), 5);
    }

    void translatesImages()
    {
        const QJsonObject body = translate(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[ {\"type\":\"text\",\"text\":\"What is "
            "this?\"}, {\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}, "
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https:\\/\\/upload.wikimedia.org/"
            "ant.jpg\",\"detail\":\"high\"}}]}]}");
        const char* expected1 = "[{\"role\":\"user\",\"content\":[ {\"type\":\"text\",\"text\":\"What is this?\"}, "
                                "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/"
                                "png\",\"data\":\"iVBORw0KGgo=\"}}, "
                                "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https:\\/\\/"
                                "upload.wikimedia.org/ant.jpg\"}}]}]";
        QCOMPARE(body.value(QStringLiteral("messages")), json(expected1));
        auto bad = AnthropicAdapter::toMessagesRequest(
            request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_"
                    "url\":{\"url\":\"ftp:\\/\\/x/y.png\"}}]}]}"),
            QStringLiteral("c"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("messages[0].content[0].image_url.url"));
    }

    void translatesToolCallsAndMergesToolResults()
    {
        const QJsonObject body = translate(
            "{\"model\":\"m\",\"messages\":[ {\"role\":\"user\",\"content\":\"Weather in SF and NYC?\"}, "
            "{\"role\":\"assistant\",\"content\":\"Checking.\",\"tool_calls\":[ "
            "{\"id\":\"toolu_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{"
            "\\\"location\\\":\\\"SF\\\"}\"}}, "
            "{\"id\":\"toolu_2\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{"
            "\\\"location\\\":\\\"NYC\\\"}\"}}]}, {\"role\":\"tool\",\"tool_call_id\":\"toolu_1\",\"content\":\"15 "
            "C\"}, {\"role\":\"tool\",\"tool_call_id\":\"toolu_2\",\"content\":[{\"type\":\"text\",\"text\":\"22 "
            "C\"}]}, {\"role\":\"user\",\"content\":\"Thanks\"}], "
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Current "
            "weather\", "
            "\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":["
            "\"location\"]}}}, {\"type\":\"function\",\"function\":{\"name\":\"now\"}}], "
            "\"tool_choice\":\"required\"}");
        const char* expected2
            = R"([ {"role":"user","content":[{"type":"text","text":"Weather in SF and NYC?"}]}, {"role":"assistant","content":[{"type":"text","text":"Checking."}, {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"SF"}}, {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"location":"NYC"}}]}, {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"15 C"}, {"type":"tool_result","tool_use_id":"toolu_2","content":"22 C"}, {"type":"text","text":"Thanks"}]}])";
        QCOMPARE(body.value(QStringLiteral("messages")), json(expected2));
        const char* expected3
            = R"([ {"name":"get_weather","description":"Current weather", "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}, {"name":"now","input_schema":{"type":"object","properties":{}}}])";
        QCOMPARE(body.value(QStringLiteral("tools")), json(expected3));
        QCOMPARE(body.value(QStringLiteral("tool_choice")), json(R"({"type":"any"})"));
    }

    void mapsToolChoice_data()
    {
        QTest::addColumn<QByteArray>("choice");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("auto") << QByteArray(R"("tool_choice":"auto")") << QByteArray(R"({"type":"auto"})");
        QTest::newRow("none") << QByteArray(R"("tool_choice":"none")") << QByteArray(R"({"type":"none"})");
        QTest::newRow("required") << QByteArray(R"("tool_choice":"required")") << QByteArray(R"({"type":"any"})");
        QTest::newRow("function") << QByteArray(R"("tool_choice":{"type":"function","function":{"name":"f"}})")
                                  << QByteArray(R"({"type":"tool","name":"f"})");
        QTest::newRow("no parallel") << QByteArray(R"("parallel_tool_calls":false)")
                                     << QByteArray(R"({"type":"auto","disable_parallel_tool_use":true})");
    }
    void mapsToolChoice()
    {
        QFETCH(QByteArray, choice);
        QFETCH(QByteArray, expected);
        const QJsonObject body = translate(
            R"({"model":"m","messages":[{"role":"user","content":"x"}], "tools":[{"type":"function","function":{"name":"f"}}],)"
            + choice + "}");
        QCOMPARE(body.value(QStringLiteral("tool_choice")), json(expected.constData()));
    }

    void refusesWhatAnthropicCannotDo()
    {
        auto many = AnthropicAdapter::toMessagesRequest(
            request(R"({"model":"m","messages":[{"role":"user","content":"x"}],"n":2})"), QStringLiteral("c"));
        QCOMPARE(many.error().field, QStringLiteral("n"));
        auto arguments = AnthropicAdapter::toMessagesRequest(
            request(
                R"({"model":"m","messages":[{"role":"user","content":"x"}, {"role":"assistant","tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"not json"}}]}]})"),
            QStringLiteral("c"));
        QCOMPARE(arguments.error().field, QStringLiteral("messages[1].tool_calls[0].function.arguments"));
        auto onlySystem = AnthropicAdapter::toMessagesRequest(
            request(R"({"model":"m","messages":[{"role":"system","content":"x"}]})"), QStringLiteral("c"));
        QCOMPARE(onlySystem.error().field, QStringLiteral("messages"));
    }

    void translatesATextMessage()
    {
        const QJsonObject completion = translateResponse(200, Fixtures::anthropicMessage(Fixtures::Scenario::Text));
        QCOMPARE(completion.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(completion.value(QStringLiteral("id")).toString(), QStringLiteral("msg_013Zva2CMHLNnXjNJJKqJ2EF"));
        QCOMPARE(completion.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-20250514"));
        const QJsonObject choice = completion.value(QStringLiteral("choices")).toArray().at(0).toObject();
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        QCOMPARE(choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString(),
            Fixtures::text());
        QCOMPARE(choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("role")).toString(),
            QStringLiteral("assistant"));
        QCOMPARE(completion.value(QStringLiteral("usage")),
            json(R"({"prompt_tokens":25,"completion_tokens":15,"total_tokens":40})"));
    }

    void translatesAToolUseMessage()
    {
        const QJsonObject completion = translateResponse(200, Fixtures::anthropicMessage(Fixtures::Scenario::ToolCall));
        const QJsonObject choice = completion.value(QStringLiteral("choices")).toArray().at(0).toObject();
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));
        const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
        QCOMPARE(message.value(QStringLiteral("content")).toString(), QStringLiteral("Let me check."));
        const QJsonObject call = message.value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QStringLiteral("id")).toString(), Fixtures::toolCallId());
        QCOMPARE(call.value(QStringLiteral("type")).toString(), QStringLiteral("function"));
        const QJsonObject function = call.value(QStringLiteral("function")).toObject();
        QCOMPARE(function.value(QStringLiteral("name")).toString(), Fixtures::toolName());
        QVERIFY(function.value(QStringLiteral("arguments")).isString()); // a JSON string, not an object
        QCOMPARE(QJsonDocument::fromJson(function.value(QStringLiteral("arguments")).toString().toUtf8()).object(),
            Fixtures::toolArguments());
    }

    void mapsStopReasons()
    {
        QCOMPARE(AnthropicAdapter::finishReason(QStringLiteral("end_turn")), QStringLiteral("stop"));
        QCOMPARE(AnthropicAdapter::finishReason(QStringLiteral("stop_sequence")), QStringLiteral("stop"));
        QCOMPARE(AnthropicAdapter::finishReason(QStringLiteral("max_tokens")), QStringLiteral("length"));
        QCOMPARE(AnthropicAdapter::finishReason(QStringLiteral("tool_use")), QStringLiteral("tool_calls"));
        QCOMPARE(AnthropicAdapter::finishReason(QStringLiteral("refusal")), QStringLiteral("content_filter"));
        const QJsonObject completion
            = translateResponse(200, Fixtures::anthropicMessage(Fixtures::Scenario::MaxTokens));
        QCOMPARE(completion.value(QStringLiteral("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("finish_reason"))
                     .toString(),
            QStringLiteral("length"));
    }

    void countsCachedPromptTokens()
    {
        AiUsage usage;
        auto out = AnthropicAdapter::toChatCompletion(
            R"({"id":"m","type":"message","role":"assistant","model":"c","content":[], "stop_reason":"end_turn","usage":{"input_tokens":10,"cache_creation_input_tokens":100,"cache_read_input_tokens":1000,"output_tokens":3}})",
            usage);
        QVERIFY(out.ok());
        QCOMPARE(usage.promptTokens, 1110);
        QCOMPARE(usage.completionTokens, 3);
    }

    void mapsErrorResponses_data()
    {
        QTest::addColumn<int>("upstream");
        QTest::addColumn<int>("client");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::newRow("400") << 400 << 400 << QStringLiteral("invalid_request_error")
                             << QStringLiteral("invalid_request_error");
        QTest::newRow("401") << 401 << 502 << QStringLiteral("upstream_error")
                             << QStringLiteral("authentication_error");
        QTest::newRow("429") << 429 << 429 << QStringLiteral("rate_limit_error") << QStringLiteral("rate_limit_error");
        QTest::newRow("500") << 500 << 502 << QStringLiteral("server_error") << QStringLiteral("api_error");
        QTest::newRow("529") << 529 << 503 << QStringLiteral("server_error") << QStringLiteral("overloaded_error");
    }
    void mapsErrorResponses()
    {
        QFETCH(int, upstream);
        QFETCH(int, client);
        QFETCH(QString, type);
        QFETCH(QString, code);
        AnthropicAdapter adapter;
        auto translator = adapter.translator(
            request(R"({"model":"a/c","messages":[{"role":"user","content":"Hi"}],"stream":true})"),
            AiTarget {QStringLiteral("anthropic"), QStringLiteral("c"), "k", ""}, upstream);
        QVERIFY(!translator->isStreaming()); // an error is a whole JSON response even for a stream request
        QCOMPARE(translator->contentType(), QByteArray("application/json"));
        QVERIFY(translator->feed(Fixtures::anthropicError(upstream)).isEmpty());
        const QJsonObject error
            = QJsonDocument::fromJson(translator->finish()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(translator->clientStatus(), client);
        QVERIFY(translator->isError());
        QCOMPARE(error.value(QStringLiteral("type")).toString(), type);
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        const QString upstreamMessage = QJsonDocument::fromJson(Fixtures::anthropicError(upstream))
                                            .object()
                                            .value(QStringLiteral("error"))
                                            .toObject()
                                            .value(QStringLiteral("message"))
                                            .toString();
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(upstreamMessage),
            qPrintable(error.value(QStringLiteral("message")).toString()));
        QVERIFY(!translator->usage().reported);
    }

    void aCutOffOrUnreadableBodyIsA502()
    {
        const QJsonObject garbage = translateResponse(200, "<html>proxy error</html>");
        QCOMPARE(garbage.value(QStringLiteral("error")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("upstream_error"));
        AnthropicAdapter adapter;
        auto translator = adapter.translator(request(R"({"model":"a/c","messages":[{"role":"user","content":"Hi"}]})"),
            AiTarget {QStringLiteral("anthropic"), QStringLiteral("c"), "k", ""}, 200);
        translator->feed(Fixtures::anthropicMessage(Fixtures::Scenario::Text).first(20));
        const QJsonObject error
            = QJsonDocument::fromJson(translator->fail(QStringLiteral("connection reset"))).object();
        QCOMPARE(translator->clientStatus(), 502);
        QVERIFY(translator->isError());
        QVERIFY(error.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("connection reset")));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicAdapter)
#include "TestAnthropicAdapter.moc"

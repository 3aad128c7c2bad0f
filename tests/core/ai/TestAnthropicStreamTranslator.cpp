#include "core/ai/AnthropicAdapter.h"
#include "tests/core/ai/TranslatorFeeding.h"
#include "tests/support/upstreams/ProviderFixtures.h"

#include <QJsonArray>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
namespace Fixtures = gatehouse::test::ProviderFixtures;
using TranslatorFeeding::Split;

Q_DECLARE_METATYPE(TranslatorFeeding::Split)

namespace {

std::unique_ptr<ResponseTranslator> makeTranslator(bool includeUsage)
{
    const QByteArray body = includeUsage
        ? QByteArray(
            R"({"model":"anthropic/c","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}})")
        : QByteArray(R"({"model":"anthropic/c","messages":[{"role":"user","content":"Hi"}],"stream":true})");
    auto request = ChatRequest::parse(body);
    return AnthropicAdapter().translator(
        *request, AiTarget {QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-20250514"), "k", ""}, 200);
}

QJsonObject delta(const QJsonObject& chunk)
{
    return chunk.value(QStringLiteral("choices")).toArray().at(0).toObject().value(QStringLiteral("delta")).toObject();
}

QJsonValue finishReason(const QJsonObject& chunk)
{
    return chunk.value(QStringLiteral("choices")).toArray().at(0).toObject().value(QStringLiteral("finish_reason"));
}

void addSplits()
{
    QTest::addColumn<Split>("split");
    QTest::newRow("whole") << Split::Whole;
    QTest::newRow("byte by byte") << Split::ByteByByte;
    QTest::newRow("random") << Split::Random;
}

} // namespace

class TestAnthropicStreamTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translatesATextStream_data() { addSplits(); }
    void translatesATextStream()
    {
        QFETCH(Split, split);
        auto translator = makeTranslator(false);
        QVERIFY(translator->isStreaming());
        QCOMPARE(translator->clientStatus(), 200);
        QCOMPARE(translator->contentType(), QByteArray("text/event-stream"));
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(
            *translator, Fixtures::joined(Fixtures::anthropicStream(Fixtures::Scenario::Text)), split));
        QVERIFY(stream.wellFormed);
        QVERIFY(stream.done);
        // role, one chunk per text_delta, the finish chunk; ping and the block events bring nothing.
        const QStringList pieces = Fixtures::textPieces();
        QCOMPARE(stream.chunks.size(), 1 + pieces.size() + 1);
        QCOMPARE(delta(stream.chunks[0]).value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        for (qsizetype i = 0; i < pieces.size(); ++i)
            QCOMPARE(delta(stream.chunks[1 + i]).value(QStringLiteral("content")).toString(), pieces[i]);
        QCOMPARE(finishReason(stream.chunks.last()).toString(), QStringLiteral("stop"));
        for (const QJsonObject& chunk : stream.chunks) {
            QCOMPARE(chunk.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(
                chunk.value(QStringLiteral("id")).toString(), QStringLiteral("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY"));
            QCOMPARE(chunk.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-20250514"));
        }
        QVERIFY(!translator->isError());
        QCOMPARE(translator->usage().promptTokens, Fixtures::promptTokens());
        QCOMPARE(translator->usage().completionTokens, Fixtures::completionTokens());
        QVERIFY(translator->usage().reported);
    }

    void eachEventIsPassedOnAsSoonAsItIsComplete()
    {
        auto translator = makeTranslator(false);
        const QList<QByteArray> events = Fixtures::anthropicStream(Fixtures::Scenario::Text);
        QVERIFY(!translator->feed(events[0]).isEmpty()); // message_start: the role chunk, before anything else came
        QVERIFY(translator->feed(events[1]).isEmpty()); // content_block_start of empty text
        QVERIFY(translator->feed(events[2]).isEmpty()); // ping
        const QByteArray half = events[3].first(events[3].size() - 1);
        QVERIFY(translator->feed(half).isEmpty()); // one byte short of the blank line
        const auto first = TranslatorFeeding::parse(translator->feed(events[3].sliced(events[3].size() - 1)));
        QCOMPARE(first.chunks.size(), 1);
        QCOMPARE(delta(first.chunks[0]).value(QStringLiteral("content")).toString(), Fixtures::textPieces().first());
    }

    void translatesToolUseDeltas_data() { addSplits(); }
    void translatesToolUseDeltas()
    {
        QFETCH(Split, split);
        auto translator = makeTranslator(false);
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(
            *translator, Fixtures::joined(Fixtures::anthropicStream(Fixtures::Scenario::ToolCall)), split));
        QVERIFY(stream.wellFormed && stream.done);
        QString content;
        QString arguments;
        int starts = 0;
        for (const QJsonObject& chunk : stream.chunks) {
            const QJsonObject d = delta(chunk);
            content += d.value(QStringLiteral("content")).toString();
            const QJsonArray calls = d.value(QStringLiteral("tool_calls")).toArray();
            if (calls.isEmpty())
                continue;
            const QJsonObject call = calls.at(0).toObject();
            QCOMPARE(call.value(QStringLiteral("index")).toInt(-1), 0);
            if (call.contains(QStringLiteral("id"))) {
                ++starts;
                QCOMPARE(call.value(QStringLiteral("id")).toString(), Fixtures::toolCallId());
                QCOMPARE(call.value(QStringLiteral("type")).toString(), QStringLiteral("function"));
                QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
                    Fixtures::toolName());
                QVERIFY(arguments.isEmpty()); // the id and name come before any argument
            }
            arguments
                += call.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString();
        }
        QCOMPARE(starts, 1);
        QCOMPARE(content, QStringLiteral("Let me check."));
        QCOMPARE(QJsonDocument::fromJson(arguments.toUtf8()).object(), Fixtures::toolArguments());
        QCOMPARE(finishReason(stream.chunks.last()).toString(), QStringLiteral("tool_calls"));
    }

    void addsAUsageChunkWhenTheClientAsked()
    {
        auto translator = makeTranslator(true);
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(
            *translator, Fixtures::joined(Fixtures::anthropicStream(Fixtures::Scenario::MaxTokens)), Split::Random, 3));
        QVERIFY(stream.done);
        const QJsonObject usage = stream.chunks.last();
        QVERIFY(usage.value(QStringLiteral("choices")).toArray().isEmpty());
        QCOMPARE(usage.value(QStringLiteral("usage")).toObject().value(QStringLiteral("prompt_tokens")).toInteger(),
            Fixtures::promptTokens());
        QCOMPARE(usage.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInteger(),
            Fixtures::completionTokens());
        QCOMPARE(usage.value(QStringLiteral("usage")).toObject().value(QStringLiteral("total_tokens")).toInteger(),
            Fixtures::promptTokens() + Fixtures::completionTokens());
        QCOMPARE(finishReason(stream.chunks[stream.chunks.size() - 2]).toString(), QStringLiteral("length"));
    }

    void anErrorEventEndsTheStreamCleanly()
    {
        auto translator = makeTranslator(false);
        const QList<QByteArray> events = Fixtures::anthropicStream(Fixtures::Scenario::Text);
        QByteArray upstream = events[0] + events[1] + events[3] + Fixtures::anthropicErrorEvent() + events[4];
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, upstream, Split::ByteByByte));
        QVERIFY(stream.wellFormed); // nothing after [DONE], though the upstream sent more
        QVERIFY(stream.done);
        const QJsonObject error = stream.chunks.last().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("Overloaded"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("overloaded_error"));
        QVERIFY(translator->isError());
        QCOMPARE(stream.chunks.size(), 3); // role, first text, error
    }

    void aTruncatedStreamEndsWithAnError()
    {
        auto translator = makeTranslator(false);
        const QList<QByteArray> events = Fixtures::anthropicStream(Fixtures::Scenario::Text);
        const QByteArray cut = events[0] + events[1] + events[3] + events[4].first(10);
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, cut, Split::Random));
        QVERIFY(stream.wellFormed && stream.done);
        QCOMPARE(
            stream.chunks.last().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("stream_truncated"));
        QVERIFY(translator->isError());
        QCOMPARE(translator->usage().promptTokens, Fixtures::promptTokens()); // what was known is kept
    }

    void failEndsTheStreamWithAnError()
    {
        auto translator = makeTranslator(false);
        QByteArray out = translator->feed(Fixtures::anthropicStream(Fixtures::Scenario::Text).first());
        out += translator->fail(QStringLiteral("connection reset by peer"));
        QVERIFY(translator->finish().isEmpty()); // already ended
        const auto stream = TranslatorFeeding::parse(out);
        QVERIFY(stream.wellFormed && stream.done);
        QVERIFY(stream.chunks.last()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("connection reset by peer")));
        QVERIFY(translator->isError());
    }
};

QTEST_GUILESS_MAIN(TestAnthropicStreamTranslator)
#include "TestAnthropicStreamTranslator.moc"

#include "core/ai/GeminiAdapter.h"
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
            R"({"model":"g/m","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}})")
        : QByteArray(R"({"model":"g/m","messages":[{"role":"user","content":"Hi"}],"stream":true})");
    auto request = ChatRequest::parse(body);
    return GeminiAdapter().translator(
        *request, AiTarget {QStringLiteral("gemini"), QStringLiteral("gemini-2.0-flash"), "k", ""}, 200);
}

QJsonObject delta(const QJsonObject& chunk)
{
    return chunk.value(QStringLiteral("choices")).toArray().at(0).toObject().value(QStringLiteral("delta")).toObject();
}

QString finishReason(const QJsonObject& chunk)
{
    return chunk.value(QStringLiteral("choices"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("finish_reason"))
        .toString();
}

} // namespace

class TestGeminiStreamTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translatesATextStream_data()
    {
        QTest::addColumn<Split>("split");
        QTest::newRow("whole") << Split::Whole;
        QTest::newRow("byte by byte") << Split::ByteByByte;
        QTest::newRow("random") << Split::Random;
    }
    void translatesATextStream()
    {
        QFETCH(Split, split);
        auto translator = makeTranslator(true);
        QVERIFY(translator->isStreaming());
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(
            *translator, Fixtures::joined(Fixtures::geminiStream(Fixtures::Scenario::Text)), split));
        QVERIFY(stream.wellFormed && stream.done);
        const QStringList pieces = Fixtures::textPieces();
        // role, the pieces, finish, usage
        QCOMPARE(stream.chunks.size(), 1 + pieces.size() + 2);
        QCOMPARE(delta(stream.chunks[0]).value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        for (qsizetype i = 0; i < pieces.size(); ++i)
            QCOMPARE(delta(stream.chunks[1 + i]).value(QStringLiteral("content")).toString(), pieces[i]);
        QCOMPARE(finishReason(stream.chunks[stream.chunks.size() - 2]), QStringLiteral("stop"));
        const QJsonObject usage = stream.chunks.last().value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("prompt_tokens")).toInteger(), Fixtures::promptTokens());
        QCOMPARE(usage.value(QStringLiteral("completion_tokens")).toInteger(), Fixtures::completionTokens());
        QCOMPARE(translator->usage().completionTokens, Fixtures::completionTokens());
        QVERIFY(!translator->isError());
        QCOMPARE(stream.chunks[0].value(QStringLiteral("id")).toString(), QStringLiteral("mNiDaPq3Nt6b1dkPwq2Y0Qk"));
    }

    void eachEventIsPassedOnAtOnce()
    {
        auto translator = makeTranslator(false);
        const QList<QByteArray> events = Fixtures::geminiStream(Fixtures::Scenario::Text);
        const auto first = TranslatorFeeding::parse(translator->feed(events[0]));
        QCOMPARE(first.chunks.size(), 2); // role and the first text, before the upstream said more
        QVERIFY(!first.done);
    }

    void translatesAFunctionCall()
    {
        auto translator = makeTranslator(false);
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(
            *translator, Fixtures::joined(Fixtures::geminiStream(Fixtures::Scenario::ToolCall)), Split::Random, 9));
        QVERIFY(stream.wellFormed && stream.done);
        QCOMPARE(stream.chunks.size(), 4); // role, call start, arguments, finish (no usage chunk: not asked)
        const QJsonObject start
            = delta(stream.chunks[1]).value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(start.value(QStringLiteral("index")).toInt(-1), 0);
        QCOMPARE(start.value(QStringLiteral("id")).toString(), QStringLiteral("call_0"));
        QCOMPARE(start.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
            Fixtures::toolName());
        const QJsonObject arguments
            = delta(stream.chunks[2]).value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(QJsonDocument::fromJson(arguments.value(QStringLiteral("function"))
                                             .toObject()
                                             .value(QStringLiteral("arguments"))
                                             .toString()
                                             .toUtf8())
                     .object(),
            Fixtures::toolArguments());
        QCOMPARE(finishReason(stream.chunks[3]), QStringLiteral("tool_calls"));
        QVERIFY(translator->usage().reported);
    }

    void aStreamWithoutFinishReasonWasCutOff()
    {
        auto translator = makeTranslator(true);
        const QList<QByteArray> events = Fixtures::geminiStream(Fixtures::Scenario::Text);
        const auto stream
            = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, events[0] + events[1], Split::ByteByByte));
        QVERIFY(stream.wellFormed && stream.done);
        QCOMPARE(
            stream.chunks.last().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("stream_truncated"));
        QVERIFY(translator->isError());
    }

    void anErrorObjectInTheStreamEndsIt()
    {
        auto translator = makeTranslator(false);
        const QList<QByteArray> events = Fixtures::geminiStream(Fixtures::Scenario::Text);
        const QByteArray upstream = events[0] + "data: " + Fixtures::geminiError(500) + "\r\n\r\n" + events[1];
        const auto stream = TranslatorFeeding::parse(TranslatorFeeding::feed(*translator, upstream, Split::Random));
        QVERIFY(stream.wellFormed && stream.done);
        QCOMPARE(
            stream.chunks.last().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("INTERNAL"));
        QVERIFY(translator->isError());
    }
};

QTEST_GUILESS_MAIN(TestGeminiStreamTranslator)
#include "TestGeminiStreamTranslator.moc"

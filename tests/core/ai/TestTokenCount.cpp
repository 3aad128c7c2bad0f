#include "core/ai/AnthropicAdapter.h"
#include "core/ai/GeminiAdapter.h"
#include "core/ai/OpenAiPassthrough.h"
#include "core/ai/TokenCount.h"

#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

// Token counts come from the upstream's JSON, so they are hostile input: a count of 1e300 or -5 must read as a
// capped or zero count, never as a double converted to qint64 out of its range (undefined behaviour, found by
// fuzz_anthropic_stream). Every reader of every provider's usage goes through tokenCount().
class TestTokenCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAPlainCountOrNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("count") << QByteArray("12") << qint64(12);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("fraction") << QByteArray("7.9") << qint64(7);
        QTest::newRow("negative") << QByteArray("-5") << qint64(0);
        QTest::newRow("absurd") << QByteArray("9.66667e57") << qint64(maxTokenCount);
        QTest::newRow("beyond double") << QByteArray("1e400") << qint64(0);
        QTest::newRow("just over qint64") << QByteArray("9223372036854775808") << qint64(maxTokenCount);
        QTest::newRow("string") << QByteArray("\"12\"") << qint64(0);
        QTest::newRow("null") << QByteArray("null") << qint64(0);
        QTest::newRow("object") << QByteArray("{}") << qint64(0);
    }
    void readsAPlainCountOrNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, expected);
        const QJsonDocument document = QJsonDocument::fromJson("{\"n\":" + json + "}");
        // JSON that Qt cannot read (1e400) is no object at all: nothing either way.
        QCOMPARE(tokenCount(document.object(), QLatin1String("n")), expected);
    }

    void absentIsNothing() { QCOMPARE(tokenCount(QJsonObject(), QLatin1String("n")), qint64(0)); }

    void sumsOfCappedCountsCannotOverflow()
    {
        const QJsonObject usage = QJsonDocument::fromJson(
            R"({"input_tokens":1e300,"cache_creation_input_tokens":1e300,"cache_read_input_tokens":1e300})")
                                      .object();
        QCOMPARE(AnthropicAdapter::promptTokens(usage), qint64(3 * maxTokenCount));
    }

    void everyProviderReaderCapsTheCount()
    {
        AiUsage gemini;
        GeminiAdapter::readUsage(
            QJsonDocument::fromJson(R"({"promptTokenCount":-1,"candidatesTokenCount":1e99,"thoughtsTokenCount":1e99})")
                .object(),
            gemini);
        QCOMPARE(gemini.promptTokens, qint64(0));
        QCOMPARE(gemini.completionTokens, qint64(2 * maxTokenCount));
        QVERIFY(gemini.reported);

        AiUsage openAi;
        OpenAiPassthrough::readUsage(
            QJsonDocument::fromJson(R"({"prompt_tokens":1e99,"completion_tokens":"many"})").object(), openAi);
        QCOMPARE(openAi.promptTokens, qint64(maxTokenCount));
        QCOMPARE(openAi.completionTokens, qint64(0));
    }
};

QTEST_APPLESS_MAIN(TestTokenCount)
#include "TestTokenCount.moc"

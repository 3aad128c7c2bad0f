#include "core/ai/BufferedTranslator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gatehouse::AiUsage;
using gatehouse::BufferedTranslator;
using gatehouse::Result;

namespace {

struct Conversion
{
    int calls = 0;
    qsizetype bodyBytes = 0;
};

// A converter that records what reached it and reports 7 and 3 tokens.
BufferedTranslator::Converter recording(Conversion& conversion)
{
    return [&conversion](const QByteArray& body, AiUsage& usage) -> Result<QByteArray> {
        ++conversion.calls;
        conversion.bodyBytes = body.size();
        usage.promptTokens = 7;
        usage.completionTokens = 3;
        usage.reported = true;
        return QByteArray("{\"object\":\"chat.completion\"}");
    };
}

// Feeds `total` bytes in pieces of 1 MiB (the last one shorter).
void feedBytes(BufferedTranslator& translator, qsizetype total)
{
    const QByteArray piece(1 << 20, 'x');
    for (qsizetype fed = 0; fed < total; fed += piece.size())
        QVERIFY(translator.feed(QByteArrayView(piece).first(qMin<qsizetype>(piece.size(), total - fed))).isEmpty());
}

} // namespace

class TestBufferedTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBodyUpToTheCapIsConverted()
    {
        Conversion conversion;
        BufferedTranslator translator(200, QStringLiteral("openai"), recording(conversion));
        QVERIFY(!translator.isStreaming());
        feedBytes(translator, BufferedTranslator::kMaxBodyBytes);
        const QByteArray out = translator.finish();
        QCOMPARE(out, QByteArray("{\"object\":\"chat.completion\"}"));
        QCOMPARE(translator.clientStatus(), 200);
        QVERIFY(!translator.isError());
        QCOMPARE(conversion.calls, 1);
        QCOMPARE(conversion.bodyBytes, BufferedTranslator::kMaxBodyBytes);
        QVERIFY(translator.usage().reported);
        QCOMPARE(translator.usage().totalTokens(), 10);
    }

    void aBodyPastTheCapIsA502InOpenAisErrorShape()
    {
        Conversion conversion;
        BufferedTranslator translator(200, QStringLiteral("openai"), recording(conversion));
        feedBytes(translator, BufferedTranslator::kMaxBodyBytes + 1);
        translator.feed("and more after the cap");
        const QByteArray out = translator.finish();
        QCOMPARE(translator.clientStatus(), 502);
        QVERIFY(translator.isError());
        QCOMPARE(conversion.calls, 0); // nothing half-collected is converted
        QVERIFY(!translator.usage().reported);
        const QJsonObject error = QJsonDocument::fromJson(out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("upstream_error"));
        const QString message = error.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("openai")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("larger than the 32 MiB")), qPrintable(message));
        QCOMPARE(translator.errorMessage(), message);
    }

    void oneHugePieceIsDroppedToo()
    {
        Conversion conversion;
        BufferedTranslator translator(200, QStringLiteral("claude"), recording(conversion));
        translator.feed("{\"id\":");
        translator.feed(QByteArray(BufferedTranslator::kMaxBodyBytes, ' '));
        QVERIFY(!translator.finish().isEmpty());
        QCOMPARE(translator.clientStatus(), 502);
        QCOMPARE(conversion.calls, 0);
    }

    void anErrorAnswerPastTheCapKeepsItsStatus()
    {
        Conversion conversion;
        BufferedTranslator translator(429, QStringLiteral("gemini"), recording(conversion));
        feedBytes(translator, BufferedTranslator::kMaxBodyBytes + 10);
        const QByteArray out = translator.finish();
        QCOMPARE(translator.clientStatus(), 429); // still one to back off from
        QVERIFY(translator.isError());
        QVERIFY(QJsonDocument::fromJson(out).object().value(QStringLiteral("error")).isObject());
    }
};

QTEST_GUILESS_MAIN(TestBufferedTranslator)
#include "TestBufferedTranslator.moc"

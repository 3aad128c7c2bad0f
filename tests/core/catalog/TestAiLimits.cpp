// How admins write budgets and AI limits, and the bounds the services hold them to.

#include "core/catalog/AiLimits.h"

#include <QTest>

using namespace gatehouse;

class TestAiLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTokenAmounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("tokens");
        QTest::newRow("plain") << QStringLiteral("250000") << qint64(250'000);
        QTest::newRow("k") << QStringLiteral("250k") << qint64(250'000);
        QTest::newRow("K") << QStringLiteral("250K") << qint64(250'000);
        QTest::newRow("M") << QStringLiteral("2M") << qint64(2'000'000);
        QTest::newRow("fraction") << QStringLiteral("1.5M") << qint64(1'500'000);
        QTest::newRow("half k") << QStringLiteral("0.5k") << qint64(500);
        QTest::newRow("G") << QStringLiteral("1g") << qint64(1'000'000'000);
        QTest::newRow("spaces") << QStringLiteral(" 10k ") << qint64(10'000);
        QTest::newRow("none") << QStringLiteral("none") << qint64(0);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("empty") << QString() << qint64(0);
    }

    void parsesTokenAmounts()
    {
        QFETCH(QString, text);
        QFETCH(qint64, tokens);
        auto parsed = aiLimits::parseTokens(text, u"budget-daily");
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        QCOMPARE(*parsed, tokens);
    }

    void rejectsWhatIsNotAnAmount_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* bad : {"12x", "-5", "1.5", "k", "1..5k", "+5", "1e3", "2000G", "abc", "1.0001k"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void rejectsWhatIsNotAnAmount()
    {
        QFETCH(QString, text);
        auto parsed = aiLimits::parseTokens(text, u"budget-daily");
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, QStringLiteral("budget-daily"));
        QVERIFY(parsed.error().message.contains(text.trimmed()));
    }

    void parsesRequestsPerMinute()
    {
        QCOMPARE(*aiLimits::parseRequests(u"60", u"ai-rpm"), 60);
        QCOMPARE(*aiLimits::parseRequests(u"none", u"ai-rpm"), 0);
        QVERIFY(!aiLimits::parseRequests(u"60k", u"ai-rpm"));
        QVERIFY(!aiLimits::parseRequests(u"-1", u"ai-rpm"));
        QVERIFY(!aiLimits::parseRequests(u"1000001", u"ai-rpm"));
    }

    void formatsTheWayItParses()
    {
        QCOMPARE(aiLimits::formatTokens(0), QStringLiteral("none"));
        QCOMPARE(aiLimits::formatTokens(250'000), QStringLiteral("250k"));
        QCOMPARE(aiLimits::formatTokens(2'000'000), QStringLiteral("2M"));
        QCOMPARE(aiLimits::formatTokens(1'500'000), QStringLiteral("1500k"));
        QCOMPARE(aiLimits::formatTokens(1234), QStringLiteral("1234"));
        for (qint64 value : {qint64(1), qint64(999), qint64(250'000), qint64(1'500'000), qint64(7'000'000'000)})
            QCOMPARE(*aiLimits::parseTokens(aiLimits::formatTokens(value), u"x"), value);
    }

    void validateHoldsTheBounds()
    {
        QVERIFY(aiLimits::validate(AiLimits {}));
        AiLimits limits;
        limits.budget.dailyTokens = -1;
        QCOMPARE(aiLimits::validate(limits).error().field, QStringLiteral("budget-daily"));
        limits = {};
        limits.budget.monthlyTokens = aiLimits::kMaxTokens + 1;
        QCOMPARE(aiLimits::validate(limits).error().field, QStringLiteral("budget-monthly"));
        limits = {};
        limits.requestsPerMinute = aiLimits::kMaxRequestsPerMinute + 1;
        QCOMPARE(aiLimits::validate(limits).error().field, QStringLiteral("ai-rpm"));
        limits = {};
        limits.tokensPerMinute = aiLimits::kMaxTokensPerMinute + 1;
        QCOMPARE(aiLimits::validate(limits).error().field, QStringLiteral("ai-tpm"));
        limits.tokensPerMinute = aiLimits::kMaxTokensPerMinute;
        QVERIFY(aiLimits::validate(limits));
    }
};

QTEST_GUILESS_MAIN(TestAiLimits)
#include "TestAiLimits.moc"

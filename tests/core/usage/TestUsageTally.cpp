#include "core/usage/UsageTally.h"

#include <QDateTime>
#include <QTest>

using namespace gatehouse;

namespace {

const qint64 kSeamMs = QDateTime(QDate(2026, 11, 29), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch();

// An AI request made with a token that a provider answered: what the daily sums count.
RequestEvent aiRequest(qint64 timeMs, qint64 consumerId, const QString& consumer, qint64 tokensIn, qint64 tokensOut)
{
    RequestEvent e;
    e.timeMs = timeMs;
    e.method = "POST";
    e.path = "/ai/v1/chat/completions";
    e.consumerId = consumerId;
    e.consumerName = consumer;
    e.tokenId = 5;
    e.status = 200;
    e.providerId = 1;
    e.providerName = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o");
    e.modelKnown = true;
    e.tokensIn = tokensIn;
    e.tokensOut = tokensOut;
    return e;
}

} // namespace

class TestUsageTally : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodEndsOnTheSeamsUtcDay()
    {
        UsageTally tally(30);
        tally.restart(kSeamMs);
        QCOMPARE(tally.liveFromMs(), kSeamMs);
        QCOMPARE(tally.period(), std::pair(QDate(2026, 10, 31), QDate(2026, 11, 29)));
        tally.restart(kSeamMs + 1000); // the next UTC day
        QCOMPARE(tally.period(), std::pair(QDate(2026, 11, 1), QDate(2026, 11, 30)));
        QCOMPARE(UsageTally(0).period().first, UsageTally(1).period().second); // at least a day
    }

    // What came before the seam is the read's; what arrives at or after it, the tally's.
    void countsOnlyFromTheSeamOn()
    {
        UsageTally tally(30);
        tally.restart(kSeamMs);
        QVERIFY(!tally.add(aiRequest(kSeamMs - 1, 7, QStringLiteral("web"), 10, 20)));
        QVERIFY(tally.liveByConsumer().isEmpty());
        QVERIFY(tally.add(aiRequest(kSeamMs, 7, QStringLiteral("web"), 10, 20)));
        QCOMPARE(tally.liveByConsumer().size(), 1);
        QCOMPARE(tally.liveByConsumer().first().requests, 1);
    }

    // RequestEvent::countsAsAiUsage() alone decides, as for the daily sums.
    void countsWhatTheDailySumsCount()
    {
        UsageTally tally(30);
        tally.restart(0);
        RequestEvent notAi = aiRequest(1, 7, QStringLiteral("web"), 1, 1);
        notAi.providerId = 0;
        RequestEvent noModel = aiRequest(1, 7, QStringLiteral("web"), 1, 1);
        noModel.model.clear();
        RequestEvent noToken = aiRequest(1, 7, QStringLiteral("web"), 1, 1);
        noToken.tokenId = 0;
        RequestEvent refused = aiRequest(1, 7, QStringLiteral("web"), 1, 1);
        refused.rejectReason = "ai_budget_exceeded";
        for (const RequestEvent& event : {notAi, noModel, noToken, refused}) {
            QVERIFY(!event.countsAsAiUsage());
            QVERIFY(!tally.add(event));
        }
        QVERIFY(tally.liveByConsumer().isEmpty());
        QVERIFY(tally.liveByModel().isEmpty());
        RequestEvent upstreamError = aiRequest(1, 7, QStringLiteral("web"), -1, -1);
        upstreamError.status = 502;
        QVERIFY(upstreamError.countsAsAiUsage());
        QVERIFY(tally.add(upstreamError));
    }

    void sharesAndSumsByConsumerAndModel()
    {
        UsageTally tally(30);
        tally.restart(kSeamMs);
        const auto share = tally.add(aiRequest(kSeamMs, 7, QStringLiteral("web"), 10, -1));
        QVERIFY(share);
        QCOMPARE(share->byConsumer.id, 7);
        QCOMPARE(share->byConsumer.name, QStringLiteral("web"));
        QCOMPARE(share->byConsumer.requests, 1);
        QCOMPARE(share->byConsumer.tokensIn, 10);
        QCOMPARE(share->byConsumer.tokensOut, 0); // not reported: none
        QCOMPARE(share->byModel.providerId, 1);
        QCOMPARE(share->byModel.model, QStringLiteral("gpt-4o"));
        QCOMPARE(share->byModel.name, QStringLiteral("openai/gpt-4o"));
        QCOMPARE(UsageTally::consumerKey(share->byConsumer), QStringLiteral("7"));
        QCOMPARE(UsageTally::modelKey(share->byModel), QStringLiteral("1/gpt-4o"));

        QVERIFY(tally.add(aiRequest(kSeamMs + 1, 8, QStringLiteral("app"), 1, 2)));
        QVERIFY(tally.add(aiRequest(kSeamMs + 2, 7, QStringLiteral("web shop"), 5, 6))); // renamed meanwhile
        RequestEvent anonymous = aiRequest(kSeamMs + 3, -1, QString(), 1, 1);
        const auto noConsumer = tally.add(anonymous);
        QVERIFY(noConsumer);
        QCOMPARE(noConsumer->byConsumer.id, 0);
        QCOMPARE(UsageTally::consumerKey(noConsumer->byConsumer), QStringLiteral("0"));

        const QList<UsageRow>& consumers = tally.liveByConsumer();
        QCOMPARE(consumers.size(), 3); // in the order they first came
        QCOMPARE(consumers.at(0).id, 7);
        QCOMPARE(consumers.at(0).name, QStringLiteral("web shop")); // the newest name
        QCOMPARE(consumers.at(0).requests, 2);
        QCOMPARE(consumers.at(0).tokensIn, 15);
        QCOMPARE(consumers.at(0).tokensOut, 6);
        QCOMPARE(consumers.at(1).id, 8);
        QCOMPARE(consumers.at(2).id, 0);
        const QList<UsageRow>& models = tally.liveByModel();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models.first().requests, 4);
        QCOMPARE(models.first().tokensIn, 17);
        QCOMPARE(models.first().tokensOut, 9);

        // Another provider's model of the same name is another row.
        RequestEvent other = aiRequest(kSeamMs + 4, 7, QStringLiteral("web shop"), 1, 1);
        other.providerId = 2;
        other.providerName = QStringLiteral("azure");
        QVERIFY(tally.add(other));
        QCOMPARE(tally.liveByModel().size(), 2);
        QCOMPARE(UsageTally::modelKey(tally.liveByModel().last()), QStringLiteral("2/gpt-4o"));
    }

    // A new seam starts over: what the batches brought belongs to the next read.
    void restartDropsWhatArrivedLive()
    {
        UsageTally tally(30);
        tally.restart(kSeamMs);
        QVERIFY(tally.add(aiRequest(kSeamMs, 7, QStringLiteral("web"), 1, 1)));
        tally.restart(kSeamMs + 10);
        QVERIFY(tally.liveByConsumer().isEmpty());
        QVERIFY(tally.liveByModel().isEmpty());
        QVERIFY(!tally.add(aiRequest(kSeamMs + 5, 7, QStringLiteral("web"), 1, 1)));
        QVERIFY(tally.add(aiRequest(kSeamMs + 10, 7, QStringLiteral("web"), 1, 1)));
        QCOMPARE(tally.liveByConsumer().first().requests, 1);
    }
};

QTEST_GUILESS_MAIN(TestUsageTally)
#include "TestUsageTally.moc"

#include "ui/overview/TrafficWindow.h"

#include <QTest>

using namespace gatehouse;
using ui::TrafficWindow;

namespace {

// 2026-01-15 12:00:00 UTC, the start of a minute.
constexpr qint64 kNoon = 1768478400000;
constexpr qint64 kMinute = 60'000;

RequestEvent request(
    qint64 timeMs, int status = 200, qint64 latencyUs = 1000, qint64 consumerId = 0, const QString& consumerName = {})
{
    RequestEvent e;
    e.timeMs = timeMs;
    e.method = "GET";
    e.path = "/billing/x";
    e.status = status;
    e.upstreamStatus = status;
    e.latencyUs = latencyUs;
    e.consumerId = consumerId;
    e.consumerName = consumerName;
    return e;
}

} // namespace

class TestTrafficWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsEachRequestInItsMinute()
    {
        TrafficWindow w;
        w.advanceTo(kNoon + 30'000);
        w.record({request(kNoon + 1), request(kNoon + 2), request(kNoon - kMinute), request(kNoon - 59 * kMinute)});
        const QList<qint64> perMinute = w.requestsPerMinute();
        QCOMPARE(perMinute.size(), 60);
        QCOMPARE(perMinute.last(), 2); // the current minute
        QCOMPARE(perMinute.at(58), 1);
        QCOMPARE(perMinute.first(), 1); // 59 minutes ago: still in the window
        QCOMPARE(w.requests(), 4);
    }

    void minutesLeaveTheWindowAsTimeMoves()
    {
        TrafficWindow w;
        w.advanceTo(kNoon);
        w.record({request(kNoon), request(kNoon + 1), request(kNoon + kMinute)});
        QCOMPARE(w.requests(), 3); // a request a minute ahead moves the window with it
        w.advanceTo(kNoon + 59 * kMinute);
        QCOMPARE(w.requests(), 3);
        QCOMPARE(w.requestsPerMinute().first(), 2);
        w.advanceTo(kNoon + 60 * kMinute);
        QCOMPARE(w.requests(), 1);
        QCOMPARE(w.requestsPerMinute().first(), 1);
        // Time never runs back, and what is older than the window is not counted.
        w.advanceTo(kNoon);
        w.record(request(kNoon));
        QCOMPARE(w.requests(), 1);
        w.advanceTo(kNoon + 200 * kMinute);
        QCOMPARE(w.requests(), 0);
        QCOMPARE(w.requestsPerMinute(), QList<qint64>(60, 0));
    }

    void errorsAreServerErrorsAndRefusals()
    {
        TrafficWindow w;
        w.advanceTo(kNoon);
        RequestEvent refused = request(kNoon, 401);
        refused.upstreamStatus = 0;
        refused.rejectReason = "unknown";
        RequestEvent rateLimited = request(kNoon, 429);
        rateLimited.upstreamStatus = 0; // as read back from the log: no reason, no upstream
        RequestEvent upstreamNotFound = request(kNoon, 404); // the upstream's own 404: not an error
        RequestEvent badGateway = request(kNoon, 502);
        badGateway.upstreamStatus = 0;
        badGateway.error = "upstream_reset";
        w.record({request(kNoon), request(kNoon, 500), refused, rateLimited, upstreamNotFound, badGateway,
            request(kNoon), request(kNoon)});
        QCOMPARE(w.requests(), 8);
        QCOMPARE(w.errors(), 4);
        QCOMPARE(w.errorRate(), 0.5);
        QVERIFY(TrafficWindow::isError(badGateway));
        QVERIFY(!TrafficWindow::isError(upstreamNotFound));
        QCOMPARE(TrafficWindow().errorRate(), 0.0);
    }

    void latencyPercentilesByNearestRank()
    {
        TrafficWindow w;
        w.advanceTo(kNoon + 5 * kMinute);
        QCOMPARE(w.latencyPercentileUs(0.5), -1);
        // 1..100 ms spread over several minutes.
        for (int i = 1; i <= 100; ++i)
            w.record(request(kNoon + (i % 5) * kMinute, 200, i * 1000));
        QCOMPARE(w.latencyPercentileUs(0.50), 50'000);
        QCOMPARE(w.latencyPercentileUs(0.95), 95'000);
        QCOMPARE(w.latencyPercentileUs(1.0), 100'000);
        QCOMPARE(w.latencyPercentileUs(0.0), 1'000);
    }

    void theLatencySampleIsBounded()
    {
        TrafficWindow w;
        w.advanceTo(kNoon);
        // 10,000 requests in one minute: half at 1 ms, half at 9 ms, interleaved.
        for (int i = 0; i < 10'000; ++i)
            w.record(request(kNoon, 200, i % 2 ? 9'000 : 1'000));
        QCOMPARE(w.requests(), 10'000);
        QCOMPARE(w.latencyPercentileUs(0.95), 9'000);
        QCOMPARE(w.latencyPercentileUs(0.05), 1'000);
    }

    void topConsumersByRequests()
    {
        TrafficWindow w;
        w.advanceTo(kNoon + kMinute);
        for (int i = 0; i < 3; ++i)
            w.record(request(kNoon, 200, 1000, 2, QStringLiteral("batch")));
        for (int i = 0; i < 5; ++i)
            w.record(request(kNoon + kMinute, 200, 1000, 1, QStringLiteral("mobile-app")));
        w.record(request(kNoon, 200, 1000, 3, QStringLiteral("alpha")));
        w.record(request(kNoon, 200, 1000, 4, QStringLiteral("beta")));
        w.record(request(kNoon, 401)); // no consumer: not listed
        const auto top = w.topConsumers(3);
        QCOMPARE(top.size(), 3);
        QCOMPARE(top.at(0), (TrafficWindow::ConsumerCount {1, QStringLiteral("mobile-app"), 5}));
        QCOMPARE(top.at(1), (TrafficWindow::ConsumerCount {2, QStringLiteral("batch"), 3}));
        QCOMPARE(top.at(2).name, QStringLiteral("alpha")); // ties by name
        QCOMPARE(w.topConsumers(10).size(), 4);
        // The minute with "batch" leaves the window.
        w.advanceTo(kNoon + 60 * kMinute);
        QCOMPARE(w.topConsumers(10), (QList<TrafficWindow::ConsumerCount> {{1, QStringLiteral("mobile-app"), 5}}));
    }

    void mergeAddsAnotherWindow()
    {
        TrafficWindow history;
        history.advanceTo(kNoon);
        history.record(
            {request(kNoon - 10 * kMinute, 500, 4000, 1, QStringLiteral("mobile-app")), request(kNoon, 200, 2000)});
        TrafficWindow live;
        live.advanceTo(kNoon + kMinute);
        live.record(request(kNoon + kMinute, 200, 3000, 1, QStringLiteral("mobile-app")));
        live.merge(history);
        QCOMPARE(live.requests(), 3);
        QCOMPARE(live.errors(), 1);
        QCOMPARE(live.requestsPerMinute().last(), 1);
        QCOMPARE(live.requestsPerMinute().at(58), 1);
        QCOMPARE(live.requestsPerMinute().at(48), 1);
        QCOMPARE(live.latencyPercentileUs(0.5), 3000);
        QCOMPARE(live.topConsumers(5).value(0).requests, 2);
    }
};

QTEST_GUILESS_MAIN(TestTrafficWindow)
#include "TestTrafficWindow.moc"

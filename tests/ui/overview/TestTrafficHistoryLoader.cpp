#include "ui/overview/TrafficHistoryLoader.h"

#include "core/requestlog/RequestLogStore.h"
#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::TrafficHistoryLoader;
using ui::TrafficWindow;

class TestTrafficHistoryLoader : public QObject
{
    Q_OBJECT

    static RequestEvent request(qint64 timeMs, int status = 200)
    {
        RequestEvent e;
        e.timeMs = timeMs;
        e.method = "GET";
        e.path = "/billing/x";
        e.status = status;
        e.upstreamStatus = status;
        e.latencyUs = 1000;
        return e;
    }

private Q_SLOTS:
    void readsTheHourPageByPageOnAThread()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        const qint64 now = t.clock.nowMs();
        const qint64 from = now - 3600'000;
        QList<RequestEvent> rows;
        rows.append(request(from - 1)); // just before the hour: left out
        // More than two pages inside the hour, some of them errors.
        for (int i = 0; i < 2 * TrafficHistoryLoader::kPageRows + 100; ++i)
            rows.append(request(from + i * 100, i % 10 == 0 ? 500 : 200));
        rows.append(request(now + 5)); // after the page opened: the engine's batches count it
        RequestLogStore store(t.catalog.database());
        QVERIFY(store.append(rows).ok());

        TrafficHistoryLoader loader;
        QSignalSpy finished(&loader, &TrafficHistoryLoader::finished);
        loader.start(t.catalog.location(), from, now);
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().at(1).toString(), QString());
        const auto window = finished.first().at(0).value<TrafficWindow>();
        QCOMPARE(window.requests(), 2 * TrafficHistoryLoader::kPageRows + 100);
        QCOMPARE(window.errors(), (2 * TrafficHistoryLoader::kPageRows + 100) / 10);
        QVERIFY(!loader.isRunning());
        // A read asked for as soon as the last one is delivered is not turned away by its thread's ending.
        loader.start(t.catalog.location(), from, now);
        QVERIFY(loader.isRunning());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.size(), 2);
    }

    // The clock set back by more than an hour: a row of the hour, then more than a page of rows from before it.
    // Times do not follow ids, so the read goes by the times the request log's spans give, not by id alone.
    void findsTheHoursRowsWhateverOrderTheClockGaveThem()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        const qint64 now = t.clock.nowMs();
        const qint64 from = now - 3600'000;
        RequestLogStore store(t.catalog.database());
        QVERIFY(store.append({request(from + 10, 500)}).ok());
        QList<RequestEvent> earlier;
        for (int i = 0; i < 2 * TrafficHistoryLoader::kPageRows; ++i)
            earlier.append(request(from - 7200'000 + i));
        QVERIFY(store.append(earlier).ok());
        QVERIFY(store.append({request(from + 20), request(from + 30), request(now - 1)}).ok());

        QString error;
        const TrafficWindow window = TrafficHistoryLoader::read(t.catalog.location(), from, now, nullptr, &error);
        QCOMPARE(error, QString());
        QCOMPARE(window.requests(), 4);
        QCOMPARE(window.errors(), 1);
    }

    void aMissingCatalogIsAnError()
    {
        QString error;
        const TrafficWindow window = TrafficHistoryLoader::read(
            CatalogLocation::sqliteFile(QStringLiteral("/nonexistent/dir/catalog.sqlite3")), 0, 3600'000, nullptr,
            &error);
        QVERIFY(!error.isEmpty());
        QCOMPARE(window.requests(), 0);
    }

    void destroyingTheLoaderStopsTheRead()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        auto loader = std::make_unique<TrafficHistoryLoader>();
        loader->start(t.catalog.location(), 0, t.clock.nowMs());
        loader.reset(); // waits for the thread; nothing is delivered to a dead object
    }
};

QTEST_GUILESS_MAIN(TestTrafficHistoryLoader)
#include "TestTrafficHistoryLoader.moc"

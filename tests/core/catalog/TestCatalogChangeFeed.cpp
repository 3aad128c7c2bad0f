#include "core/catalog/CatalogChangeFeed.h"

#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

// A second connection to the same file stands for another process (the CLI beside the console):
// its commits never reach the watched Catalog object's signal.
class TestCatalogChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One follower a catalog: the engine and every page of the console listen to the same feed, so the revision is
    // polled once, however many listen.
    void theCatalogHasOneFeed()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        CatalogChangeFeed& feed = t.catalog.changes();
        QCOMPARE(&t.catalog.changes(), &feed);
        QCOMPARE(feed.revision(), t.revision());
        QSignalSpy spy(&feed, &CatalogChangeFeed::changed);
        QVERIFY(t.consumers.add(QStringLiteral("mobile-app")));
        QCOMPARE(spy.size(), 1);
    }

    void reportsLocalCommitsAtOnce()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        CatalogChangeFeed watcher(t.catalog, 60'000);
        QSignalSpy spy(&watcher, &CatalogChangeFeed::changed);
        QVERIFY(t.consumers.add(QStringLiteral("mobile-app")));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), t.revision());
        QCOMPARE(spy.at(0).at(1).toBool(), false);
        QCOMPARE(watcher.revision(), t.revision());
    }

    void reportsAnotherWritersCommitsByPolling()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        CatalogChangeFeed watcher(t.catalog, 50);
        QSignalSpy spy(&watcher, &CatalogChangeFeed::changed);

        Catalog other(t.clock);
        QVERIFY(other.open(t.filePath()));
        ConsumerService otherConsumers(other, QStringLiteral("cli:other"));
        QVERIFY(otherConsumers.add(QStringLiteral("script")));

        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 2000);
        QCOMPARE(spy.at(0).at(1).toBool(), true);
        QCOMPARE(watcher.revision(), t.revision());
        // Nothing changed since: further polls stay quiet.
        watcher.poll();
        QCOMPARE(spy.size(), 1);
    }

    void aLocalCommitAfterAnUnseenExternalOneIsMarkedExternal()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        CatalogChangeFeed watcher(t.catalog, 60'000);
        QSignalSpy spy(&watcher, &CatalogChangeFeed::changed);

        Catalog other(t.clock);
        QVERIFY(other.open(t.filePath()));
        ConsumerService otherConsumers(other, QStringLiteral("cli:other"));
        QVERIFY(otherConsumers.add(QStringLiteral("script")));
        QVERIFY(t.consumers.add(QStringLiteral("mobile-app")));

        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestCatalogChangeFeed)
#include "TestCatalogChangeFeed.moc"

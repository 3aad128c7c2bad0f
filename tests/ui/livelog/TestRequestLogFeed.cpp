#include "ui/livelog/RequestLogFeed.h"

#include "core/requestlog/RequestLogStore.h"
#include "tests/ui/livelog/LogRows.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/livelog/RequestLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace gatehouse;
using test::requestEvent;

namespace {

QList<RequestEvent> events(const QByteArray& prefix, int count)
{
    QList<RequestEvent> batch;
    for (int i = 0; i < count; ++i)
        batch.append(requestEvent(prefix + QByteArray::number(i)));
    return batch;
}

// Ids strictly increasing: no duplicates, nothing out of order.
bool strictlyIncreasing(const ui::RequestLogModel& model)
{
    for (int row = 1; row < model.rowCount(); ++row) {
        if (model.rowAt(row).id <= model.rowAt(row - 1).id)
            return false;
    }
    return true;
}

} // namespace

class TestRequestLogFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksUpRowsWrittenToTheCatalogWithoutDuplicates()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto issued = f.t.tokens.create(
            {QStringLiteral("mobile-app"), QStringLiteral("ci"), {QStringLiteral("api:billing")}, f.t.expiryInDays(7)});
        QVERIFY(issued.ok());
        RequestLogStore store(f.t.catalog.database());
        // Already logged before the page opens: only the newest `initialRows` are loaded.
        QVERIFY(store.append(events("/before/", 5)).ok());

        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        ui::RequestLogFeed feed(f.services.catalog.location(), &model);
        feed.setInitialRows(2);
        feed.setRowsPerPoll(3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        feed.start();
        QVERIFY(feed.isRunning());
        QCOMPARE(model.rowCount(), 0); // read off the GUI thread: nothing yet
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowAt(1).event.path, QByteArray("/before/4"));

        RequestEvent withToken = requestEvent("/billing/invoices", 200, issued->token.id);
        withToken.apiId = f.t.apis.list()->first().id;
        withToken.consumerId = issued->token.consumerId;
        QVERIFY(store.append({withToken}).ok());
        QTRY_COMPARE(model.rowCount(), 3);
        const LoggedRequest& logged = model.rowAt(2);
        QCOMPARE(logged.event.path, QByteArray("/billing/invoices"));
        QCOMPARE(logged.event.apiName, QStringLiteral("billing"));
        QCOMPARE(logged.event.consumerName, QStringLiteral("mobile-app"));
        QCOMPARE(logged.tokenName, QStringLiteral("ci"));
        QCOMPARE(logged.tokenHint, issued->token.hint);

        // More than one poll's worth: read in bounded pages, one insertion each, none twice.
        const int before = int(inserted.size());
        QVERIFY(store.append(events("/burst/", 10)).ok());
        QTRY_COMPARE(model.rowCount(), 13);
        QVERIFY(inserted.size() - before >= 4); // 10 rows at most 3 per read
        QVERIFY(strictlyIncreasing(model));
        QCOMPARE(model.rowAt(12).event.path, QByteArray("/burst/9"));

        // Polls that find nothing add nothing; asked for while one runs, they wait for it (one at a time).
        QTRY_VERIFY(!feed.isBusy());
        feed.pollNow();
        feed.pollNow();
        QVERIFY(feed.isBusy());
        QTRY_VERIFY(!feed.isBusy());
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(strictlyIncreasing(model));
    }

    void pollSoonCoalescesAndLoadOlderScrollsBack()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        RequestLogStore store(f.t.catalog.database());
        QVERIFY(store.append(events("/old/", 6)).ok());
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        ui::RequestLogFeed feed(f.services.catalog.location(), &model);
        feed.setInitialRows(2);
        QSignalSpy older(&feed, &ui::RequestLogFeed::olderLoaded);
        feed.loadOlder(3); // nothing held to scroll back from
        QCOMPARE(older.size(), 1);
        QCOMPARE(older.first().first().toInt(), 0);

        feed.start();
        feed.loadOlder(3); // asked while the first page is read: waits for it, then scrolls back from it
        QTRY_COMPARE(older.size(), 2);
        QCOMPARE(older.last().first().toInt(), 3);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowAt(0).event.path, QByteArray("/old/1"));
        QVERIFY(strictlyIncreasing(model));

        QSignalSpy arrived(&feed, &ui::RequestLogFeed::rowsArrived);
        QVERIFY(store.append(events("/new/", 2)).ok());
        feed.pollSoon();
        feed.pollSoon();
        QTRY_COMPARE(model.rowCount(), 7);
        QCOMPARE(arrived.size(), 1);
        QVERIFY(strictlyIncreasing(model));
    }

    void startsOverWhenRetentionEmptiedTheLog()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        RequestLogStore store(f.t.catalog.database());
        QVERIFY(store.append(events("/old/", 5)).ok());
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        ui::RequestLogFeed feed(f.services.catalog.location(), &model);
        feed.start();
        QTRY_COMPARE(model.rowCount(), 5);
        QCOMPARE(model.newestId(), qint64(5));

        // Retention empties the whole log (30 days without a request): the rows shown are gone, and SQLite
        // numbers the next one 1 again.
        QVERIFY(store.purgeOlderThan(std::numeric_limits<qint64>::max()).ok());
        feed.pollNow();
        QTRY_COMPARE(model.rowCount(), 0);
        QVERIFY(store.append(events("/new/", 2)).ok());
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowAt(0).id, qint64(1));
        QCOMPARE(model.rowAt(1).event.path, QByteArray("/new/1"));

        // A log that merely has nothing new keeps what is shown.
        QTRY_VERIFY(!feed.isBusy());
        feed.pollNow();
        QTRY_VERIFY(!feed.isBusy());
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(TestRequestLogFeed)
#include "TestRequestLogFeed.moc"

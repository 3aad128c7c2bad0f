#include "ui/livelog/RequestLogFilter.h"

#include "tests/ui/livelog/LogRows.h"
#include "ui/livelog/RequestLogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace gatehouse;
using test::loggedRow;

namespace {

LoggedRequest row(qint64 id, const QByteArray& path, int status, const QString& api = {}, const QString& consumer = {},
    qint64 tokenId = 0)
{
    LoggedRequest r = loggedRow(id, path, status);
    r.event.apiName = api;
    r.event.consumerName = consumer;
    r.event.tokenId = tokenId;
    return r;
}

LoggedRequest refusal(qint64 id, int status)
{
    LoggedRequest r = loggedRow(id, "/billing/x", status);
    r.event.upstreamStatus = 0;
    return r;
}

QList<qint64> shownIds(const ui::RequestLogFilter& filter)
{
    QList<qint64> ids;
    for (int r = 0; r < filter.rowCount(); ++r)
        ids.append(filter.index(r, 0).data(ui::RequestLogModel::LogIdRole).toLongLong());
    return ids;
}

} // namespace

class TestRequestLogFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersNarrowRowsWhileBatchesStreamIn()
    {
        ui::RequestLogModel model;
        ui::RequestLogFilter filter;
        filter.setLogModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);

        model.appendBatch({row(1, "/billing/invoices", 200, QStringLiteral("billing"), QStringLiteral("app"), 7),
            row(2, "/billing/refunds", 404, QStringLiteral("billing"), QStringLiteral("web"), 8),
            row(3, "/search/q", 500, QStringLiteral("search"), QStringLiteral("app"), 7), refusal(4, 401)});
        QCOMPARE(shownIds(filter), (QList<qint64> {1, 2, 3, 4}));

        // Status classes: a refusal is its own class, not the upstream's 4xx.
        filter.setStatusClasses(ui::RequestLogFilter::ClientError);
        QCOMPARE(shownIds(filter), (QList<qint64> {2}));
        filter.setStatusClasses(ui::RequestLogFilter::Rejected | ui::RequestLogFilter::ServerError);
        QCOMPARE(shownIds(filter), (QList<qint64> {3, 4}));

        // New rows are filtered as they arrive.
        model.appendBatch({refusal(5, 429), row(6, "/billing/ok", 204), row(7, "/billing/boom", 502)});
        QCOMPARE(shownIds(filter), (QList<qint64> {3, 4, 5, 7}));

        filter.setStatusClasses(ui::RequestLogFilter::AllClasses);
        filter.setApiName(QStringLiteral("billing"));
        QCOMPARE(shownIds(filter), (QList<qint64> {1, 2}));
        filter.setApiName({});
        filter.setConsumerName(QStringLiteral("app"));
        QCOMPARE(shownIds(filter), (QList<qint64> {1, 3}));
        filter.setConsumerName({});
        filter.setTokenId(8);
        QCOMPARE(shownIds(filter), (QList<qint64> {2}));
        filter.setTokenId(0);

        // Free text over the path and the request id, case-insensitive.
        filter.setText(QStringLiteral("BILLING/RE"));
        QCOMPARE(shownIds(filter), (QList<qint64> {2}));
        model.appendBatch({row(8, "/billing/refunds/9", 200), row(9, "/other", 200)});
        QCOMPARE(shownIds(filter), (QList<qint64> {2, 8}));
        const QString requestId = QString::fromLatin1(model.rowAt(8).event.requestId);
        filter.setText(requestId);
        QCOMPARE(shownIds(filter), (QList<qint64> {9}));
        QVERIFY(filter.isFiltering());
        filter.setText({});
        QVERIFY(!filter.isFiltering());

        // The cap's removals pass through the filter too.
        model.setMaxRows(3);
        QCOMPARE(shownIds(filter), (QList<qint64> {7, 8, 9}));
    }

    void timeRange()
    {
        ui::RequestLogModel model;
        ui::RequestLogFilter filter;
        filter.setLogModel(&model);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.appendBatch(test::loggedRows(1, 5));
        filter.setTimeRange(model.rowAt(2).event.timeMs, 0);
        QCOMPARE(shownIds(filter), (QList<qint64> {3, 4, 5}));
        filter.setTimeRange(model.rowAt(1).event.timeMs, model.rowAt(3).event.timeMs);
        QCOMPARE(shownIds(filter), (QList<qint64> {2, 3}));
    }
};

QTEST_MAIN(TestRequestLogFilter)
#include "TestRequestLogFilter.moc"

#include "ui/livelog/RequestLogModel.h"

#include "tests/ui/livelog/LogRows.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using test::loggedRow;
using test::loggedRows;

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchIsOneInsertion()
    {
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.appendBatch(loggedRows(1, 3));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2); // inclusive last row

        // A batch overlapping what is held adds only the new rows, still as one insertion.
        model.appendBatch(loggedRows(2, 6));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(2).toInt(), 5);
        QCOMPARE(model.rowCount(), 6);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowAt(row).id, row + 1);

        // Nothing new: no signal at all.
        model.appendBatch(loggedRows(4, 6));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(reset.size(), 0);
    }

    void capRemovesTheOldestInOneRemoval()
    {
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMaxRows(5);
        model.appendBatch(loggedRows(1, 4));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.appendBatch(loggedRows(5, 7));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.oldestId(), 3);
        QCOMPARE(model.newestId(), 7);

        // A batch larger than the cap keeps its newest rows.
        model.appendBatch(loggedRows(8, 20));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.oldestId(), 16);
        QCOMPARE(model.newestId(), 20);
    }

    void olderRowsGoOnTopWithinTheCap()
    {
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMaxRows(6);
        model.appendBatch(loggedRows(10, 12));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // 5..11 offered: 10 and 11 are held already, 3 fit under the cap: the newest, 7..9.
        QCOMPARE(model.prependOlder(loggedRows(5, 11)), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(model.oldestId(), 7);
        QCOMPARE(model.rowAt(3).id, 10);
        QCOMPARE(model.prependOlder(loggedRows(1, 6)), 0);
    }

    void cellsShowTheRecordedFields()
    {
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        LoggedRequest row = loggedRow(1, "/billing/invoices?page=", 503);
        row.event.method = "POST";
        row.event.apiName = QStringLiteral("billing");
        row.event.consumerName = QStringLiteral("mobile-app");
        row.event.tokenId = 9;
        row.tokenName = QStringLiteral("ci");
        row.tokenHint = QStringLiteral("AbCd");
        row.event.latencyUs = 2500;
        model.appendBatch({row});
        auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(ui::RequestLogModel::Method), QStringLiteral("POST"));
        QCOMPARE(cell(ui::RequestLogModel::Path), QStringLiteral("/billing/invoices?page="));
        QCOMPARE(cell(ui::RequestLogModel::Api), QStringLiteral("billing"));
        QCOMPARE(cell(ui::RequestLogModel::Consumer), QStringLiteral("mobile-app"));
        QVERIFY(cell(ui::RequestLogModel::TokenColumn).contains(QStringLiteral("ci")));
        QVERIFY(cell(ui::RequestLogModel::TokenColumn).contains(QStringLiteral("AbCd")));
        QCOMPARE(cell(ui::RequestLogModel::Status), QStringLiteral("503"));
        QVERIFY(cell(ui::RequestLogModel::Latency).startsWith(QStringLiteral("2")));
        QCOMPARE(model.index(0, 0).data(ui::RequestLogModel::TokenIdRole).toLongLong(), 9);
        QCOMPARE(model.index(0, ui::RequestLogModel::Latency).data(ui::RequestLogModel::SortRole).toLongLong(), 2500);
        QCOMPARE(cell(ui::RequestLogModel::AiTokens), QString()); // not an AI request
    }

    void aiRequestsShowProviderModelAndTokens()
    {
        ui::RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        LoggedRequest row = loggedRow(1, "/ai/v1/chat/completions", 200);
        row.event.providerId = 2;
        row.event.providerName = QStringLiteral("anthropic");
        row.event.model = QStringLiteral("claude-sonnet-4-5");
        row.event.tokensIn = 1200;
        row.event.tokensOut = 34;
        model.appendBatch({row});
        auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
        QVERIFY(cell(ui::RequestLogModel::Api).contains(QStringLiteral("anthropic/claude-sonnet-4-5")));
        QCOMPARE(cell(ui::RequestLogModel::AiTokens), QLocale().toString(1200) + QStringLiteral(" / 34"));
        QCOMPARE(model.index(0, ui::RequestLogModel::AiTokens).data(ui::RequestLogModel::SortRole).toLongLong(), 1234);
    }
};

QTEST_MAIN(TestRequestLogModel)
#include "TestRequestLogModel.moc"

#include "ui/consumers/ConsumerTableModel.h"

#include "core/requestlog/RequestLogStore.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/TimeText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::ConsumerTableModel;

namespace {

qint64 createToken(test::TestCatalog& t, const QString& consumer, int days = 30)
{
    TokenRequest request;
    request.consumer = consumer;
    request.scopes = {QStringLiteral("api:billing:read")};
    request.expiry = t.expiryInDays(days);
    auto issued = t.tokens.create(request);
    return issued ? issued->token.id : 0;
}

// What the gateway's log writer does when a token authenticates a request.
bool recordUse(test::TestCatalog& t, qint64 tokenId, const QDateTime& when)
{
    RequestEvent event;
    event.timeMs = when.toMSecsSinceEpoch();
    event.method = "GET";
    event.path = "/billing/invoices";
    event.tokenId = tokenId;
    event.status = 200;
    event.clientAddress = "10.0.0.7";
    return RequestLogStore(t.catalog.database()).append({event}).ok();
}

int rowOf(const ConsumerTableModel& model, const QString& name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestConsumerTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsConsumersWithActiveTokensAndLastUse()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        t.addBillingApiAndConsumer();
        QVERIFY(t.consumers.add(QStringLiteral("batch-jobs")));
        const qint64 used = createToken(t, QStringLiteral("mobile-app"));
        QVERIFY(used);
        QVERIFY(createToken(t, QStringLiteral("mobile-app")));
        const qint64 revoked = createToken(t, QStringLiteral("mobile-app"));
        QVERIFY(t.tokens.revoke(revoked));
        const QDateTime usedAt = t.clock.now().addSecs(-3 * 3600);
        QVERIFY(recordUse(t, used, usedAt));

        ConsumerTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConsumerTableModel::ColumnCount));
        const int mobile = rowOf(model, QStringLiteral("mobile-app"));
        const int batch = rowOf(model, QStringLiteral("batch-jobs"));
        QVERIFY(mobile >= 0 && batch >= 0);

        const auto cell
            = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(mobile, ConsumerTableModel::NameColumn).toString(), QStringLiteral("mobile-app"));
        QCOMPARE(cell(mobile, ConsumerTableModel::DescriptionColumn).toString(), QStringLiteral("The phone apps"));
        QCOMPARE(cell(mobile, ConsumerTableModel::ActiveTokensColumn).toInt(), 2);
        QCOMPARE(cell(batch, ConsumerTableModel::ActiveTokensColumn).toInt(), 0);
        QCOMPARE(cell(mobile, ConsumerTableModel::LastUsedColumn).toString(), QStringLiteral("3 hours ago"));
        QCOMPARE(cell(mobile, ConsumerTableModel::LastUsedColumn, Qt::ToolTipRole).toString(),
            ui::timeText::absolute(usedAt));
        QCOMPARE(cell(batch, ConsumerTableModel::LastUsedColumn).toString(), QStringLiteral("never"));
        // Sorting by the raw time: never used comes before any use.
        QCOMPARE(
            cell(mobile, ConsumerTableModel::LastUsedColumn, ui::kSortRole).toLongLong(), usedAt.toMSecsSinceEpoch());
        QVERIFY(
            cell(batch, ConsumerTableModel::LastUsedColumn, ui::kSortRole).toLongLong() < usedAt.toMSecsSinceEpoch());
    }

    void showsEachConsumersAiBudget()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        QVERIFY(t.consumers.add(QStringLiteral("capped"), QString(), UsageBudget {250'000, 2'000'000}));
        QVERIFY(t.consumers.add(QStringLiteral("monthly"), QString(), UsageBudget {0, 5'000'000}));
        QVERIFY(t.consumers.add(QStringLiteral("free")));

        ConsumerTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(
            model.headerData(ConsumerTableModel::BudgetColumn, Qt::Horizontal).toString(), QStringLiteral("AI budget"));
        const auto cell = [&](const QString& name, int role = Qt::DisplayRole) {
            return model.index(rowOf(model, name), ConsumerTableModel::BudgetColumn).data(role);
        };
        QCOMPARE(cell(QStringLiteral("capped")).toString(), QStringLiteral("250k/day, 2M/month"));
        QCOMPARE(cell(QStringLiteral("monthly")).toString(), QStringLiteral("5M/month"));
        QCOMPARE(cell(QStringLiteral("free")).toString(), QString());
        QVERIFY(!cell(QStringLiteral("free"), Qt::ToolTipRole).toString().isEmpty());
        // The smaller allowance sorts first; no budget last.
        QVERIFY(cell(QStringLiteral("capped"), ui::kSortRole).toLongLong()
            < cell(QStringLiteral("monthly"), ui::kSortRole).toLongLong());
        QVERIFY(cell(QStringLiteral("monthly"), ui::kSortRole).toLongLong()
            < cell(QStringLiteral("free"), ui::kSortRole).toLongLong());

        // Another admin's change reaches the column.
        QVERIFY(t.consumers.update(QStringLiteral("free"), QStringLiteral("free"), QString(), UsageBudget {1'000, 0}));
        QTRY_COMPARE(cell(QStringLiteral("free")).toString(), QStringLiteral("1k/day"));
    }

    void followsAnotherAdminRowByRowWithoutReset()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        t.addBillingApiAndConsumer();
        ConsumerTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QPersistentModelIndex mobile = model.index(0, ConsumerTableModel::NameColumn);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(t.consumers.add(QStringLiteral("batch-jobs"), QStringLiteral("Nightly")));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);

        QVERIFY(t.consumers.update(QStringLiteral("mobile-app"), QStringLiteral("mobile-app"), QStringLiteral("iOS")));
        QTRY_COMPARE(
            model.index(mobile.row(), ConsumerTableModel::DescriptionColumn).data().toString(), QStringLiteral("iOS"));
        QCOMPARE(changed.size(), 1);

        const qint64 token = createToken(t, QStringLiteral("mobile-app"));
        QVERIFY(token);
        QTRY_COMPARE(model.index(mobile.row(), ConsumerTableModel::ActiveTokensColumn).data().toInt(), 1);
        QVERIFY(t.tokens.revoke(token));
        QTRY_COMPARE(model.index(mobile.row(), ConsumerTableModel::ActiveTokensColumn).data().toInt(), 0);

        QVERIFY(t.consumers.remove(QStringLiteral("batch-jobs")));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(mobile.isValid());
        QCOMPARE(reset.size(), 0);
    }

    void rereadSeesTimeAndUse()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        t.addBillingApiAndConsumer();
        const qint64 token = createToken(t, QStringLiteral("mobile-app"), 2);
        QVERIFY(token);
        ConsumerTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowAt(0).activeTokens, 1);
        QVERIFY(!model.rowAt(0).lastUsed.isValid());

        // Neither a use nor an expiry moves the catalog's revision: the periodic reread sees them.
        QVERIFY(recordUse(t, token, t.clock.now()));
        t.clock.advanceDays(3);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.reload());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowAt(0).activeTokens, 0);
        QCOMPARE(model.index(0, ConsumerTableModel::LastUsedColumn).data().toString(), QStringLiteral("3 days ago"));
    }
};

QTEST_MAIN(TestConsumerTableModel)
#include "TestConsumerTableModel.moc"

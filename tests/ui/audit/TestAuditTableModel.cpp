#include "ui/audit/AuditTableModel.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/TimeText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::AuditTableModel;

class TestAuditTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEventsWithCompactDetails()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer(); // api.add, consumer.add
        AuditTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
        QVERIFY(!model.hasMore());

        int consumerRow = model.rowAt(0).action == QStringLiteral("consumer.add") ? 0 : 1;
        const auto cell
            = [&](int column, int role = Qt::DisplayRole) { return model.index(consumerRow, column).data(role); };
        QCOMPARE(cell(AuditTableModel::ActorColumn).toString(), QStringLiteral("test:admin"));
        QCOMPARE(cell(AuditTableModel::ActionColumn).toString(), QStringLiteral("consumer.add"));
        QCOMPARE(cell(AuditTableModel::SubjectColumn).toString(), QStringLiteral("consumer:mobile-app"));
        QCOMPARE(
            cell(AuditTableModel::DetailsColumn).toString(), QStringLiteral(R"({"description":"The phone apps"})"));
        QCOMPARE(cell(AuditTableModel::TimeColumn).toString(), ui::timeText::absolute(f.t.clock.now()));
        // Both events carry the same (manual) time; the sort key still orders them by commit.
        QVERIFY(cell(AuditTableModel::TimeColumn, ui::kSortRole).toLongLong()
            > model.index(1 - consumerRow, AuditTableModel::TimeColumn).data(ui::kSortRole).toLongLong());
    }

    void newEventsArriveAsInsertionsWithoutReset()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        AuditTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(f.t.apis.remove(QStringLiteral("billing")));
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowAt(2).action, QStringLiteral("api.remove"));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void keepsTheNewestWithinTheLimitAndSaysThereIsMore()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        for (const char* name : {"a", "b", "c"})
            QVERIFY(f.t.consumers.add(QString::fromLatin1(name)));
        AuditTableModel model(f.services, 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasMore());
        QSignalSpy more(&model, &AuditTableModel::hasMoreChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(f.t.consumers.add(QStringLiteral("d")));
        QTRY_VERIFY(model.hasMore());
        QCOMPARE(more.size(), 1);
        QCOMPARE(more.at(0).at(0).toBool(), true);
        QCOMPARE(model.rowCount(), 3);
        QStringList subjects;
        for (const AuditEvent& event : model.rows())
            subjects.append(event.subject);
        subjects.sort();
        QCOMPARE(subjects,
            (QStringList {QStringLiteral("consumer:b"), QStringLiteral("consumer:c"), QStringLiteral("consumer:d")}));
        QCOMPARE(reset.size(), 0);
    }
};

QTEST_MAIN(TestAuditTableModel)
#include "TestAuditTableModel.moc"

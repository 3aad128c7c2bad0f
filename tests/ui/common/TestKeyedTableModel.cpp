#include "ui/common/KeyedTableModel.h"

#include "core/catalog/Consumer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

namespace {

class ConsumerRows : public ui::KeyedTableModel<Consumer>
{
public:
    using KeyedTableModel::KeyedTableModel;
    using KeyedTableModel::replaceRows;

    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || role != Qt::DisplayRole)
            return {};
        const Consumer& row = rowAt(index.row());
        return index.column() == 0 ? QVariant(row.name) : QVariant(row.description);
    }
};

Consumer consumer(qint64 id, const QString& name, const QString& description = {})
{
    Consumer c;
    c.id = id;
    c.name = name;
    c.description = description;
    return c;
}

QStringList names(const ConsumerRows& model)
{
    QStringList out;
    for (const auto& row : model.rows())
        out.append(row.name);
    return out;
}

} // namespace

class TestKeyedTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFillIsOneInsertion()
    {
        ConsumerRows model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.replaceRows(
            {consumer(1, QStringLiteral("a")), consumer(2, QStringLiteral("b")), consumer(3, QStringLiteral("c"))});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2); // inclusive last row
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
    }

    void rereadTurnsIntoRowLevelChanges()
    {
        ConsumerRows model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows({consumer(1, QStringLiteral("a")), consumer(2, QStringLiteral("b")),
            consumer(3, QStringLiteral("c")), consumer(4, QStringLiteral("d")), consumer(5, QStringLiteral("e"))});
        const QPersistentModelIndex keptE = model.index(4, 0);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // 2 and 4 go (two runs), 1 changes, 3 and 5 stay, 6 arrives.
        model.replaceRows({consumer(5, QStringLiteral("e")), consumer(1, QStringLiteral("a"), QStringLiteral("new")),
            consumer(3, QStringLiteral("c")), consumer(6, QStringLiteral("f"))});

        QCOMPARE(removed.size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(names(model),
            (QStringList {QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("f")}));
        QCOMPARE(model.rowAt(0).description, QStringLiteral("new"));
        QVERIFY(keptE.isValid());
        QCOMPARE(keptE.data().toString(), QStringLiteral("e"));
        QCOMPARE(model.rowOfId(6), 3);
        QCOMPARE(model.rowOfId(2), -1);
    }

    void identicalRereadEmitsNothing()
    {
        ConsumerRows model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QList<Consumer> rows {consumer(1, QStringLiteral("a")), consumer(2, QStringLiteral("b"))};
        model.replaceRows(rows);
        QSignalSpy any(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.replaceRows(rows);
        QCOMPARE(any.size() + removed.size() + inserted.size(), 0);
    }

    void emptyingRemovesEverything()
    {
        ConsumerRows model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows({consumer(1, QStringLiteral("a")), consumer(2, QStringLiteral("b"))});
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.replaceRows({});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKeyedTableModel)
#include "TestKeyedTableModel.moc"

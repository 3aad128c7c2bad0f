#include "ui/overview/AiUsageModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace gatehouse;
using ui::AiUsageModel;

class TestAiUsageModel : public QObject
{
    Q_OBJECT

    static QStringList names(const QAbstractItemModel& model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list.append(model.index(row, AiUsageModel::NameColumn).data().toString());
        return list;
    }

private Q_SLOTS:
    // Token counts get the locale's digit grouping (the C locale has none).
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsNameRequestsAndTokens()
    {
        AiUsageModel model(QStringLiteral("Consumer"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries({{QStringLiteral("1"), QStringLiteral("mobile-app"), 3, 1200, 340},
            {QStringLiteral("2"), QStringLiteral("batch"), 1, 5, 6},
            {QStringLiteral("1"), QStringLiteral("mobile-app"), 1, 1, 1}}); // the same key twice: one row
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AiUsageModel::ColumnCount));
        QCOMPARE(model.headerData(AiUsageModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Consumer"));
        QCOMPARE(
            model.headerData(AiUsageModel::TokensInColumn, Qt::Horizontal).toString(), QStringLiteral("Tokens in"));
        QCOMPARE(model.index(0, AiUsageModel::NameColumn).data().toString(), QStringLiteral("mobile-app"));
        QCOMPARE(model.index(0, AiUsageModel::RequestsColumn).data().toString(), QStringLiteral("4"));
        QCOMPARE(model.index(0, AiUsageModel::TokensInColumn).data().toString(), QStringLiteral("1,201"));
        QCOMPARE(model.index(0, AiUsageModel::TokensOutColumn).data().toString(), QStringLiteral("341"));
        QCOMPARE(model.index(0, AiUsageModel::TokensOutColumn).data(AiUsageModel::kTotalTokensRole).toLongLong(), 1542);
        QVERIFY(model.index(0, AiUsageModel::NameColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("1,542")));
    }

    // A batch adds to an existing row (dataChanged) or appends one (an insertion), never a reset.
    void addingUpdatesInPlaceOrAppends()
    {
        AiUsageModel model(QStringLiteral("Model"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries({{QStringLiteral("1/gpt-4o"), QStringLiteral("openai/gpt-4o"), 1, 10, 10}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.add({QStringLiteral("1/gpt-4o"), QStringLiteral("openai/gpt-4o"), 1, 5, 7});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.entries().first().requests, 2);
        QCOMPARE(model.entries().first().tokensIn, 15);
        QCOMPARE(model.entries().first().tokensOut, 17);
        model.add({QStringLiteral("2/claude-sonnet-4-5"), QStringLiteral("claude/claude-sonnet-4-5"), 1, 100, 100});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.size(), 0);
    }

    // Through a proxy on the total, most tokens come first and stay first as batches arrive.
    void aProxyOnTheTotalSortsMostTokensFirst()
    {
        AiUsageModel model(QStringLiteral("Consumer"));
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(AiUsageModel::kTotalTokensRole);
        sorted.sort(AiUsageModel::NameColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries({{QStringLiteral("1"), QStringLiteral("small"), 1, 1, 1},
            {QStringLiteral("2"), QStringLiteral("large"), 1, 1000, 1}});
        QCOMPARE(names(sorted), (QStringList {QStringLiteral("large"), QStringLiteral("small")}));
        model.add({QStringLiteral("1"), QStringLiteral("small"), 1, 5000, 0});
        QCOMPARE(names(sorted), (QStringList {QStringLiteral("small"), QStringLiteral("large")}));
        model.add({QStringLiteral("3"), QStringLiteral("new"), 1, 2000, 0});
        QCOMPARE(
            names(sorted), (QStringList {QStringLiteral("small"), QStringLiteral("new"), QStringLiteral("large")}));
        model.setEntries({});
        QCOMPARE(sorted.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAiUsageModel)
#include "TestAiUsageModel.moc"

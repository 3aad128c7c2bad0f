#include "ui/apis/ApiTableModel.h"

#include "core/catalog/Catalog.h"
#include "tests/ui/support/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::ApiTableModel;

namespace {

// Creates a token for mobile-app; returns its id, 0 on failure.
qint64 createToken(test::TestCatalog& t, const QStringList& scopes, int days = 30)
{
    TokenRequest request;
    request.consumer = QStringLiteral("mobile-app");
    request.scopes = scopes;
    request.expiry = t.expiryInDays(days);
    auto issued = t.tokens.create(request);
    if (!issued) {
        qWarning("cannot create token: %s", qPrintable(issued.error().toString()));
        return 0;
    }
    return issued->token.id;
}

ApiSpec spec(const QString& name, const QString& upstream, qint64 timeoutMs = 30'000)
{
    ApiSpec s;
    s.name = name;
    s.upstream = upstream;
    s.timeoutMs = timeoutMs;
    return s;
}

QString cell(const ApiTableModel& model, const QString& api, int column)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).api.name == api)
            return model.index(row, column).data().toString();
    }
    return QStringLiteral("<no row for %1>").arg(api);
}

} // namespace

class TestApiTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsApisAndCountsTokensThatGrantThem()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        t.addBillingApiAndConsumer();
        QVERIFY(t.apis.add(spec(QStringLiteral("search"), QStringLiteral("http://search.internal:9200"), 5'000)));
        QVERIFY(createToken(t, {QStringLiteral("api:billing:read")}));
        QVERIFY(createToken(t, {QStringLiteral("api:billing"), QStringLiteral("api:search")}));
        const qint64 revoked = createToken(t, {QStringLiteral("api:billing:write")});
        QVERIFY(revoked);
        QVERIFY(t.tokens.revoke(revoked, QStringLiteral("lost")));
        QVERIFY(createToken(t, {QStringLiteral("api:billing")}, 1));
        QVERIFY(createToken(t, {QStringLiteral("api:search:write")}));
        QVERIFY(createToken(t, {QStringLiteral("ai:openai/gpt-4o*")}));
        t.clock.advanceDays(2); // the 1-day token has expired

        ApiTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ApiTableModel::ColumnCount));
        QCOMPARE(model.headerData(ApiTableModel::TokensColumn, Qt::Horizontal).toString(), QStringLiteral("Tokens"));

        QCOMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::NameColumn), QStringLiteral("billing"));
        QCOMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::PrefixColumn), QStringLiteral("/billing"));
        QCOMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::UpstreamColumn),
            QStringLiteral("https://billing.example.com/v2"));
        QCOMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::TimeoutColumn), QStringLiteral("30s"));
        QCOMPARE(cell(model, QStringLiteral("search"), ApiTableModel::TimeoutColumn), QStringLiteral("5s"));
        // billing: the read token and the two-API token; not the revoked one, not the expired one.
        QCOMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::TokensColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, QStringLiteral("search"), ApiTableModel::TokensColumn), QStringLiteral("2"));
        const int billing = model.rowAt(0).api.name == QStringLiteral("billing") ? 0 : 1;
        QCOMPARE(model.rowAt(billing).grantingTokens, 2);
        QCOMPARE(model.rowAt(billing).mentioningTokens, 4);
        // Raw values to sort by: the timeout in milliseconds, the count as a number.
        QCOMPARE(model.index(billing, ApiTableModel::TimeoutColumn).data(ui::kSortRole).toLongLong(), 30'000);
        QCOMPARE(model.index(billing, ApiTableModel::TokensColumn).data(ui::kSortRole).toInt(), 2);
        QVERIFY(model.index(billing, ApiTableModel::TokensColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("2 expired or revoked")));
    }

    void followsAnotherAdminRowByRowWithoutReset()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto& t = f.t;
        t.addBillingApiAndConsumer();

        ApiTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);
        const QPersistentModelIndex billing = model.index(0, ApiTableModel::NameColumn);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(t.apis.add(spec(QStringLiteral("search"), QStringLiteral("http://search.internal"))));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0);

        QVERIFY(t.apis.update(QStringLiteral("billing"),
            spec(QStringLiteral("billing"), QStringLiteral("https://billing.example.com/v3"), 10'000)));
        QTRY_COMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::TimeoutColumn), QStringLiteral("10s"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), billing.row());

        // A token is no API change, but it changes the count of the row it names.
        QVERIFY(createToken(t, {QStringLiteral("api:billing:read")}));
        QTRY_COMPARE(cell(model, QStringLiteral("billing"), ApiTableModel::TokensColumn), QStringLiteral("1"));
        QCOMPARE(changed.size(), 2);

        QVERIFY(t.apis.update(QStringLiteral("billing"),
            spec(QStringLiteral("payments"), QStringLiteral("https://billing.example.com/v3"), 10'000)));
        QTRY_COMPARE(billing.data().toString(), QStringLiteral("payments"));

        QVERIFY(t.apis.remove(QStringLiteral("search")));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(billing.isValid());
        QCOMPARE(reset.size(), 0);
    }

    void seesAnotherProcessWithinASecond()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ApiTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

        // A second connection to the same file commits without this process's Catalog knowing:
        // only the revision watcher's polling can bring it in, as with the CLI.
        Catalog other(f.t.clock);
        QVERIFY(other.open(f.t.filePath()));
        ApiService otherApis(other, QStringLiteral("cli:bob"));
        QVERIFY(otherApis.add(spec(QStringLiteral("search"), QStringLiteral("http://search.internal"))));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 1000);
        QCOMPARE(model.rowAt(0).api.name, QStringLiteral("search"));
    }
};

QTEST_MAIN(TestApiTableModel)
#include "TestApiTableModel.moc"

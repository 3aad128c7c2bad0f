#include "ui/tokens/TokenTableModel.h"

#include "core/requestlog/RequestLogStore.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "tests/ui/tokens/TokenTestData.h"
#include "ui/common/TimeText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::TokenTableModel;

namespace {

TokenState stateOf(const TokenTableModel& model, qint64 id)
{
    const int row = model.rowOfId(id);
    if (row < 0)
        return TokenState(-1);
    return TokenState(model.index(row, TokenTableModel::State).data(TokenTableModel::StateRole).toInt());
}

QString cell(const TokenTableModel& model, qint64 id, int column, int role = Qt::DisplayRole)
{
    const int row = model.rowOfId(id);
    return row < 0 ? QString() : model.index(row, column).data(role).toString();
}

QList<qint64> ids(const TokenTableModel& model)
{
    QList<qint64> out;
    for (const Token& token : model.rows())
        out.append(token.id);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestTokenTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTokensWithStatesOfTheClock()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 active = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("active"), 20);
        const qint64 expiring = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("expiring"), 5);
        const qint64 revoked = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("revoked"), 20);
        const qint64 expired = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("expired"), 1);
        QVERIFY(f.t.tokens.revoke(revoked, QStringLiteral("lost laptop")).ok());
        f.t.clock.advanceDays(2);

        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(stateOf(model, active), TokenState::Active);
        QCOMPARE(stateOf(model, expiring), TokenState::Expiring);
        QCOMPARE(stateOf(model, revoked), TokenState::Revoked);
        QCOMPARE(stateOf(model, expired), TokenState::Expired);
        QCOMPARE(cell(model, revoked, TokenTableModel::State), QStringLiteral("Revoked"));
        QCOMPARE(cell(model, revoked, TokenTableModel::State, Qt::ToolTipRole), QStringLiteral("lost laptop"));

        QCOMPARE(cell(model, active, TokenTableModel::Name), QStringLiteral("active"));
        QCOMPARE(cell(model, active, TokenTableModel::Consumer), QStringLiteral("mobile-app"));
        QCOMPARE(cell(model, active, TokenTableModel::Scopes), QStringLiteral("api:billing:read"));
        QCOMPARE(cell(model, active, TokenTableModel::Created), QStringLiteral("2 days ago"));
        QCOMPARE(cell(model, active, TokenTableModel::Expires), QStringLiteral("in 2 weeks"));
        const Token token = *f.t.tokens.find(active);
        QCOMPARE(cell(model, active, TokenTableModel::Expires, Qt::ToolTipRole), ui::timeText::absolute(token.expires));
        QCOMPARE(model.index(model.rowOfId(active), TokenTableModel::Expires).data(ui::kSortRole).toDateTime(),
            token.expires);
        QCOMPARE(cell(model, active, TokenTableModel::LastUsed), QStringLiteral("never"));
        QCOMPARE(model.index(model.rowOfId(active), 0).data(TokenTableModel::TokenIdRole).toLongLong(), active);
    }

    void lastUseShowsTheAddressInTheTooltip()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 20);
        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

        // The gateway records a use through the request log, which moves no catalog revision.
        RequestEvent event;
        event.timeMs = f.t.clock.now().addSecs(-3 * 3600).toMSecsSinceEpoch();
        event.method = "GET";
        event.path = "/billing/invoices";
        event.tokenId = id;
        event.status = 200;
        event.clientAddress = "192.0.2.7";
        QVERIFY(RequestLogStore(f.t.catalog.database()).append({event}).ok());
        model.reload();

        QCOMPARE(cell(model, id, TokenTableModel::LastUsed), QStringLiteral("3 hours ago"));
        const QString tooltip = cell(model, id, TokenTableModel::LastUsed, Qt::ToolTipRole);
        QVERIFY2(tooltip.contains(QStringLiteral("192.0.2.7")), qPrintable(tooltip));
        QVERIFY2(tooltip.contains(ui::timeText::absolute(f.t.tokens.find(id)->lastUsed)), qPrintable(tooltip));
    }

    void movingTheClockChangesStatesAtTheTickWithoutReset()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 tenDays = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("ten"), 10);
        const qint64 fiveDays = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("five"), 5);
        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(stateOf(model, tenDays), TokenState::Active);
        QCOMPARE(stateOf(model, fiveDays), TokenState::Expiring);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        f.t.clock.advanceDays(8);
        // The minute tick, shortened: nothing in the catalog moved, only the clock.
        model.setTickInterval(10);
        QTRY_COMPARE(stateOf(model, tenDays), TokenState::Expiring);
        QCOMPARE(stateOf(model, fiveDays), TokenState::Expired);
        QCOMPARE(cell(model, tenDays, TokenTableModel::Expires), QStringLiteral("in 2 days"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 2);
    }

    void aStateFilterFollowsTheClock()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 tenDays = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("ten"), 10);
        const qint64 fiveDays = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("five"), 5);
        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFilter({QString(), TokenState::Expiring});
        QCOMPARE(ids(model), QList<qint64> {fiveDays});

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        f.t.clock.advanceDays(8);
        model.refreshClock();
        QCOMPARE(ids(model), QList<qint64> {tenDays}); // five expired and left, ten entered the window
        QCOMPARE(reset.size(), 0);
    }

    void anotherAdminsRevokeShowsUpWithoutReset()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        const qint64 other = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("tablet"), 30);
        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QPersistentModelIndex kept = model.index(model.rowOfId(other), TokenTableModel::Name);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(f.t.tokens.revoke(id, QStringLiteral("left the company")).ok());
        QTRY_COMPARE(stateOf(model, id), TokenState::Revoked);
        QCOMPARE(stateOf(model, other), TokenState::Active);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), QStringLiteral("tablet"));

        // A token another admin issues appears as an insertion.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const qint64 added = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("watch"), 30);
        QTRY_VERIFY(model.rowOfId(added) >= 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
    }

    void filtersByConsumerAndStateNarrowTheRows()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.consumers.add(QStringLiteral("web-app")).ok());
        const qint64 mobileActive = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("m1"), 30);
        const qint64 mobileExpiring = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("m2"), 3);
        const qint64 mobileRevoked = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("m3"), 30);
        const qint64 webActive = test::issueToken(f.t, QStringLiteral("web-app"), QStringLiteral("w1"), 30);
        QVERIFY(f.t.tokens.revoke(mobileRevoked).ok());

        TokenTableModel model(f.services);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 4);

        model.setFilter({QStringLiteral("web-app"), std::nullopt});
        QCOMPARE(ids(model), QList<qint64> {webActive});
        model.setFilter({QStringLiteral("mobile-app"), std::nullopt});
        QCOMPARE(ids(model), (QList<qint64> {mobileActive, mobileExpiring, mobileRevoked}));
        // Active means usable, the expiring ones included (as `token list --state active`).
        model.setFilter({QStringLiteral("mobile-app"), TokenState::Active});
        QCOMPARE(ids(model), (QList<qint64> {mobileActive, mobileExpiring}));
        model.setFilter({QString(), TokenState::Expiring});
        QCOMPARE(ids(model), QList<qint64> {mobileExpiring});
        model.setFilter({QString(), TokenState::Revoked});
        QCOMPARE(ids(model), QList<qint64> {mobileRevoked});
        model.setFilter({QString(), TokenState::Expired});
        QCOMPARE(model.rowCount(), 0);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(reset.size(), 0);
    }
};

QTEST_MAIN(TestTokenTableModel)
#include "TestTokenTableModel.moc"

#include "ui/audit/AuditPage.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/audit/AuditTableModel.h"
#include "ui/common/FilterableTable.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using ui::AuditPage;
using ui::AuditTableModel;
using ui::PageAction;

namespace {

// The Subject column as the view shows it, top to bottom.
QStringList shownSubjects(const AuditPage& page)
{
    const QAbstractItemModel* shown = page.table()->view()->model();
    QStringList subjects;
    for (int row = 0; row < shown->rowCount(); ++row)
        subjects.append(shown->index(row, AuditTableModel::SubjectColumn).data().toString());
    return subjects;
}

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheNewestFirstAndFollowsChanges()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        f.t.clock.advanceSecs(60);
        QVERIFY(f.t.consumers.add(QStringLiteral("batch-jobs")));
        AuditPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();
        QCOMPARE(page.title(), QStringLiteral("Audit"));
        QCOMPARE(shownSubjects(page),
            (QStringList {QStringLiteral("consumer:batch-jobs"), QStringLiteral("consumer:mobile-app"),
                QStringLiteral("api:billing")}));

        QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
        QSignalSpy proxyReset(page.table()->proxy(), &QAbstractItemModel::modelReset);
        // The console's own change and another admin's, in the same second.
        QVERIFY(f.services.apis.remove(QStringLiteral("billing")));
        QVERIFY(f.t.consumers.remove(QStringLiteral("batch-jobs")));
        QTRY_COMPARE(shownSubjects(page).size(), 5);
        QCOMPARE(shownSubjects(page).mid(0, 2),
            (QStringList {QStringLiteral("consumer:batch-jobs"), QStringLiteral("api:billing")}));
        QCOMPARE(page.table()->view()->model()->index(0, AuditTableModel::ActionColumn).data().toString(),
            QStringLiteral("consumer.remove"));
        QCOMPARE(page.table()->view()->model()->index(1, AuditTableModel::ActorColumn).data().toString(),
            QStringLiteral("console:test"));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(proxyReset.size(), 0);
    }

    void filterNarrowsTheRows()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.consumers.add(QStringLiteral("batch-jobs"), QStringLiteral("nightly invoices")));
        AuditPage page(f.services);
        page.show();
        QCOMPARE(shownSubjects(page).size(), 3);

        QTest::keyClicks(page.table()->filterEdit(), QStringLiteral("consumer"));
        QCOMPARE(shownSubjects(page),
            (QStringList {QStringLiteral("consumer:batch-jobs"), QStringLiteral("consumer:mobile-app")}));
        // Details are text too.
        page.table()->filterEdit()->clear();
        QTest::keyClicks(page.table()->filterEdit(), QStringLiteral("INVOICES"));
        QCOMPARE(shownSubjects(page), QStringList {QStringLiteral("consumer:batch-jobs")});
        // A new matching event shows up under the filter.
        QVERIFY(f.t.consumers.update(
            QStringLiteral("mobile-app"), QStringLiteral("mobile-app"), QStringLiteral("invoices on the phone")));
        QTRY_COMPARE(shownSubjects(page),
            (QStringList {QStringLiteral("consumer:mobile-app"), QStringLiteral("consumer:batch-jobs")}));
    }

    void saysWhenOlderEventsAreNotListed()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        AuditPage page(f.services, 2);
        page.show();
        QVERIFY(page.limitNotice()->isHidden());
        QVERIFY(page.limitNotice()->text().contains(QStringLiteral("newest 2 events")));
        QVERIFY(f.t.consumers.add(QStringLiteral("batch-jobs")));
        QTRY_VERIFY(page.limitNotice()->isVisible());
        QCOMPARE(shownSubjects(page),
            (QStringList {QStringLiteral("consumer:batch-jobs"), QStringLiteral("consumer:mobile-app")}));
    }

    void onlyFindAndRefreshApply()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        AuditPage page(f.services);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->selectSourceRow(0);
        for (PageAction action : {PageAction::New, PageAction::Edit, PageAction::Remove, PageAction::Revoke})
            QVERIFY(!page.canPerform(action));
        QVERIFY(page.canPerform(PageAction::Find));
        QVERIFY(page.canPerform(PageAction::Refresh));
        page.perform(PageAction::Find);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page.table()->filterEdit()));
        QSignalSpy status(&page, &ui::Page::statusMessage);
        page.perform(PageAction::Refresh);
        QCOMPARE(status.size(), 1);
    }
};

QTEST_MAIN(TestAuditPage)
#include "TestAuditPage.moc"

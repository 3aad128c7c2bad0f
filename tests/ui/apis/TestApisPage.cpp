#include "ui/apis/ApisPage.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/apis/ApiDialog.h"
#include "ui/apis/ApiTableModel.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using test::openDialog;
using ui::ApiDialog;
using ui::ApisPage;
using ui::MessageBoxes;
using ui::PageAction;

namespace {

qint64 createToken(test::TestCatalog& t, const QStringList& scopes, int days = 30)
{
    TokenRequest request;
    request.consumer = QStringLiteral("mobile-app");
    request.scopes = scopes;
    request.expiry = t.expiryInDays(days);
    auto issued = t.tokens.create(request);
    return issued ? issued->token.id : 0;
}

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

// Selects the row of `name` as a click would.
bool select(ApisPage& page, const QString& name)
{
    for (int row = 0; row < page.model()->rowCount(); ++row) {
        if (page.model()->rowAt(row).api.name == name) {
            page.table()->selectSourceRow(row);
            return true;
        }
    }
    return false;
}

QStringList apiNames(const test::TestCatalog& t)
{
    QStringList names;
    const auto apis = t.apis.list();
    for (const Api& api : apis ? *apis : QList<Api>())
        names.append(api.name);
    return names;
}

} // namespace

class TestApisPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsApisSortedAndFollowsOtherAdmins()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ApisPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();
        QCOMPARE(page.title(), QStringLiteral("APIs"));
        QTableView* view = page.table()->view();
        QCOMPARE(view->model()->rowCount(), 1);

        QVERIFY(f.t.apis.add({QStringLiteral("accounts"), QStringLiteral("https://accounts.example.com")}));
        QTRY_COMPARE(view->model()->rowCount(), 2);
        // Sorted by name: the new one comes first.
        QCOMPARE(view->model()->index(0, ui::ApiTableModel::NameColumn).data().toString(), QStringLiteral("accounts"));

        page.table()->filterEdit()->setText(QStringLiteral("bill"));
        QCOMPARE(view->model()->rowCount(), 1);
    }

    void actionsFollowTheSelection()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ApisPage page(f.services);
        QSignalSpy actionsChanged(&page, &ui::Page::actionsChanged);
        QVERIFY(page.canPerform(PageAction::New));
        QVERIFY(page.canPerform(PageAction::Find));
        QVERIFY(page.canPerform(PageAction::Refresh));
        QVERIFY(!page.canPerform(PageAction::Revoke));
        QVERIFY(!page.canPerform(PageAction::Edit));
        QVERIFY(!page.canPerform(PageAction::Remove));

        QVERIFY(select(page, QStringLiteral("billing")));
        QVERIFY(actionsChanged.size() >= 1);
        QVERIFY(page.canPerform(PageAction::Edit));
        QVERIFY(page.canPerform(PageAction::Remove));

        // The selected API removed elsewhere: the actions go off again.
        const auto before = actionsChanged.size();
        QVERIFY(f.t.apis.remove(QStringLiteral("billing")));
        QTRY_VERIFY(actionsChanged.size() > before);
        QVERIFY(!page.canPerform(PageAction::Edit));
    }

    void newAddsSelectsAndReports()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ApisPage page(f.services);
        page.show();
        QSignalSpy status(&page, &ui::Page::statusMessage);
        page.perform(PageAction::New);
        ApiDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ApiDialog>()));
        QVERIFY(dialog->isModal()); // open(): window-modal, no nested event loop
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("billing"));
        QTest::keyClicks(
            dialog->findChild<QLineEdit*>(QStringLiteral("upstream")), QStringLiteral("https://billing.example.com"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ApiDialog>());

        QCOMPARE(apiNames(f.t), QStringList {QStringLiteral("billing")});
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("API billing added"));
        QCOMPARE(page.table()->currentSourceRow(), page.model()->rowOfId(f.t.apis.list()->first().id));
    }

    void doubleClickEditsAndRenames()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ApisPage page(f.services);
        page.resize(800, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy status(&page, &ui::Page::statusMessage);

        QTableView* view = page.table()->view();
        const QRect cell = view->visualRect(view->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        ApiDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ApiDialog>()));
        QVERIFY(dialog->isEditing());
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("name"));
        QCOMPARE(name->text(), QStringLiteral("billing"));
        name->setFocus();
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, QStringLiteral("payments"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ApiDialog>());

        QCOMPARE(apiNames(f.t), QStringList {QStringLiteral("payments")});
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("API billing renamed to payments"));
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->rowAt(0).api.name, QStringLiteral("payments"));
    }

    void editActionOpensTheSelectedApi()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.apis.add({QStringLiteral("search"), QStringLiteral("http://search.internal")}));
        ApisPage page(f.services);
        page.show();
        QVERIFY(select(page, QStringLiteral("search")));
        page.perform(PageAction::Edit);
        ApiDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ApiDialog>()));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("search"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!openDialog<ApiDialog>());
        QCOMPARE(apiNames(f.t), (QStringList {QStringLiteral("billing"), QStringLiteral("search")}));
    }

    void removeAsksWithTheTokenCount()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(createToken(f.t, {QStringLiteral("api:billing:read")}));
        QVERIFY(createToken(f.t, {QStringLiteral("api:billing:write")}));
        const qint64 revoked = createToken(f.t, {QStringLiteral("api:billing")});
        QVERIFY(f.t.tokens.revoke(revoked));
        ApisPage page(f.services);
        page.show();
        QSignalSpy status(&page, &ui::Page::statusMessage);
        QVERIFY(select(page, QStringLiteral("billing")));

        MessageBoxes::setNextAnswer(QMessageBox::No);
        page.perform(PageAction::Remove);
        QVERIFY2(
            MessageBoxes::lastText().contains(QStringLiteral("\"billing\"")), qPrintable(MessageBoxes::lastText()));
        QVERIFY2(MessageBoxes::lastText().contains(QStringLiteral("2 usable tokens grant access to it")),
            qPrintable(MessageBoxes::lastText()));
        QVERIFY2(MessageBoxes::lastText().contains(QStringLiteral("1 expired or revoked token")),
            qPrintable(MessageBoxes::lastText()));
        QCOMPARE(apiNames(f.t), QStringList {QStringLiteral("billing")});
        QCOMPARE(status.size(), 0);

        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        page.perform(PageAction::Remove);
        QCOMPARE(apiNames(f.t), QStringList());
        QCOMPARE(f.t.audit.list()->first().action, QStringLiteral("api.remove"));
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("API billing removed"));
        QTRY_COMPARE(page.model()->rowCount(), 0);
    }

    void removeWithoutTokensSaysSo()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ApisPage page(f.services);
        QVERIFY(select(page, QStringLiteral("billing")));
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        page.perform(PageAction::Remove);
        QVERIFY2(
            MessageBoxes::lastText().contains(QStringLiteral("No usable token")), qPrintable(MessageBoxes::lastText()));
        QCOMPARE(apiNames(f.t), QStringList());
    }

    void findFocusesTheFilter()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ApisPage page(f.services);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.perform(PageAction::Find);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page.table()->filterEdit()));
    }
};

QTEST_MAIN(TestApisPage)
#include "TestApisPage.moc"

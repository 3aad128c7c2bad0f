#include "ui/consumers/ConsumersPage.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/consumers/ConsumerDialog.h"
#include "ui/consumers/ConsumerTableModel.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace gatehouse;
using test::openDialog;
using ui::ConsumerDialog;
using ui::ConsumersPage;
using ui::MessageBoxes;
using ui::PageAction;

namespace {

qint64 createToken(test::TestCatalog& t, const QString& consumer, int days = 30)
{
    TokenRequest request;
    request.consumer = consumer;
    request.scopes = {QStringLiteral("api:billing")};
    request.expiry = t.expiryInDays(days);
    auto issued = t.tokens.create(request);
    return issued ? issued->token.id : 0;
}

bool select(ConsumersPage& page, const QString& name)
{
    for (int row = 0; row < page.model()->rowCount(); ++row) {
        if (page.model()->rowAt(row).name == name) {
            page.table()->selectSourceRow(row);
            return true;
        }
    }
    return false;
}

QStringList consumerNames(const test::TestCatalog& t)
{
    QStringList names;
    const auto consumers = t.consumers.list();
    for (const Consumer& consumer : consumers ? *consumers : QList<Consumer>())
        names.append(consumer.name);
    return names;
}

// The token's state, or nullopt once it no longer exists.
std::optional<TokenState> stateOf(const test::TestCatalog& t, qint64 id)
{
    auto token = t.tokens.find(id);
    if (!token)
        return std::nullopt;
    return t.tokens.state(*token);
}

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

} // namespace

class TestConsumersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsConsumersAndFollowsOtherAdmins()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ConsumersPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(page.title(), QStringLiteral("Consumers"));
        QTableView* view = page.table()->view();
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(f.t.consumers.add(QStringLiteral("batch-jobs")));
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("batch-jobs"));
        page.table()->filterEdit()->setText(QStringLiteral("phone"));
        QCOMPARE(view->model()->rowCount(), 1); // the description matches
    }

    void actionsFollowTheSelection()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ConsumersPage page(f.services);
        QSignalSpy actionsChanged(&page, &ui::Page::actionsChanged);
        QVERIFY(page.canPerform(PageAction::New));
        QVERIFY(!page.canPerform(PageAction::Edit));
        QVERIFY(!page.canPerform(PageAction::Remove));
        QVERIFY(!page.canPerform(PageAction::Revoke));
        QVERIFY(select(page, QStringLiteral("mobile-app")));
        QVERIFY(actionsChanged.size() >= 1);
        QVERIFY(page.canPerform(PageAction::Edit));
        QVERIFY(page.canPerform(PageAction::Remove));
    }

    void newAddsSelectsAndReports()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ConsumersPage page(f.services);
        page.show();
        QSignalSpy status(&page, &ui::Page::statusMessage);
        page.perform(PageAction::New);
        ConsumerDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ConsumerDialog>()));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("mobile-app"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ConsumerDialog>());
        QCOMPARE(consumerNames(f.t), QStringList {QStringLiteral("mobile-app")});
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("Consumer mobile-app added"));
        QCOMPARE(page.table()->currentSourceRow(), 0);
    }

    void returnOnARowEditsAndRenames()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ConsumersPage page(f.services);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy status(&page, &ui::Page::statusMessage);
        QVERIFY(select(page, QStringLiteral("mobile-app")));
        QTableView* view = page.table()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        ConsumerDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ConsumerDialog>()));
        QVERIFY(dialog->isEditing());
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("name"));
        QCOMPARE(name->text(), QStringLiteral("mobile-app"));
        name->setFocus();
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, QStringLiteral("phone-apps"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(!openDialog<ConsumerDialog>());
        QCOMPARE(consumerNames(f.t), QStringList {QStringLiteral("phone-apps")});
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("Consumer mobile-app renamed to phone-apps"));
    }

    void removeWithoutActiveTokensAsksPlainly()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        // An expired token does not count: the CLI's rule is about usable ones.
        const qint64 expired = createToken(f.t, QStringLiteral("mobile-app"), 1);
        QVERIFY(expired);
        f.t.clock.advanceDays(2);
        ConsumersPage page(f.services);
        QSignalSpy status(&page, &ui::Page::statusMessage);
        page.perform(PageAction::Refresh);
        QVERIFY(select(page, QStringLiteral("mobile-app")));

        MessageBoxes::setNextAnswer(QMessageBox::No);
        page.perform(PageAction::Remove);
        QCOMPARE(MessageBoxes::lastText(), QStringLiteral("Remove the consumer \"mobile-app\"?"));
        QCOMPARE(consumerNames(f.t), QStringList {QStringLiteral("mobile-app")});

        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        page.perform(PageAction::Remove);
        QCOMPARE(consumerNames(f.t), QStringList());
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("Consumer mobile-app removed"));
        QTRY_COMPARE(page.model()->rowCount(), 0);
    }

    void removeWithActiveTokensOffersToRevokeThem()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 first = createToken(f.t, QStringLiteral("mobile-app"));
        const qint64 second = createToken(f.t, QStringLiteral("mobile-app"));
        QVERIFY(first && second);
        QVERIFY(f.t.consumers.add(QStringLiteral("batch-jobs")));
        const qint64 other = createToken(f.t, QStringLiteral("batch-jobs"));
        QVERIFY(other);
        ConsumersPage page(f.services);
        QSignalSpy status(&page, &ui::Page::statusMessage);
        QVERIFY(select(page, QStringLiteral("mobile-app")));

        MessageBoxes::setNextAnswer(QMessageBox::Cancel);
        page.perform(PageAction::Remove);
        QVERIFY2(
            MessageBoxes::lastText().contains(QStringLiteral("2 active tokens")), qPrintable(MessageBoxes::lastText()));
        QVERIFY2(MessageBoxes::lastText().contains(QStringLiteral("Revoke the tokens and remove?")),
            qPrintable(MessageBoxes::lastText()));
        QCOMPARE(consumerNames(f.t), (QStringList {QStringLiteral("batch-jobs"), QStringLiteral("mobile-app")}));
        QCOMPARE(stateOf(f.t, first), std::optional(TokenState::Active));
        QCOMPARE(stateOf(f.t, second), std::optional(TokenState::Active));

        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        page.perform(PageAction::Remove);
        QCOMPARE(consumerNames(f.t), QStringList {QStringLiteral("batch-jobs")});
        // Revoked in the removal's transaction (the audit trail says so), then gone with their consumer.
        QVERIFY(!stateOf(f.t, first));
        QVERIFY(!stateOf(f.t, second));
        QList<qint64> revokedIds;
        const auto events = f.t.audit.list();
        QVERIFY(events);
        for (const AuditEvent& event : events.value()) {
            if (event.action == QStringLiteral("token.revoke")) {
                QCOMPARE(event.actor, QStringLiteral("console:test"));
                QCOMPARE(event.details.value(QStringLiteral("reason")).toString(), QStringLiteral("consumer removed"));
                revokedIds.append(event.subject.section(u':', 1).toLongLong());
            }
        }
        std::sort(revokedIds.begin(), revokedIds.end());
        QCOMPARE(revokedIds, (QList<qint64> {first, second}));
        QCOMPARE(stateOf(f.t, other), std::optional(TokenState::Active)); // another consumer's token is untouched
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("Consumer mobile-app removed; 2 tokens revoked"));
        QTRY_COMPARE(page.model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestConsumersPage)
#include "TestConsumersPage.moc"

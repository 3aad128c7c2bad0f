#include "ui/consumers/ConsumerDialog.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FieldErrorLabel.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::ConsumerDialog;
using ui::FieldErrorLabel;

namespace {

QLineEdit* field(QWidget* dialog, const char* name)
{
    return dialog->findChild<QLineEdit*>(QLatin1StringView(name));
}

FieldErrorLabel* errorOf(QWidget* dialog, const char* name)
{
    return dialog->findChild<FieldErrorLabel*>(QLatin1StringView(name));
}

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestConsumerDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidNameIsExplainedBesideTheFieldAndBlocksOk()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, std::nullopt, &host);
        dialog->open();
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(errorOf(dialog, "nameError")->isHidden());

        QTest::keyClicks(field(dialog, "name"), QStringLiteral("Mobile App"));
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY2(errorOf(dialog, "nameError")->text().contains(QStringLiteral("is not a valid name")),
            qPrintable(errorOf(dialog, "nameError")->text()));
        QVERIFY(!okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QStringLiteral("-app"));
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QStringLiteral("mobile-app"));
        QVERIFY(errorOf(dialog, "nameError")->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(f.t.consumers.list()->size(), 0);
    }

    void overlongDescriptionIsExplained()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, std::nullopt, &host);
        dialog->open();
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("mobile-app"));
        QTest::keyClicks(field(dialog, "description"), QString(ConsumerService::kMaxDescriptionLength + 1, u'x'));
        QVERIFY(errorOf(dialog, "descriptionError")->isVisible());
        QCOMPARE(
            errorOf(dialog, "descriptionError")->text(), QStringLiteral("Description is longer than 500 characters"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClick(field(dialog, "description"), Qt::Key_Backspace);
        QVERIFY(errorOf(dialog, "descriptionError")->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void acceptAddsTheConsumerThroughTheService()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, std::nullopt, &host);
        QSignalSpy saved(dialog.data(), &ConsumerDialog::saved);
        dialog->open();
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("mobile-app"));
        QTest::keyClicks(field(dialog, "description"), QStringLiteral("  iOS and Android apps "));
        QTest::keyClick(field(dialog, "description"), Qt::Key_Return);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(saved.size(), 1);
        auto consumer = f.t.consumers.find(QStringLiteral("mobile-app"));
        QVERIFY(consumer);
        QCOMPARE(consumer->description, QStringLiteral("iOS and Android apps"));
        QCOMPARE(f.t.audit.list()->first().actor, QStringLiteral("console:test"));
    }

    void duplicateNameKeepsTheDialogOpenWithTheServicesReason()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, std::nullopt, &host);
        dialog->open();
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("mobile-app"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(!dialog.isNull());
        QVERIFY(dialog->isVisible());
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY2(errorOf(dialog, "nameError")->text().contains(QStringLiteral("already exists")),
            qPrintable(errorOf(dialog, "nameError")->text()));
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(f.t.consumers.list()->size(), 1);

        QTest::keyClicks(field(dialog, "name"), QStringLiteral("-2"));
        QVERIFY(errorOf(dialog, "nameError")->isHidden());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(f.t.consumers.find(QStringLiteral("mobile-app-2")));
    }

    void editPrefillsAndRenames()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto existing = f.t.consumers.find(QStringLiteral("mobile-app"));
        QVERIFY(existing);
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, *existing, &host);
        dialog->open();
        QVERIFY(dialog->isEditing());
        QCOMPARE(field(dialog, "name")->text(), QStringLiteral("mobile-app"));
        QCOMPARE(field(dialog, "description")->text(), QStringLiteral("The phone apps"));
        QVERIFY(okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QStringLiteral("phone-apps"));
        retype(field(dialog, "description"), QStringLiteral("iOS"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(!f.t.consumers.find(QStringLiteral("mobile-app")));
        auto renamed = f.t.consumers.find(QStringLiteral("phone-apps"));
        QVERIFY(renamed);
        QCOMPARE(renamed->id, existing->id);
        QCOMPARE(renamed->description, QStringLiteral("iOS"));
    }

    void aBudgetIsValidatedAsTypedAndStored()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        QPointer<ConsumerDialog> dialog = new ConsumerDialog(f.services, std::nullopt, &host);
        dialog->open();
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("mobile-app"));
        QVERIFY(okButton(dialog)->isEnabled()); // no budget is fine
        QVERIFY(errorOf(dialog, "budgetDailyReason")->isHidden());

        QTest::keyClicks(field(dialog, "budgetDaily"), QStringLiteral("-5"));
        QVERIFY(errorOf(dialog, "budgetDailyReason")->isVisible());
        QVERIFY(errorOf(dialog, "budgetDailyReason")->text().contains(QStringLiteral("2M")));
        QVERIFY(!okButton(dialog)->isEnabled());
        retype(field(dialog, "budgetDaily"), QStringLiteral("250k"));
        QVERIFY(errorOf(dialog, "budgetDailyReason")->isHidden());
        QTest::keyClicks(field(dialog, "budgetMonthly"), QStringLiteral("1.5Mx"));
        QVERIFY(errorOf(dialog, "budgetMonthlyReason")->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClick(field(dialog, "budgetMonthly"), Qt::Key_Backspace);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("aiRequestsPerMinute"))); // tokens only

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(f.t.consumers.find(QStringLiteral("mobile-app"))->budget == (UsageBudget {250'000, 1'500'000}));
    }

    void editPrefillsTheBudgetAndChangesIt()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QVERIFY(f.t.consumers.add(QStringLiteral("batch"), QString(), UsageBudget {0, 3'000'000}).ok());
        QWidget host;
        QPointer<ConsumerDialog> dialog
            = new ConsumerDialog(f.services, *f.t.consumers.find(QStringLiteral("batch")), &host);
        dialog->open();
        QVERIFY(field(dialog, "budgetDaily")->text().isEmpty());
        QCOMPARE(field(dialog, "budgetMonthly")->text(), QStringLiteral("3M"));
        QTest::keyClicks(field(dialog, "budgetDaily"), QStringLiteral("100000"));
        retype(field(dialog, "budgetMonthly"), QString()); // empty: no monthly budget
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(f.t.consumers.find(QStringLiteral("batch"))->budget == (UsageBudget {100'000, 0}));
    }
};

QTEST_MAIN(TestConsumerDialog)
#include "TestConsumerDialog.moc"

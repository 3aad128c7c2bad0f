#include "ui/tokens/IssuedTokenDialog.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "tests/ui/tokens/DialogCleanup.h"
#include "ui/tokens/ClipboardGuard.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::IssuedTokenDialog;

class TestIssuedTokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QGuiApplication::clipboard()->clear();
        ui::ClipboardGuard::instance().setClearDelayMs(100);
    }

    void cleanup() { test::deleteParentlessDialogs(); }

    void showsThePlaintextOnceAndWipesItOnClose()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto issued = f.services.tokens.create({QStringLiteral("mobile-app"), QStringLiteral("phone"),
            {QStringLiteral("api:billing:read")}, f.t.expiryInDays(7), QString()});
        QVERIFY(issued.ok());
        const qint64 id = issued->token.id;

        QPointer<IssuedTokenDialog> dialog = new IssuedTokenDialog(issued->token, std::move(issued->plaintext));
        QVERIFY(issued->plaintext.isEmpty()); // moved: the dialog holds the only copy
        dialog->open();
        QTRY_COMPARE(test::openDialog<IssuedTokenDialog>(), dialog.data());

        auto* field = dialog->findChild<QLineEdit*>(QStringLiteral("tokenText"));
        QVERIFY(field);
        QVERIFY(field->isReadOnly());
        QVERIFY(QFontInfo(field->font()).fixedPitch());
        QCOMPARE(field->text(), dialog->tokenText());
        auto found = f.services.tokens.findBySecret(dialog->tokenText().toLatin1());
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().toString()));
        QCOMPARE(found->id, id);
        auto* warning = dialog->findChild<QLabel*>(QStringLiteral("warning"));
        QVERIFY(warning && warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("cannot be shown again")));

        dialog->reject(); // Escape / Close
        // Wiped at once, before the deferred delete.
        QVERIFY(dialog.isNull() || dialog->tokenText().isEmpty());
        QTRY_VERIFY(dialog.isNull());
    }

    void copyPutsTheTokenOnTheClipboardUntilTheDelayEvenAfterClosing()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto issued = f.services.tokens.create({QStringLiteral("mobile-app"), QString(),
            {QStringLiteral("api:billing:read")}, f.t.expiryInDays(7), QString()});
        QVERIFY(issued.ok());
        QPointer<IssuedTokenDialog> dialog = new IssuedTokenDialog(issued->token, std::move(issued->plaintext));
        dialog->open();
        const QString text = dialog->tokenText();
        QVERIFY(!text.isEmpty());

        ui::ClipboardGuard::instance().setClearDelayMs(300);
        auto* copy = dialog->findChild<QPushButton*>(QStringLiteral("copy"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), text);

        auto* close = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(QGuiApplication::clipboard()->text(), text); // still there until the delay ends
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), QString());
    }

    void ctrlCInTheFieldGoesThroughTheGuard()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto issued = f.services.tokens.create({QStringLiteral("mobile-app"), QString(),
            {QStringLiteral("api:billing:read")}, f.t.expiryInDays(7), QString()});
        QVERIFY(issued.ok());
        auto* dialog = new IssuedTokenDialog(issued->token, std::move(issued->plaintext));
        dialog->open();
        auto* field = dialog->findChild<QLineEdit*>(QStringLiteral("tokenText"));
        field->selectAll();
        QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->tokenText());
        QVERIFY(ui::ClipboardGuard::instance().isPending());
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), QString());
        dialog->close();
    }

    void somethingCopiedMeanwhileIsLeftAlone()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto issued = f.services.tokens.create({QStringLiteral("mobile-app"), QString(),
            {QStringLiteral("api:billing:read")}, f.t.expiryInDays(7), QString()});
        QVERIFY(issued.ok());
        auto* dialog = new IssuedTokenDialog(issued->token, std::move(issued->plaintext));
        dialog->open();
        QSignalSpy expired(&ui::ClipboardGuard::instance(), &ui::ClipboardGuard::expired);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copy")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->tokenText());
        QGuiApplication::clipboard()->setText(QStringLiteral("an invoice number"));
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("an invoice number"));
        dialog->close();
    }
};

QTEST_MAIN(TestIssuedTokenDialog)
#include "TestIssuedTokenDialog.moc"

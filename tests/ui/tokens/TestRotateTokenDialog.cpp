#include "ui/tokens/RotateTokenDialog.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "tests/ui/tokens/DialogCleanup.h"
#include "tests/ui/tokens/TokenTestData.h"
#include "ui/tokens/IssuedTokenDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace gatehouse;
using ui::RotateTokenDialog;

class TestRotateTokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { test::deleteParentlessDialogs(); }

    void aCustomGraceIsParsedAsADuration()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        QPointer<RotateTokenDialog> dialog = new RotateTokenDialog(f.services, *f.t.tokens.find(id));
        dialog->open();
        auto* grace = dialog->findChild<QComboBox*>(QStringLiteral("grace"));
        auto* custom = dialog->findChild<QLineEdit*>(QStringLiteral("customGrace"));
        auto* reason = dialog->findChild<QLabel*>(QStringLiteral("graceReason"));
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("ok"));
        QCOMPARE(*dialog->graceMs(), qint64(0)); // none, as `token rotate` without --grace
        QVERIFY(ok->isEnabled());
        QVERIFY(!custom->isEnabled());

        grace->setCurrentIndex(grace->findText(QStringLiteral("Custom"), Qt::MatchStartsWith));
        QVERIFY(custom->isEnabled());
        QVERIFY(!ok->isEnabled()); // empty
        QTest::keyClicks(custom, QStringLiteral("soon"));
        QVERIFY(reason->isVisible());
        QVERIFY(reason->text().contains(QStringLiteral("not a duration")));
        QVERIFY(!ok->isEnabled());
        custom->clear();
        QTest::keyClicks(custom, QStringLiteral("2h30m"));
        QVERIFY(!reason->isVisible());
        QVERIFY(ok->isEnabled());
        QCOMPARE(*dialog->graceMs(), qint64(150) * 60 * 1000);

        QTest::keyClick(custom, Qt::Key_Return);
        ui::IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<ui::IssuedTokenDialog>()));
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(f.t.tokens.find(id)->graceEnds, f.t.clock.now().addSecs(150 * 60));
        QCOMPARE(f.t.tokens.findBySecret(shown->tokenText().toLatin1())->rotatedFrom, id);
        shown->close();
    }

    void aRefusalKeepsTheDialogOpen()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        QPointer<RotateTokenDialog> dialog = new RotateTokenDialog(f.services, *f.t.tokens.find(id));
        dialog->open();
        QVERIFY(f.t.tokens.revoke(id).ok()); // another admin, meanwhile
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("ok")), Qt::LeftButton);
        QVERIFY(!dialog.isNull() && dialog->isVisible());
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("serviceError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("revoked")), qPrintable(error->text()));
        QVERIFY(!test::openDialog<ui::IssuedTokenDialog>());
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 1);
        dialog->close();
    }
};

QTEST_MAIN(TestRotateTokenDialog)
#include "TestRotateTokenDialog.moc"

#include "ui/tokens/ClipboardGuard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using gatehouse::ui::ClipboardGuard;

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void copiesAndClearsAfterTheDelay()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(50);
        QSignalSpy expired(&guard, &ClipboardGuard::expired);
        guard.copySecret(QStringLiteral("gth_secret"));
        QClipboard* clipboard = QGuiApplication::clipboard();
        QCOMPARE(clipboard->text(), QStringLiteral("gth_secret"));
        // Clipboard managers are asked not to keep it.
        QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(guard.isPending());

        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toBool(), true);
        QCOMPARE(clipboard->text(), QString());
        QVERIFY(!guard.isPending());
    }

    void leavesSomethingElseAlone()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(50);
        QSignalSpy expired(&guard, &ClipboardGuard::expired);
        guard.copySecret(QStringLiteral("gth_secret"));
        QGuiApplication::clipboard()->setText(QStringLiteral("the user's own text"));

        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toBool(), false);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("the user's own text"));
    }

    void aSecondCopyRestartsTheDelay()
    {
        ClipboardGuard guard;
        guard.setClearDelayMs(200);
        QSignalSpy expired(&guard, &ClipboardGuard::expired);
        guard.copySecret(QStringLiteral("gth_first"));
        guard.copySecret(QStringLiteral("gth_second"));
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toBool(), true);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
    }

    void quittingClearsWhatIsStillPending()
    {
        ClipboardGuard guard; // the default 30 s delay: only the quit can clear it in this test
        guard.copySecret(QStringLiteral("gth_secret"));
        // aboutToQuit is a private signal: emit it the way QCoreApplication::exec() would reach it.
        QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
        QVERIFY(!guard.isPending());
    }

    void theApplicationWideGuardOutlivesWhoeverCopied()
    {
        ClipboardGuard& guard = ClipboardGuard::instance();
        QCOMPARE(guard.parent(), qApp);
        QCOMPARE(&ClipboardGuard::instance(), &guard);
        QCOMPARE(guard.clearDelayMs(), ClipboardGuard::kDefaultClearDelayMs);
    }
};

QTEST_MAIN(TestClipboardGuard)
#include "TestClipboardGuard.moc"

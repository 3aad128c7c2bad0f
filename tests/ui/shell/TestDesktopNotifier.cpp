// DesktopNotifier over a real D-Bus session bus (tests/support/with-session-bus.sh): the test plays the desktop's
// notification server on that bus and checks what arrives, and that without a server the tray's balloon is used.

#include "ui/shell/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>
#include <QVariantMap>

using gatehouse::ui::DesktopNotifier;
using gatehouse::ui::Notifier;

namespace {

// The freedesktop.org notification server's Notify method, as a desktop provides it.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        QString summary;
        QString body;
        QVariantMap hints;
        int expireMs = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
        const QString& body, const QStringList& actions, const QVariantMap& hints, int expireTimeout)
    {
        Q_UNUSED(replacesId);
        Q_UNUSED(appIcon);
        Q_UNUSED(actions);
        calls.append({appName, summary, body, hints, expireTimeout});
        return uint(calls.size());
    }
};

class RecordingNotifier : public Notifier
{
public:
    QList<std::pair<QString, QString>> notes;
    void notify(const QString& title, const QString& message) override { notes.append({title, message}); }
};

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under tests/support/with-session-bus.sh");
    }

    void withoutAServerTheTrayCarriesIt()
    {
        RecordingNotifier tray;
        DesktopNotifier notifier(&tray);
        QSignalSpy failed(&notifier, &DesktopNotifier::failed);
        notifier.notify(QStringLiteral("Token expires tomorrow"), QStringLiteral("deploy (ci-pipeline)"));
        // Asynchronously: the bus answers that nobody owns the name.
        QVERIFY(tray.notes.isEmpty());
        QTRY_COMPARE(tray.notes.size(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(tray.notes.first().first, QStringLiteral("Token expires tomorrow"));
    }

    void theDesktopsServerGetsTheNotification()
    {
        FakeNotificationServer server;
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(
            bus.registerObject(QString::fromLatin1(DesktopNotifier::kPath), &server, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QString::fromLatin1(DesktopNotifier::kService)));

        RecordingNotifier tray;
        DesktopNotifier notifier(&tray);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("Token expires tomorrow"), QStringLiteral("deploy (ci-pipeline)"));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(server.calls.size(), 1);
        const FakeNotificationServer::Call call = server.calls.first();
        QCOMPARE(call.summary, QStringLiteral("Token expires tomorrow"));
        QCOMPARE(call.body, QStringLiteral("deploy (ci-pipeline)"));
        QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
            QStringLiteral("io.github.gatehouse.Gatehouse"));
        QCOMPARE(call.expireMs, DesktopNotifier::kExpireMs);
        QCOMPARE(delivered.first().first().toUInt(), 1u);
        QVERIFY(tray.notes.isEmpty()); // not twice

        bus.unregisterService(QString::fromLatin1(DesktopNotifier::kService));
        bus.unregisterObject(QString::fromLatin1(DesktopNotifier::kPath));
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "TestDesktopNotifier.moc"

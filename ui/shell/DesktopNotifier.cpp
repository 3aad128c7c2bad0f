#include "ui/shell/DesktopNotifier.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace gatehouse::ui {

DesktopNotifier::DesktopNotifier(Notifier* fallback, QObject* parent)
    : QObject(parent)
    , m_fallback(fallback)
{ }

void DesktopNotifier::notify(const QString& title, const QString& message)
{
    // No bus at all: the tray at once. Whether a server owns the name is not asked first (a synchronous round trip
    // on the GUI thread): without one, the bus answers the call itself with ServiceUnknown, and the tray takes it.
    if (!QDBusConnection::sessionBus().isConnected()) {
        if (m_fallback)
            m_fallback->notify(title, message);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
        QString::fromLatin1(kInterface), QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout) -> id
    const QVariantMap hints {{QStringLiteral("desktop-entry"), QStringLiteral("io.github.gatehouse.Gatehouse")},
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}};
    call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("io.github.gatehouse.Gatehouse") << title
         << message << QStringList() << hints << int(kExpireMs);
    auto* watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, message] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            if (m_fallback)
                m_fallback->notify(title, message);
            Q_EMIT failed(reply.error().message());
            return;
        }
        Q_EMIT delivered(reply.value());
    });
}

} // namespace gatehouse::ui

#pragma once

#include "ui/overview/Notifier.h"

#include <QObject>

namespace gatehouse::ui {

// The console's desktop notifications through the desktop's notification server (the freedesktop.org
// org.freedesktop.Notifications D-Bus service, which GNOME, KDE, Xfce and others provide), so that they show on
// desktops without a tray too (stock GNOME has none). Where no such service answers, they go to `fallback` (the
// tray's balloon). The call is asynchronous: the GUI thread never waits for the bus.
class DesktopNotifier : public QObject, public Notifier
{
    Q_OBJECT

public:
    static constexpr char kService[] = "org.freedesktop.Notifications";
    static constexpr char kPath[] = "/org/freedesktop/Notifications";
    static constexpr char kInterface[] = "org.freedesktop.Notifications";
    static constexpr int kExpireMs = 10'000;

    // On the session bus, which is where a desktop's notification server lives.
    explicit DesktopNotifier(Notifier* fallback, QObject* parent = nullptr);

    void notify(const QString& title, const QString& message) override;

Q_SIGNALS:
    // The server took the notification (its id), or the call failed (no server, or it refused; the fallback was
    // used).
    void delivered(uint id);
    void failed(const QString& error);

private:
    Notifier* m_fallback;
};

} // namespace gatehouse::ui

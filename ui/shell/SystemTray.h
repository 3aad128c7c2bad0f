#pragma once

#include "ui/overview/Notifier.h"

#include <QObject>

class QSystemTrayIcon;

namespace gatehouse::ui {

class GatewayTray;

// The tray icon on a desktop that has a tray: shows GatewayTray's icon, tooltip and menu, and
// carries the console's notifications as balloon messages. Where no tray is available
// (isAvailable() false), it shows nothing and notify() does nothing.
class SystemTray : public QObject, public Notifier
{
    Q_OBJECT

public:
    explicit SystemTray(GatewayTray& tray, QObject* parent = nullptr);

    static bool isAvailable();
    bool isShown() const { return m_icon != nullptr; }

    void notify(const QString& title, const QString& message) override;

Q_SIGNALS:
    // The icon itself was clicked: the main window comes forward.
    void activated();

private:
    GatewayTray& m_tray;
    QSystemTrayIcon* m_icon = nullptr;
};

} // namespace gatehouse::ui

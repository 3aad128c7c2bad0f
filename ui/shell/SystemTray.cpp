#include "ui/shell/SystemTray.h"

#include "ui/shell/GatewayTray.h"

#include <QSystemTrayIcon>

namespace gatehouse::ui {

SystemTray::SystemTray(GatewayTray& tray, QObject* parent)
    : QObject(parent)
    , m_tray(tray)
{
    if (!isAvailable())
        return;
    m_icon = new QSystemTrayIcon(m_tray.icon(), this);
    m_icon->setToolTip(m_tray.toolTip());
    m_icon->setContextMenu(m_tray.menu());
    connect(&m_tray, &GatewayTray::changed, m_icon, [this] {
        m_icon->setIcon(m_tray.icon());
        m_icon->setToolTip(m_tray.toolTip());
    });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_icon->show();
}

bool SystemTray::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void SystemTray::notify(const QString& title, const QString& message)
{
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, message, m_tray.icon());
}

} // namespace gatehouse::ui

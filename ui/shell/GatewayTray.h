#pragma once

#include "ui/shell/GatewayController.h"

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;

namespace gatehouse::ui {

// What the tray icon shows and offers, without the tray itself (the offscreen platform of the
// tests has none): an icon with a dot in the gateway's state colour, a tooltip ("Gatehouse:
// listening on 127.0.0.1:8080"), and a menu: Show Gatehouse, Start/Stop gateway, Quit. SystemTray
// puts it on a QSystemTrayIcon where the desktop has a tray.
class GatewayTray : public QObject
{
    Q_OBJECT

public:
    explicit GatewayTray(GatewayController& gateway, QObject* parent = nullptr);
    ~GatewayTray() override;

    QIcon icon() const { return m_icon; }
    QString toolTip() const { return m_toolTip; }
    QMenu* menu() const { return m_menu; }
    QAction* showAction() const { return m_show; }
    // "Start gateway" while stopped (or failed), "Stop gateway" while listening.
    QAction* startStopAction() const { return m_startStop; }
    QAction* quitAction() const { return m_quit; }

    // The dot's colour for a state: grey stopped, green listening, red error.
    static QColor stateColor(GatewayController::State state);
    // The icon at `size` pixels for a state (the application icon with the state's dot).
    static QPixmap pixmapFor(GatewayController::State state, int size);

Q_SIGNALS:
    void showRequested();
    // The toolbar starts the gateway (it knows the port and offers a free one if it is taken).
    void startRequested();
    void stopRequested();
    void quitRequested();
    // The icon or tooltip changed.
    void changed();

private:
    void update();

    GatewayController& m_gateway;
    QMenu* m_menu;
    QAction* m_show;
    QAction* m_startStop;
    QAction* m_quit;
    QIcon m_icon;
    QString m_toolTip;
};

} // namespace gatehouse::ui

#pragma once

#include <QToolBar>

class QAction;
class QLabel;
class QSpinBox;
class QToolButton;

namespace gatehouse::ui {

class GatewayController;
class ConsoleSettings;

// The gateway's controls in the main window: its state in words (stopped, listening on
// ADDR:PORT, or the error with its reason), a Start/Stop toggle and the listen port. When the
// port is taken it says so and offers a free one with one click.
class GatewayToolBar : public QToolBar
{
    Q_OBJECT

public:
    GatewayToolBar(GatewayController& gateway, ConsoleSettings& settings, QWidget* parent = nullptr);

    QAction* toggleAction() const { return m_toggle; }
    QString stateText() const;
    QSpinBox* portEdit() const { return m_port; }
    QToolButton* otherPortButton() const { return m_otherPort; }

    // Starts on the port in the port field; the outcome shows in the toolbar.
    void start();
    void stop();

private:
    void refresh();
    void useSuggestedPort();

    GatewayController& m_gateway;
    ConsoleSettings& m_settings;
    QAction* m_toggle = nullptr;
    QLabel* m_state = nullptr;
    QSpinBox* m_port = nullptr;
    QToolButton* m_otherPort = nullptr;
    QAction* m_otherPortAction = nullptr;
};

} // namespace gatehouse::ui

#include "ui/shell/GatewayToolBar.h"

#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"

#include <QAction>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>

namespace gatehouse::ui {

GatewayToolBar::GatewayToolBar(GatewayController& gateway, ConsoleSettings& settings, QWidget* parent)
    : QToolBar(tr("Gateway"), parent)
    , m_gateway(gateway)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("gatewayToolBar"));

    m_toggle = addAction(tr("Start gateway"));
    m_toggle->setObjectName(QStringLiteral("gatewayToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_toggle, &QAction::triggered, this, [this](bool checked) { checked ? start() : stop(); });

    auto* portLabel = new QLabel(tr("&Port:"), this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("gatewayPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(m_settings.gatewayPort());
    m_port->setToolTip(tr("The loopback port the gateway listens on"));
    portLabel->setBuddy(m_port);
    addWidget(portLabel);
    addWidget(m_port);

    m_otherPort = new QToolButton(this);
    m_otherPort->setObjectName(QStringLiteral("gatewayOtherPort"));
    connect(m_otherPort, &QToolButton::clicked, this, &GatewayToolBar::useSuggestedPort);
    m_otherPortAction = addWidget(m_otherPort);

    addSeparator();
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("gatewayState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setContentsMargins(6, 0, 6, 0);
    addWidget(m_state);

    connect(&m_gateway, &GatewayController::stateChanged, this, &GatewayToolBar::refresh);
    refresh();
}

QString GatewayToolBar::stateText() const
{
    return m_state->text();
}

void GatewayToolBar::start()
{
    const auto port = quint16(m_port->value());
    if (m_gateway.start(port))
        m_settings.setGatewayPort(port);
    refresh();
}

void GatewayToolBar::stop()
{
    m_gateway.stop();
    refresh();
}

void GatewayToolBar::refresh()
{
    const bool running = m_gateway.isRunning();
    m_toggle->setChecked(running);
    m_toggle->setText(running ? tr("Stop gateway") : tr("Start gateway"));
    m_toggle->setToolTip(
        running ? tr("Stop the local gateway (Ctrl+Shift+G)") : tr("Start the local gateway (Ctrl+Shift+G)"));
    m_port->setEnabled(!running);
    if (running)
        m_port->setValue(m_gateway.port());

    QString colour = QStringLiteral("#6b7280");
    if (m_gateway.state() == GatewayController::State::Listening)
        colour = QStringLiteral("#15803d");
    else if (m_gateway.state() == GatewayController::State::Error)
        colour = QStringLiteral("#b91c1c");
    m_state->setText(m_gateway.stateText());
    m_state->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));

    const bool offer = m_gateway.state() == GatewayController::State::Error && m_gateway.portInUse()
        && m_gateway.suggestedPort() != 0;
    if (offer)
        m_otherPort->setText(tr("Use port %1").arg(m_gateway.suggestedPort()));
    m_otherPortAction->setVisible(offer);
}

void GatewayToolBar::useSuggestedPort()
{
    m_port->setValue(m_gateway.suggestedPort());
    start();
}

} // namespace gatehouse::ui

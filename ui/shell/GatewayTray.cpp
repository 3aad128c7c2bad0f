#include "ui/shell/GatewayTray.h"

#include <QAction>
#include <QMenu>
#include <QPainter>

namespace gatehouse::ui {

GatewayTray::GatewayTray(GatewayController& gateway, QObject* parent)
    : QObject(parent)
    , m_gateway(gateway)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_show = m_menu->addAction(tr("Show Gatehouse"));
    m_startStop = m_menu->addAction(QString());
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"));
    connect(m_show, &QAction::triggered, this, &GatewayTray::showRequested);
    connect(m_quit, &QAction::triggered, this, &GatewayTray::quitRequested);
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (m_gateway.isRunning())
            Q_EMIT stopRequested();
        else
            Q_EMIT startRequested();
    });
    connect(&m_gateway, &GatewayController::stateChanged, this, &GatewayTray::update);
    update();
}

GatewayTray::~GatewayTray()
{
    delete m_menu; // a menu has no parent widget to own it
}

QColor GatewayTray::stateColor(GatewayController::State state)
{
    switch (state) {
    case GatewayController::State::Listening:
        return QColor(0x2e, 0xa0, 0x43);
    case GatewayController::State::Error:
        return QColor(0xd0, 0x30, 0x30);
    case GatewayController::State::Stopped:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QPixmap GatewayTray::pixmapFor(GatewayController::State state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // Without Qt's SVG image plugin the application icon is null: the dot alone still tells the state.
    const QPixmap base = QIcon(QStringLiteral(":/icons/gatehouse.svg")).pixmap(size, size);
    if (!base.isNull())
        painter.drawPixmap(0, 0, base);
    // The state's dot in the lower right corner, ringed in white so it reads on any panel.
    const double dot = size * 0.42;
    const QRectF circle(size - dot, size - dot, dot, dot);
    painter.setPen(QPen(Qt::white, qMax(1.0, size / 16.0)));
    painter.setBrush(stateColor(state));
    painter.drawEllipse(circle.adjusted(0.5, 0.5, -0.5, -0.5));
    return pixmap;
}

void GatewayTray::update()
{
    const GatewayController::State state = m_gateway.state();
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(pixmapFor(state, size));
    m_icon = icon;
    m_toolTip = tr("Gatehouse: %1").arg(m_gateway.stateText());
    m_startStop->setText(m_gateway.isRunning() ? tr("Stop gateway") : tr("Start gateway"));
    Q_EMIT changed();
}

} // namespace gatehouse::ui

#include "ui/shell/GatewayController.h"

namespace gatehouse::ui {

GatewayController::GatewayController(Catalog& catalog, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_engine(gateway::GatewayControl::create(catalog, clock))
    , m_port(m_config.port)
{
    // The console's gateway is for development on this machine: no admin listener unless asked
    // for, so that it never fights a headless `serve` over port 8081.
    m_config.adminEnabled = false;
}

GatewayController::~GatewayController()
{
    stop();
}

Result<void> GatewayController::start(quint16 port)
{
    if (m_engine->isRunning())
        return {};
    gateway::EngineConfig config = m_config;
    config.port = port;
    m_port = port;
    auto started = m_engine->start(config);
    if (!started) {
        const Error& error = started.error();
        m_portInUse = error.kind == Error::Kind::Conflict && error.field == QLatin1StringView("listen");
        m_suggestedPort = m_portInUse ? gateway::GatewayControl::firstFreePort(config.address, port + 1) : 0;
        setState(State::Error, error.message);
        return started;
    }
    m_portInUse = false;
    m_suggestedPort = 0;
    m_port = m_engine->port();
    setState(State::Listening);
    return {};
}

void GatewayController::stop()
{
    if (!m_engine->isRunning()) {
        if (m_state == State::Error)
            setState(State::Stopped);
        return;
    }
    m_engine->stop(kStopGraceMs);
    setState(State::Stopped);
}

QString GatewayController::stateText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Gateway stopped");
    case State::Listening:
        return tr("Listening on %1").arg(listenUrl());
    case State::Error:
        return tr("Gateway error: %1").arg(m_error);
    }
    return {};
}

QString GatewayController::listenUrl() const
{
    const gateway::GatewayStatus status = m_engine->status();
    const QHostAddress address = status.running ? status.address : m_config.address;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

double GatewayController::requestsPerSecond() const
{
    return m_engine->status().requestsPerSecond;
}

qint64 GatewayController::openConnections() const
{
    return m_engine->status().openConnections;
}

void GatewayController::setState(State state, const QString& error)
{
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged();
}

} // namespace gatehouse::ui

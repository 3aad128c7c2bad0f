#pragma once

#include "core/common/Result.h"
#include "core/gateway/GatewayControl.h"

#include <QObject>

#include <memory>

namespace gatehouse {
class Catalog;
class Clock;
} // namespace gatehouse

namespace gatehouse::ui {

// The console's handle on the in-process gateway: starts and stops the same Engine that
// `gatehouse-cli serve` runs (through its narrow face, GatewayControl), and says where it stands in
// words the toolbar can show. The engine's workers run on their own threads; nothing here waits on
// them except stop().
class GatewayController : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Listening, Error };

    // How long in-flight requests may finish when the admin stops the gateway or quits.
    static constexpr int kStopGraceMs = 3'000;

    GatewayController(Catalog& catalog, const Clock& clock, QObject* parent = nullptr);
    ~GatewayController() override;

    // The listen address, workers and limits; the port passed to start() overrides config.port.
    void setConfig(const gateway::EngineConfig& config) { m_config = config; }
    const gateway::EngineConfig& config() const { return m_config; }

    Result<void> start(quint16 port);
    void stop();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Listening; }
    // "Stopped", "Listening on 127.0.0.1:8080", "Error: cannot listen on ...".
    QString stateText() const;
    QString errorText() const { return m_error; }
    // After a failed start: whether the port was taken, and a free one to offer instead (0: none found).
    bool portInUse() const { return m_portInUse; }
    quint16 suggestedPort() const { return m_suggestedPort; }
    // The port it listens on, or the last one asked for when stopped.
    quint16 port() const { return m_port; }
    QString listenUrl() const;

    double requestsPerSecond() const;
    qint64 openConnections() const;

    gateway::GatewayControl& engine() { return *m_engine; }

Q_SIGNALS:
    void stateChanged();

private:
    void setState(State state, const QString& error = {});

    std::unique_ptr<gateway::GatewayControl> m_engine;
    gateway::EngineConfig m_config;
    State m_state = State::Stopped;
    QString m_error;
    bool m_portInUse = false;
    quint16 m_suggestedPort = 0;
    quint16 m_port = 0;
};

} // namespace gatehouse::ui

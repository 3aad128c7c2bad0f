#pragma once

#include "core/common/Result.h"
#include "core/gateway/EngineConfig.h"
#include "core/requestlog/RequestEvent.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <memory>

namespace gatehouse {
class Catalog;
class Clock;
} // namespace gatehouse

namespace gatehouse::secrets {
class SecretStore;
}

namespace gatehouse::gateway {

// Where a gateway stands, read at one moment: plain values, for a status bar or a tray.
struct GatewayStatus
{
    bool running = false;
    QHostAddress address; // where it listens; null when stopped
    quint16 port = 0; // 0 when stopped
    double requestsPerSecond = 0; // over the last complete second
    qint64 openConnections = 0;
};

// The narrow face of the embedded gateway (Engine) that the console drives: start and stop it, see where it stands
// and hear of the requests it logged. Nothing of snapshots, workers or metrics' insides, so that the console builds
// against this header and no other of the gateway's.
class GatewayControl : public QObject
{
    Q_OBJECT

public:
    // The embedded gateway over `catalog` (an Engine), stopped.
    static std::unique_ptr<GatewayControl> create(Catalog& catalog, const Clock& clock);
    // The first port from `from` on that nobody listens on now on `address` (0 if none found): a suggestion to
    // offer when the chosen one is taken.
    static quint16 firstFreePort(const QHostAddress& address, quint16 from);

    using QObject::QObject;

    virtual Result<void> start(const EngineConfig& config) = 0;
    // Stops accepting, lets in-flight requests finish for up to `graceMs`, flushes the log.
    virtual void stop(int graceMs) = 0;
    virtual bool isRunning() const = 0;
    // The port it listens on; 0 when stopped.
    virtual quint16 port() const = 0;
    virtual GatewayStatus status() const = 0;
    // Where the AI providers' keys are read from. Not owned; may be null. Set before start().
    virtual void setSecretStore(secrets::SecretStore* store) = 0;

Q_SIGNALS:
    // A batch of requests was written to the log (at most ten times a second, never one signal per request).
    void requestsLogged(const QList<gatehouse::RequestEvent>& batch);
};

} // namespace gatehouse::gateway

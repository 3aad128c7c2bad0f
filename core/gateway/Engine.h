#pragma once

#include "core/common/Result.h"
#include "core/common/SecretBytes.h"
#include "core/gateway/EngineConfig.h"
#include "core/gateway/GatewayControl.h"
#include "core/gateway/Snapshot.h"
#include "core/gateway/SnapshotBuilder.h"
#include "core/requestlog/RequestEvent.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace gatehouse {
class Catalog;
class Clock;
class RequestLogWriter;
} // namespace gatehouse

namespace gatehouse::secrets {
class SecretStore;
}

namespace gatehouse::gateway {

class AdminServer;
class EngineState;
class GatewayMetrics;
class RequestLogAccounting;
class Worker;

// The embedded gateway: workers (one thread and event loop each), the snapshot they read, the
// request-log writer and the admin listener. The console and `gatehouse-cli serve` drive the
// same object. It lives in the thread that owns the catalog; nothing on the request path waits
// for that thread. The console sees it through GatewayControl only.
class Engine : public GatewayControl
{
    Q_OBJECT

public:
    // How often rate-limit buckets idle for long are dropped.
    static constexpr int kRateBucketPurgeMs = 60'000;

    explicit Engine(Catalog& catalog, const Clock& clock, QObject* parent = nullptr);
    ~Engine() override;

    Result<void> start(const EngineConfig& config) override;
    // Stops accepting, lets in-flight requests finish for up to `graceMs`, flushes the log.
    void stop(int graceMs = 10'000) override;
    bool isRunning() const override { return m_running; }
    GatewayStatus status() const override;

    QHostAddress address() const;
    quint16 port() const override { return m_port; }
    quint16 adminPort() const;

    // Where the AI providers' keys are read from, when a snapshot first needs them (asynchronously: the snapshot is
    // published again once they arrive). Not owned; may be null (no provider gets a key). Set before start().
    void setSecretStore(secrets::SecretStore* store) override { m_secrets = store; }

    // Rebuilds the snapshot from the catalog now (also done on every revision change).
    Result<void> reload();
    qint64 snapshotRevision() const;
    SnapshotPtr snapshot() const;

    GatewayMetrics* metrics() const;
    RequestLogWriter* logWriter() const { return m_logWriter.get(); }
    // Writes queued request-log events now (tests, shutdown).
    void flushLog();

Q_SIGNALS:
    void started();
    void stopped();
    // requestsLogged (GatewayControl): a batch of requests was written to the log.
    void snapshotReloaded(qint64 revision);
    void reloadFailed(const QString& message);

private:
    void purgeIdleRateBuckets();
    void publish(SnapshotPtr snapshot);
    // Starts reading the keys that `snapshot`'s providers expect and the cache lacks.
    void readMissingKeys(const Snapshot& snapshot);
    void onKeyRead(qint64 id, qint64 version, const QString& name, Result<std::optional<SecretBytes>> read);

    Catalog& m_catalog;
    const Clock& m_clock;
    std::unique_ptr<EngineState> m_state;
    std::unique_ptr<RequestLogAccounting> m_logAccounting; // told by m_logWriter, so it outlives it
    std::unique_ptr<RequestLogWriter> m_logWriter;
    QList<QThread*> m_threads;
    QList<Worker*> m_workers;
    AdminServer* m_admin = nullptr; // lives in m_adminThread
    QThread* m_adminThread = nullptr;
    quint16 m_adminPort = 0;
    QMetaObject::Connection m_changesConnection; // to the catalog's change feed, while running
    QTimer* m_purgeTimer = nullptr; // drops idle rate-limit buckets
    secrets::SecretStore* m_secrets = nullptr;
    SnapshotBuilder::ProviderKeys m_providerKeys; // provider id -> key, by the provider row's version
    QSet<qint64> m_keyReads; // providers whose key is being read
    QSet<qint64> m_keyFailures; // providers whose key could not be read (warned once, retried on change)
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace gatehouse::gateway

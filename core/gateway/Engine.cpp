#include "core/gateway/Engine.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/CatalogChangeFeed.h"
#include "core/common/Clock.h"
#include "core/gateway/AdminServer.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/EpollEventDispatcher.h"
#include "core/gateway/ListeningSocket.h"
#include "core/gateway/RequestLogAccounting.h"
#include "core/gateway/SnapshotBuilder.h"
#include "core/gateway/Worker.h"
#include "core/requestlog/RequestLogWriter.h"
#include "core/secrets/SecretStore.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace gatehouse::gateway {

Engine::Engine(Catalog& catalog, const Clock& clock, QObject* parent)
    : GatewayControl(parent)
    , m_catalog(catalog)
    , m_clock(clock)
{
    qRegisterMetaType<QList<gatehouse::RequestEvent>>();
}

Engine::~Engine()
{
    stop(0);
}

Result<void> Engine::start(const EngineConfig& config)
{
    if (m_running)
        return Error::conflict(QStringLiteral("gateway"), QStringLiteral("the gateway is already running"));
    if (!config.address.isLoopback() && !config.allowNonLoopback) {
        return Error::invalid(QStringLiteral("listen"),
            QStringLiteral("%1 is not a loopback address; binding it exposes the gateway to the network "
                           "and needs an explicit opt-in")
                .arg(config.address.toString()));
    }
    if (config.adminEnabled && !config.adminAddress.isLoopback())
        return Error::invalid(
            QStringLiteral("admin-listen"), QStringLiteral("the admin listener serves loopback only"));
    if (config.workers < 1 || config.workers > 256)
        return Error::invalid(QStringLiteral("workers"), QStringLiteral("must be between 1 and 256"));

    auto state = std::make_unique<EngineState>(config, m_clock);
    auto initial = SnapshotBuilder::build(m_catalog.database(), m_providerKeys);
    if (!initial)
        return initial.error();
    state->setSnapshot(*initial);
    readMissingKeys(**initial);

    // A probe without SO_REUSEPORT: if anyone (even another Gatehouse) holds the port, say so
    // instead of silently sharing it.
    auto probe = ListeningSocket::open(config.address, config.port, false);
    if (!probe)
        return probe.error();
    const quint16 port = ListeningSocket::localPort(*probe);
    ListeningSocket::close(*probe);

    QList<qintptr> descriptors;
    for (int i = 0; i < config.workers; ++i) {
        auto descriptor = ListeningSocket::open(config.address, port, true);
        if (!descriptor) {
            for (qintptr open : descriptors)
                ListeningSocket::close(open);
            return descriptor.error();
        }
        descriptors.append(*descriptor);
    }

    m_logAccounting
        = std::make_unique<RequestLogAccounting>(state->metrics, state->usage, m_clock, config.usageRefreshMs);
    m_logWriter = std::make_unique<RequestLogWriter>(
        m_catalog.location(), state->logQueue, m_clock, config.logRetentionMs, config.logMaxBytes);
    m_logWriter->setObserver(m_logAccounting.get());
    connect(m_logWriter.get(), &RequestLogWriter::batchWritten, this, &Engine::requestsLogged, Qt::QueuedConnection);
    if (!m_logWriter->start()) {
        for (qintptr open : descriptors)
            ListeningSocket::close(open);
        m_logWriter.reset();
        m_logAccounting.reset();
        return Error::runtime(QStringLiteral("the request log could not be opened"));
    }
    m_state = std::move(state);

    for (int i = 0; i < config.workers; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("gatehouse-worker-%1").arg(i));
        // epoll instead of Qt's dispatcher: a worker watches many sockets and toggles their notifiers around
        // every read, which costs Qt's dispatchers a system call or a full poll() each time.
        auto dispatcher = std::make_unique<EpollEventDispatcher>();
        if (dispatcher->isValid())
            thread->setEventDispatcher(dispatcher.release());
        auto* worker = new Worker(*m_state, i);
        worker->moveToThread(thread);
        thread->start();
        bool listening = false;
        const qintptr descriptor = descriptors.at(i);
        QMetaObject::invokeMethod(
            worker, [worker, descriptor, &listening] { listening = worker->listen(descriptor); },
            Qt::BlockingQueuedConnection);
        m_threads.append(thread);
        m_workers.append(worker);
        if (!listening) {
            for (int j = i + 1; j < descriptors.size(); ++j)
                ListeningSocket::close(descriptors.at(j));
            m_running = true;
            stop(0);
            return Error::runtime(QStringLiteral("a worker could not adopt its listening socket"));
        }
    }
    m_port = port;
    m_running = true;

    if (config.adminEnabled) {
        // Its own thread, so that /metrics answers even while the console's GUI thread is busy.
        m_adminThread = new QThread;
        m_adminThread->setObjectName(QStringLiteral("gatehouse-admin"));
        EngineState* state = m_state.get();
        m_admin = new AdminServer(m_state->metrics, [state] {
            const SnapshotPtr current = state->snapshot();
            return current ? current->revision() : qint64(-1);
        });
        m_admin->moveToThread(m_adminThread);
        m_adminThread->start();
        bool listening = false;
        QString reason;
        quint16 adminPort = 0;
        AdminServer* admin = m_admin;
        QMetaObject::invokeMethod(
            m_admin,
            [admin, &config, &listening, &reason, &adminPort] {
                listening = admin->listen(config.adminAddress, config.adminPort);
                reason = admin->errorString();
                adminPort = admin->port();
            },
            Qt::BlockingQueuedConnection);
        if (!listening) {
            stop(0);
            return Error::runtime(QStringLiteral("cannot listen on the admin address %1:%2: %3")
                                      .arg(config.adminAddress.toString())
                                      .arg(config.adminPort)
                                      .arg(reason));
        }
        m_adminPort = adminPort;
    }

    // Changes in this process arrive at once; another process's within the feed's poll interval.
    m_changesConnection = connect(&m_catalog.changes(), &CatalogChangeFeed::changed, this, [this] { (void)reload(); });
    m_purgeTimer = new QTimer(this);
    m_purgeTimer->setInterval(kRateBucketPurgeMs);
    connect(m_purgeTimer, &QTimer::timeout, this, &Engine::purgeIdleRateBuckets);
    m_purgeTimer->start();
    Q_EMIT started();
    return {};
}

void Engine::stop(int graceMs)
{
    if (!m_running)
        return;
    m_running = false;
    disconnect(m_changesConnection);
    delete m_purgeTimer;
    m_purgeTimer = nullptr;
    if (m_admin) {
        AdminServer* admin = std::exchange(m_admin, nullptr);
        QMetaObject::invokeMethod(
            admin, [admin] { delete admin; }, Qt::BlockingQueuedConnection);
        m_adminThread->quit();
        m_adminThread->wait();
        delete std::exchange(m_adminThread, nullptr);
        m_adminPort = 0;
    }
    m_state->draining.store(true);
    for (Worker* worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &Worker::beginShutdown, Qt::BlockingQueuedConnection);

    // In-flight requests finish on their own threads; this thread only watches the count.
    const QDeadlineTimer deadline(graceMs);
    while (m_state->metrics.activeConnections.load() > 0 && !deadline.hasExpired())
        QThread::msleep(10);

    for (int i = 0; i < m_workers.size(); ++i) {
        Worker* worker = m_workers.at(i);
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete m_threads.at(i);
    }
    m_workers.clear();
    m_threads.clear();
    if (m_logWriter) {
        m_logWriter->stop();
        m_logWriter.reset();
        m_logAccounting.reset();
    }
    m_port = 0;
    Q_EMIT stopped();
}

QHostAddress Engine::address() const
{
    return m_state ? m_state->config.address : QHostAddress();
}

quint16 Engine::adminPort() const
{
    return m_adminPort;
}

Result<void> Engine::reload()
{
    if (!m_state)
        return Error::runtime(QStringLiteral("the gateway is not running"));
    auto snapshot = SnapshotBuilder::build(m_catalog.database(), m_providerKeys);
    if (!snapshot) {
        Q_EMIT reloadFailed(snapshot.error().toString());
        return snapshot.error();
    }
    publish(*snapshot);
    readMissingKeys(**snapshot);
    return {};
}

void Engine::readMissingKeys(const Snapshot& snapshot)
{
    if (!m_secrets)
        return;
    for (const AiProviderRoute& provider : snapshot.ai().providers()) {
        if (!provider.keyExpected || !provider.apiKey.isEmpty() || m_keyReads.contains(provider.id))
            continue;
        const qint64 version = provider.version;
        if (m_keyFailures.contains(provider.id) && m_providerKeys.value(provider.id).version == version)
            continue;
        m_keyReads.insert(provider.id);
        const qint64 id = provider.id;
        const QString name = provider.name;
        m_secrets->readAsync(secrets::SecretStore::providerKey(snapshot.ai().catalogId(), id),
            [self = QPointer<Engine>(this), id, version, name](Result<std::optional<SecretBytes>> read) {
                // A keychain may answer after the engine is gone (the console quit during a read).
                Engine* engine = self.data();
                if (!engine)
                    return;
                engine->onKeyRead(id, version, name, std::move(read));
            });
    }
}

void Engine::onKeyRead(qint64 id, qint64 version, const QString& name, Result<std::optional<SecretBytes>> read)
{
    m_keyReads.remove(id);
    if (!read || !read->has_value()) {
        // Requests to this provider get 502 saying its key is unavailable; retried when it changes.
        m_keyFailures.insert(id);
        m_providerKeys.insert(id, {version, QByteArray()});
        qWarning("gatehouse: the key of AI provider \"%s\" could not be read: %s", qPrintable(name),
            read ? "none is stored" : qPrintable(read.error().toString()));
        return;
    }
    m_keyFailures.remove(id);
    m_providerKeys.insert(id, {version, (*read)->view().toByteArray()});
    if (m_state)
        (void)reload();
}

void Engine::publish(SnapshotPtr snapshot)
{
    const qint64 revision = snapshot->revision();
    m_state->setSnapshot(std::move(snapshot));
    // Streams whose token was just revoked are cut now, not at the next sweep.
    for (Worker* worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &Worker::enforceGrants, Qt::QueuedConnection);
    Q_EMIT snapshotReloaded(revision);
}

void Engine::purgeIdleRateBuckets()
{
    // Buckets idle for an hour are full again: dropping them changes nothing but the memory they hold.
    if (!m_state)
        return;
    const qint64 now = m_clock.nowMs();
    m_state->rateLimiter.purgeIdle(now);
    m_state->aiRequestLimiter.purgeIdle(now);
    m_state->aiTokenLimiter.purgeIdle(now);
}

qint64 Engine::snapshotRevision() const
{
    const SnapshotPtr current = snapshot();
    return current ? current->revision() : -1;
}

SnapshotPtr Engine::snapshot() const
{
    return m_state ? m_state->snapshot() : SnapshotPtr();
}

GatewayMetrics* Engine::metrics() const
{
    return m_state ? &m_state->metrics : nullptr;
}

GatewayStatus Engine::status() const
{
    GatewayStatus status;
    status.running = m_running;
    if (!m_running || !m_state)
        return status;
    status.address = m_state->config.address;
    status.port = m_port;
    status.requestsPerSecond = m_state->metrics.requestsPerSecond();
    status.openConnections = m_state->metrics.activeConnections.load();
    return status;
}

void Engine::flushLog()
{
    if (m_logWriter)
        m_logWriter->flush();
}

} // namespace gatehouse::gateway

#include "core/requestlog/RequestLogWriter.h"

#include "core/common/Clock.h"
#include "core/requestlog/RequestLogObserver.h"
#include "core/requestlog/RequestLogQueue.h"
#include "core/requestlog/RequestLogStore.h"

#include <QTimer>

namespace gatehouse {

RequestLogWriter::RequestLogWriter(
    CatalogLocation catalog, RequestLogQueue& queue, const Clock& clock, qint64 retentionMs, qint64 maxBytes)
    : m_catalog(std::move(catalog))
    , m_queue(queue)
    , m_clock(clock)
    , m_retentionMs(retentionMs)
    , m_maxBytes(maxBytes)
{
    static const int registered = qRegisterMetaType<QList<gatehouse::RequestEvent>>();
    Q_UNUSED(registered);
    m_thread.setObjectName(QStringLiteral("gatehouse-log-writer"));
}

RequestLogWriter::~RequestLogWriter()
{
    stop();
}

bool RequestLogWriter::start()
{
    if (m_thread.isRunning())
        return true;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context, [this] { open(); }, Qt::BlockingQueuedConnection);
    return m_store != nullptr;
}

void RequestLogWriter::open()
{
    auto connection
        = CatalogConnection::open(m_catalog, QStringLiteral("log-writer"), CatalogConnection::Access::ReadWrite);
    if (!connection) {
        Q_EMIT writeFailed(connection.error().toString());
        return;
    }
    m_connection = std::move(*connection);
    m_store = std::make_unique<RequestLogStore>(m_connection.database());
    // Before start() returns, so that the budgets hold from the gateway's first request.
    reread();

    auto* flushTimer = new QTimer(m_context);
    flushTimer->setInterval(kFlushIntervalMs);
    connect(flushTimer, &QTimer::timeout, m_context, [this] { drain(); });
    flushTimer->start();
    auto* retentionTimer = new QTimer(m_context);
    retentionTimer->setInterval(60'000);
    connect(retentionTimer, &QTimer::timeout, m_context, [this] { purge(); });
    retentionTimer->start();
    QTimer::singleShot(0, m_context, [this] { purge(); });
    if (m_observer && m_observer->rereadIntervalMs() > 0) {
        auto* rereadTimer = new QTimer(m_context);
        rereadTimer->setInterval(m_observer->rereadIntervalMs());
        connect(rereadTimer, &QTimer::timeout, m_context, [this] { reread(); });
        rereadTimer->start();
    }
}

void RequestLogWriter::reread()
{
    if (!m_observer || !m_store)
        return;
    if (auto reread = m_observer->reread(m_connection.database()); !reread)
        Q_EMIT writeFailed(reread.error().toString());
}

void RequestLogWriter::drain()
{
    if (!m_store) {
        if (m_observer)
            m_observer->aboutToWrite({}, m_queue.dropped());
        return;
    }
    QList<RequestEvent> batch = m_queue.takeAll();
    if (m_observer)
        m_observer->aboutToWrite(batch, m_queue.dropped());
    if (batch.isEmpty())
        return;
    if (auto appended = m_store->append(batch); !appended) {
        Q_EMIT writeFailed(appended.error().toString());
        return;
    }
    m_written.fetch_add(quint64(batch.size()));
    enforceMaxBytesAfter(batch);
    if (m_observer)
        m_observer->written(batch);
    Q_EMIT batchWritten(batch);
}

void RequestLogWriter::enforceMaxBytesAfter(const QList<RequestEvent>& batch)
{
    if (!m_store || m_maxBytes <= 0)
        return;
    for (const RequestEvent& event : batch)
        m_bytesSinceSizeCheck += 100 + event.path.size();
    if (m_bytesSinceSizeCheck >= qMax<qint64>(m_maxBytes / 64, 4096))
        enforceMaxBytes();
}

void RequestLogWriter::enforceMaxBytes()
{
    m_bytesSinceSizeCheck = 0;
    if (!m_store || m_maxBytes <= 0)
        return;
    if (auto purged = m_store->purgeOverSize(m_maxBytes); !purged)
        Q_EMIT writeFailed(purged.error().toString());
}

void RequestLogWriter::purge()
{
    enforceMaxBytes();
    if (!m_store || m_retentionMs <= 0)
        return;
    const qint64 cutoff = m_clock.nowMs() - m_retentionMs;
    // A few thousand rows at a time, so that a long backlog never holds the write lock for long.
    for (int round = 0; round < 20; ++round) {
        auto deleted = m_store->purgeOlderThan(cutoff);
        if (!deleted || *deleted == 0)
            break;
    }
}

void RequestLogWriter::flush()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context, [this] { drain(); }, Qt::BlockingQueuedConnection);
}

void RequestLogWriter::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            drain();
            // The store's statements are finalized before its connection closes, on the thread that opened it.
            m_store.reset();
            m_connection.close();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr;
}

} // namespace gatehouse

#pragma once

#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/CatalogLocation.h"
#include "core/requestlog/RequestEvent.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace gatehouse {

class Clock;
class RequestLogQueue;
class RequestLogStore;
class RequestLogObserver;

// Drains the RequestLogQueue into the catalog on a thread of its own: one transaction per batch,
// a batch every 100 ms (so observers hear at most ten times a second), retention and the size cap in the
// background. The request path only ever touches the queue.
class RequestLogWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFlushIntervalMs = 100;
    static constexpr qint64 kDefaultRetentionMs = 30LL * 24 * 3600 * 1000;
    RequestLogWriter(CatalogLocation catalog, RequestLogQueue& queue, const Clock& clock,
        qint64 retentionMs = kDefaultRetentionMs, qint64 maxBytes = 0);
    ~RequestLogWriter() override;

    // Tells `observer` of every batch, on the writer's thread (RequestLogObserver). Call before start().
    void setObserver(RequestLogObserver* observer) { m_observer = observer; }

    bool start();
    // Writes whatever is queued, then stops the thread. Safe to call twice.
    void stop();
    // Writes whatever is queued now and returns when it is committed (for shutdown and tests).
    void flush();

    quint64 written() const { return m_written.load(); }

Q_SIGNALS:
    // Emitted from the writer's thread after each committed batch; connect with a queued connection.
    void batchWritten(const QList<gatehouse::RequestEvent>& batch);
    void writeFailed(const QString& message);

private:
    void open();
    void drain();
    void purge();
    // The size cap (RequestLogStore::purgeOverSize): after every batch, so that a flood of requests cannot outgrow
    // it between two retention rounds. Under the cap it costs three header reads.
    void enforceMaxBytes();
    // After a batch: enforceMaxBytes() once the rows written since the last look may have added a 64th of the cap
    // (about 100 bytes a row), so that a batch costs no size query of its own.
    void enforceMaxBytesAfter(const QList<RequestEvent>& batch);
    void reread();

    CatalogLocation m_catalog;
    RequestLogQueue& m_queue;
    const Clock& m_clock;
    qint64 m_retentionMs;
    qint64 m_maxBytes; // 0: no cap
    qint64 m_bytesSinceSizeCheck = 0; // written since enforceMaxBytes() last looked, as estimated
    RequestLogObserver* m_observer = nullptr;
    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread; owns the timers
    CatalogConnection m_connection; // opened, used and closed on m_thread
    std::unique_ptr<RequestLogStore> m_store;
    std::atomic<quint64> m_written {0};
};

} // namespace gatehouse

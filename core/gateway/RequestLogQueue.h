#pragma once

#include "core/gateway/RequestEvent.h"

#include <QList>

#include <atomic>
#include <mutex>

namespace gatehouse::gateway {

// Where workers leave RequestEvents for the writer. push() never blocks on I/O: when the writer
// falls behind and the queue is full, the oldest unwritten event is dropped and counted.
class RequestLogQueue
{
public:
    explicit RequestLogQueue(qsizetype capacity = 200'000)
        : m_capacity(capacity)
    { }

    void push(RequestEvent event);
    // Everything queued so far, oldest first.
    QList<RequestEvent> takeAll();

    qsizetype size() const;
    quint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QList<RequestEvent> m_events;
    qsizetype m_head = 0; // events before m_head were dropped and await compaction
    std::atomic<quint64> m_dropped {0};
};

} // namespace gatehouse::gateway

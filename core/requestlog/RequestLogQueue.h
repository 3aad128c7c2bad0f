#pragma once

#include "core/requestlog/RequestEvent.h"

#include <QList>

#include <atomic>
#include <deque>
#include <mutex>

namespace gatehouse {

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
    // A deque, not a QList: growing never moves the queued events, and dropping the oldest is O(1). A QList
    // moved every event on each doubling and on compaction, under the mutex the workers push through: once
    // the writer fell behind, a push near the capacity held every worker for tens of milliseconds.
    std::deque<RequestEvent> m_events;
    std::atomic<quint64> m_dropped {0};
};

} // namespace gatehouse

#include "core/requestlog/RequestLogQueue.h"

namespace gatehouse {

void RequestLogQueue::push(RequestEvent event)
{
    std::lock_guard lock(m_mutex);
    if (qsizetype(m_events.size()) >= m_capacity) {
        m_events.pop_front();
        m_dropped.fetch_add(1, std::memory_order_relaxed);
    }
    m_events.push_back(std::move(event));
}

QList<RequestEvent> RequestLogQueue::takeAll()
{
    std::deque<RequestEvent> taken;
    {
        std::lock_guard lock(m_mutex);
        taken.swap(m_events);
    }
    // Moved into the list the writer wants outside the lock, on the writer's thread.
    QList<RequestEvent> events;
    events.reserve(qsizetype(taken.size()));
    for (RequestEvent& event : taken)
        events.append(std::move(event));
    return events;
}

qsizetype RequestLogQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_events.size());
}

} // namespace gatehouse

#include "core/gateway/RequestLogQueue.h"

namespace gatehouse::gateway {

void RequestLogQueue::push(RequestEvent event)
{
    std::lock_guard lock(m_mutex);
    if (m_events.size() - m_head >= m_capacity) {
        m_events[m_head] = RequestEvent(); // release its strings now
        ++m_head;
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        if (m_head > m_capacity / 2) {
            m_events.remove(0, m_head);
            m_head = 0;
        }
    }
    m_events.append(std::move(event));
}

QList<RequestEvent> RequestLogQueue::takeAll()
{
    QList<RequestEvent> taken;
    {
        std::lock_guard lock(m_mutex);
        taken.swap(m_events);
        const qsizetype head = std::exchange(m_head, 0);
        if (head > 0)
            taken.remove(0, head);
    }
    return taken;
}

qsizetype RequestLogQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return m_events.size() - m_head;
}

} // namespace gatehouse::gateway

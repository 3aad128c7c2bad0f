#include "bench/livelog/StallMeter.h"

#include <ctime>

namespace gatehouse::bench {

namespace {

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

StallMeter::StallMeter(QObject* parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_clock.start();
    m_lastNs = 0;
    m_lastCpuNs = threadCpuNs();
    m_timer.start();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    const qint64 cpu = threadCpuNs();
    m_longestCpuNs = qMax(m_longestCpuNs, cpu - m_lastCpuNs);
    m_lastCpuNs = cpu;
    ++m_ticks;
    m_longestNs = qMax(m_longestNs, gap);
    if (gap > qint64(kIntervalMs) * 2 * 1'000'000)
        m_gapsNs.append(gap);
}

qint64 StallMeter::gapsOver(int ms) const
{
    qint64 count = 0;
    for (qint64 gap : m_gapsNs) {
        if (gap > qint64(ms) * 1'000'000)
            ++count;
    }
    return count;
}

} // namespace gatehouse::bench

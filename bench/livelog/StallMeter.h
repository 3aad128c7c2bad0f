#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace gatehouse::bench {

// Measures how long the GUI thread's event loop goes without running a timer: a 5 ms precise
// timer records the longest gap between two of its ticks. A gap much longer than the interval
// is a frame the window could not paint or answer input in. It also records the thread's CPU
// time within each gap: on a loaded machine a wall-clock gap includes time the scheduler gave to
// other processes, while the CPU time is the work the event loop itself did.
class StallMeter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 5;

    explicit StallMeter(QObject* parent = nullptr);

    void start();
    void stop() { m_timer.stop(); }

    qint64 longestGapMs() const { return m_longestNs / 1'000'000; }
    double longestGapMsExact() const { return double(m_longestNs) / 1e6; }
    qint64 ticks() const { return m_ticks; }
    qint64 gapsOver(int ms) const;
    double longestBusyMs() const { return double(m_longestCpuNs) / 1e6; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_longestCpuNs = 0;
    qint64 m_longestNs = 0;
    qint64 m_ticks = 0;
    QList<qint64> m_gapsNs;
};

} // namespace gatehouse::bench

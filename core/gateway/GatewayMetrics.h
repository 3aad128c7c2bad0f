#pragma once

#include "core/requestlog/RequestEvent.h"

#include <QHash>
#include <QList>

#include <array>
#include <atomic>
#include <mutex>

namespace gatehouse::gateway {

// Counters for /metrics in the Prometheus text format. Request counters are fed by the log
// writer from each batch (off the request path); gauges are atomics the workers touch.
class GatewayMetrics
{
public:
    void record(const QList<RequestEvent>& batch);

    std::atomic<qint64> activeConnections {0};
    std::atomic<qint64> openStreams {0};
    std::atomic<quint64> droppedLogEvents {0};

    // Requests a second over the last complete second, for the console's status bar.
    double requestsPerSecond() const;

    QByteArray renderPrometheus() const;

    // Latency bucket bounds in seconds.
    static constexpr std::array<double, 12> kLatencyBuckets
        = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0};

private:
    mutable std::mutex m_mutex;
    QHash<QByteArray, quint64> m_requests; // key: api \x1f status class \x1f consumer
    QHash<QByteArray, quint64> m_rejected; // key: reason
    std::array<quint64, kLatencyBuckets.size()> m_latencyBuckets {};
    quint64 m_latencyCount = 0;
    double m_latencySum = 0;
    qint64 m_rateSecond = 0;
    quint64 m_rateCurrent = 0;
    quint64 m_ratePrevious = 0;
};

} // namespace gatehouse::gateway

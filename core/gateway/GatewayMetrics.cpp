#include "core/gateway/GatewayMetrics.h"

#include <QDateTime>

namespace gatehouse::gateway {

namespace {

int statusClassOf(int status)
{
    return status <= 0 ? 0 : status / 100;
}

QByteArray statusClass(int status)
{
    if (status <= 0)
        return QByteArrayLiteral("none");
    return QByteArray::number(status / 100) + "xx";
}

bool sameSeries(const RequestEvent& a, const RequestEvent& b)
{
    return statusClassOf(a.status) == statusClassOf(b.status) && a.apiName == b.apiName
        && a.consumerName == b.consumerName;
}

// Prometheus label values escape backslash, double quote and newline.
QByteArray labelValue(QByteArrayView value)
{
    QByteArray escaped = value.toByteArray();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

} // namespace

void GatewayMetrics::record(const QList<RequestEvent>& batch)
{
    std::lock_guard lock(m_mutex);
    // Events of one series come in runs (one client, one API): count a run, then make its key once.
    const RequestEvent* runStart = nullptr;
    quint64 runLength = 0;
    auto countRun = [&] {
        if (!runStart)
            return;
        const QByteArray key = runStart->apiName.toUtf8() + '\x1f' + statusClass(runStart->status) + '\x1f'
            + runStart->consumerName.toUtf8();
        m_requests[key] += runLength;
    };
    for (const RequestEvent& event : batch) {
        if (runStart && sameSeries(*runStart, event)) {
            ++runLength;
        } else {
            countRun();
            runStart = &event;
            runLength = 1;
        }
        if (!event.rejectReason.isEmpty())
            ++m_rejected[event.rejectReason];
        const double seconds = double(event.latencyUs) / 1e6;
        for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
            if (seconds <= kLatencyBuckets[i])
                ++m_latencyBuckets[i];
        }
        ++m_latencyCount;
        m_latencySum += seconds;
        const qint64 second = event.timeMs / 1000;
        if (second != m_rateSecond) {
            m_ratePrevious = second == m_rateSecond + 1 ? m_rateCurrent : 0;
            m_rateCurrent = 0;
            m_rateSecond = second;
        }
        ++m_rateCurrent;
    }
    countRun();
}

double GatewayMetrics::requestsPerSecond() const
{
    std::lock_guard lock(m_mutex);
    const qint64 nowSecond = QDateTime::currentMSecsSinceEpoch() / 1000;
    if (nowSecond == m_rateSecond + 1)
        return double(m_rateCurrent);
    if (nowSecond == m_rateSecond)
        return double(m_ratePrevious);
    return 0;
}

QByteArray GatewayMetrics::renderPrometheus() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP gatehouse_requests_total Requests handled by the gateway.\n"
           "# TYPE gatehouse_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QList<QByteArray> parts = it.key().split('\x1f');
        out += "gatehouse_requests_total{api=\"" + labelValue(parts.value(0)) + "\",status_class=\"" + parts.value(1)
            + "\",consumer=\"" + labelValue(parts.value(2)) + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP gatehouse_requests_rejected_total Requests the gateway refused itself, by reason.\n"
           "# TYPE gatehouse_requests_rejected_total counter\n";
    for (auto it = m_rejected.cbegin(); it != m_rejected.cend(); ++it)
        out += "gatehouse_requests_rejected_total{reason=\"" + labelValue(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    out += "# HELP gatehouse_request_duration_seconds Time from request to the end of the response.\n"
           "# TYPE gatehouse_request_duration_seconds histogram\n";
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        out += "gatehouse_request_duration_seconds_bucket{le=\"" + QByteArray::number(kLatencyBuckets[i]) + "\"} "
            + QByteArray::number(m_latencyBuckets[i]) + '\n';
    }
    out += "gatehouse_request_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_latencyCount) + '\n';
    out += "gatehouse_request_duration_seconds_sum " + QByteArray::number(m_latencySum, 'f', 6) + '\n';
    out += "gatehouse_request_duration_seconds_count " + QByteArray::number(m_latencyCount) + '\n';
    out += "# HELP gatehouse_active_connections Client connections open now.\n"
           "# TYPE gatehouse_active_connections gauge\n"
           "gatehouse_active_connections "
        + QByteArray::number(activeConnections.load()) + '\n';
    out += "# HELP gatehouse_open_streams Responses being streamed now.\n"
           "# TYPE gatehouse_open_streams gauge\n"
           "gatehouse_open_streams "
        + QByteArray::number(openStreams.load()) + '\n';
    out += "# HELP gatehouse_log_events_dropped_total Request-log events dropped because the writer fell behind.\n"
           "# TYPE gatehouse_log_events_dropped_total counter\n"
           "gatehouse_log_events_dropped_total "
        + QByteArray::number(droppedLogEvents.load()) + '\n';
    return out;
}

} // namespace gatehouse::gateway

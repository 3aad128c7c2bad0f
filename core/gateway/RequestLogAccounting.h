#pragma once

#include "core/requestlog/RequestLogObserver.h"

namespace gatehouse {
class Clock;
class UsageLedger;
} // namespace gatehouse

namespace gatehouse::gateway {

class GatewayMetrics;

// What the gateway derives from its request log, kept on the log writer's thread: the metrics (/metrics, the
// console's figures) from every batch, and the AI usage ledger the budgets are checked against, read again from the
// log when the writer opens and every `usageRefreshMs` (to count what other gateways sharing the catalog spent).
class RequestLogAccounting : public RequestLogObserver
{
public:
    RequestLogAccounting(GatewayMetrics& metrics, UsageLedger& usage, const Clock& clock, int usageRefreshMs)
        : m_metrics(metrics)
        , m_usage(usage)
        , m_clock(clock)
        , m_usageRefreshMs(usageRefreshMs)
    { }

    void aboutToWrite(const QList<RequestEvent>& batch, quint64 droppedSoFar) override;
    void written(const QList<RequestEvent>& batch) override;
    Result<void> reread(const QSqlDatabase& database) override;
    int rereadIntervalMs() const override { return m_usageRefreshMs; }

private:
    GatewayMetrics& m_metrics;
    UsageLedger& m_usage;
    const Clock& m_clock;
    int m_usageRefreshMs;
};

} // namespace gatehouse::gateway

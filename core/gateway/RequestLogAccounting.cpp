#include "core/gateway/RequestLogAccounting.h"

#include "core/common/Clock.h"
#include "core/gateway/GatewayMetrics.h"
#include "core/usage/UsageLedger.h"

namespace gatehouse::gateway {

void RequestLogAccounting::aboutToWrite(const QList<RequestEvent>& batch, quint64 droppedSoFar)
{
    m_metrics.droppedLogEvents.store(droppedSoFar);
    if (!batch.isEmpty())
        m_metrics.record(batch);
}

void RequestLogAccounting::written(const QList<RequestEvent>& batch)
{
    for (const RequestEvent& event : batch) {
        if (event.countsAsAiUsage())
            m_usage.add(event.tokenId, event.consumerId, event.aiTokens(), event.timeMs);
    }
}

Result<void> RequestLogAccounting::reread(const QSqlDatabase& database)
{
    // After the writer's own commits: the sums hold every batch written so far, and the batches after it are added
    // as they are written, so nothing counts twice.
    auto totals = UsageLedger::read(database, m_clock.nowMs());
    if (!totals)
        return totals.error();
    m_usage.replace(std::move(*totals));
    return {};
}

} // namespace gatehouse::gateway

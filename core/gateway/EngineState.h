#pragma once

#include "core/gateway/EngineConfig.h"
#include "core/gateway/GatewayMetrics.h"
#include "core/gateway/RateLimiter.h"
#include "core/gateway/Snapshot.h"
#include "core/gateway/UpstreamTls.h"
#include "core/requestlog/RequestLogQueue.h"
#include "core/usage/UsageLedger.h"

#include <atomic>

namespace gatehouse {
class Clock;
}

namespace gatehouse::gateway {

// What the engine's workers share. The snapshot is swapped atomically: a request pins the
// current one for its whole life and never takes a lock to read it.
class EngineState
{
public:
    EngineState(const EngineConfig& config, const Clock& clock)
        : config(config)
        , clock(clock)
        , upstreamTls(UpstreamTls::clientConfiguration(config.upstreamCaCertificates))
    { }

    const EngineConfig config;
    const Clock& clock;
    const QSslConfiguration upstreamTls; // built once: loading the system CAs is not free
    RateLimiter rateLimiter;
    RateLimiter aiRequestLimiter; // tokens' AI requests a minute
    RateLimiter aiTokenLimiter; // tokens' AI tokens a minute, debited when a response reports its usage
    UsageLedger usage; // AI tokens spent today and this month, for the budgets
    RequestLogQueue logQueue;
    GatewayMetrics metrics;
    std::atomic<bool> draining {false};

    SnapshotPtr snapshot() const { return m_snapshot.load(std::memory_order_acquire); }
    void setSnapshot(SnapshotPtr snapshot) { m_snapshot.store(std::move(snapshot), std::memory_order_release); }

private:
    std::atomic<SnapshotPtr> m_snapshot;
};

} // namespace gatehouse::gateway

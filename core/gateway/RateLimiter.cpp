#include "core/gateway/RateLimiter.h"

#include <cmath>

namespace gatehouse::gateway {

RateLimiter::Decision RateLimiter::take(quint64 key, const RateLimit& limit, qint64 nowMs)
{
    Decision decision;
    if (!limit.isSet())
        return decision;
    decision.limit = limit.requests;
    const double perMs = double(limit.requests) / double(limit.windowMs);

    Shard& shard = m_shards[(key * 0x9E3779B97F4A7C15ULL) >> 60];
    std::lock_guard lock(shard.mutex);
    Bucket& bucket = shard.buckets[key];
    if (bucket.updatedMs == 0 || bucket.shape != limit) {
        bucket = Bucket {double(limit.requests), nowMs, limit}; // a new or reshaped limit starts full
    } else if (nowMs > bucket.updatedMs) {
        bucket.tokens = std::min(double(limit.requests), bucket.tokens + double(nowMs - bucket.updatedMs) * perMs);
        bucket.updatedMs = nowMs;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        decision.allowed = true;
    } else {
        decision.allowed = false;
        decision.retryAfterSeconds = std::max<qint64>(1, qint64(std::ceil((1.0 - bucket.tokens) / perMs / 1000.0)));
    }
    decision.remaining = int(std::floor(bucket.tokens));
    decision.resetSeconds = qint64(std::ceil((double(limit.requests) - bucket.tokens) / perMs / 1000.0));
    return decision;
}

void RateLimiter::purgeIdle(qint64 nowMs)
{
    const qint64 cutoff = nowMs - 3'600'000;
    for (Shard& shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        shard.buckets.removeIf([cutoff](const auto& entry) { return entry.value().updatedMs < cutoff; });
    }
}

} // namespace gatehouse::gateway

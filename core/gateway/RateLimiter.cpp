#include "core/gateway/RateLimiter.h"

#include <cmath>

namespace gatehouse::gateway {

HeaderPairs RateLimiter::Decision::headers() const
{
    HeaderPairs headers {{QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(limit)},
        {QByteArrayLiteral("RateLimit-Remaining"), QByteArray::number(remaining)},
        {QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(resetSeconds)}};
    if (!allowed)
        headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
    return headers;
}

RateLimiter::Bucket& RateLimiter::refilled(Shard& shard, quint64 key, const RateLimit& limit, qint64 nowMs)
{
    Bucket& bucket = shard.buckets[key];
    if (bucket.updatedMs == 0 || bucket.shape != limit) {
        bucket = Bucket {double(limit.requests), nowMs, limit}; // a new or reshaped limit starts full
    } else if (nowMs > bucket.updatedMs) {
        const double perMs = double(limit.requests) / double(limit.windowMs);
        bucket.tokens = std::min(double(limit.requests), bucket.tokens + double(nowMs - bucket.updatedMs) * perMs);
        bucket.updatedMs = nowMs;
    }
    return bucket;
}

// The headers' view of `bucket`; when it holds less than `needed`, how long until it will.
RateLimiter::Decision RateLimiter::describe(const Bucket& bucket, const RateLimit& limit, double needed)
{
    const double perMs = double(limit.requests) / double(limit.windowMs);
    Decision decision;
    decision.limit = limit.requests;
    decision.allowed = bucket.tokens >= needed;
    if (!decision.allowed)
        decision.retryAfterSeconds = std::max<qint64>(1, qint64(std::ceil((needed - bucket.tokens) / perMs / 1000.0)));
    decision.remaining = int(std::max(0.0, std::floor(bucket.tokens)));
    decision.resetSeconds = qint64(std::ceil((double(limit.requests) - bucket.tokens) / perMs / 1000.0));
    return decision;
}

RateLimiter::Decision RateLimiter::take(quint64 key, const RateLimit& limit, qint64 nowMs)
{
    if (!limit.isSet())
        return {};
    Shard& locked = shard(key);
    std::lock_guard lock(locked.mutex);
    Bucket& bucket = refilled(locked, key, limit, nowMs);
    const bool allowed = bucket.tokens >= 1.0;
    if (allowed)
        bucket.tokens -= 1.0;
    Decision decision = describe(bucket, limit, allowed ? 0.0 : 1.0);
    decision.allowed = allowed;
    return decision;
}

RateLimiter::Decision RateLimiter::check(quint64 key, const RateLimit& limit, qint64 nowMs)
{
    if (!limit.isSet())
        return {};
    Shard& locked = shard(key);
    std::lock_guard lock(locked.mutex);
    const Bucket& bucket = refilled(locked, key, limit, nowMs);
    // Anything left allows the next request; a bucket in debt waits until it is back above zero, which is strictly
    // within the whole second Retry-After names.
    Decision decision = describe(bucket, limit, 0.0);
    decision.allowed = bucket.tokens > 0.0;
    if (!decision.allowed) {
        const double perSecond = double(limit.requests) * 1000.0 / double(limit.windowMs);
        decision.retryAfterSeconds = qint64(std::floor(-bucket.tokens / perSecond)) + 1;
    }
    return decision;
}

void RateLimiter::debit(quint64 key, const RateLimit& limit, qint64 amount, qint64 nowMs)
{
    if (!limit.isSet() || amount <= 0)
        return;
    Shard& locked = shard(key);
    std::lock_guard lock(locked.mutex);
    refilled(locked, key, limit, nowMs).tokens -= double(amount);
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

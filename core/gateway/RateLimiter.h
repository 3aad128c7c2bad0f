#pragma once

#include "core/catalog/RateLimit.h"
#include "core/gateway/HttpResponses.h"

#include <QHash>

#include <array>
#include <mutex>

namespace gatehouse::gateway {

// Token buckets shared by every worker. The map is split into shards, each behind its own
// mutex held for a few arithmetic operations, so workers rarely meet and never wait on I/O.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetSeconds = 0; // until the bucket is full again
        qint64 retryAfterSeconds = 0; // until the next request would be allowed (when refused)

        // RateLimit-Limit, -Remaining and -Reset, and Retry-After when refused.
        HeaderPairs headers() const;
    };

    // Takes one request from the bucket `key` (shaped by `limit`) at `nowMs`.
    Decision take(quint64 key, const RateLimit& limit, qint64 nowMs);

    // For amounts known only afterwards (AI tokens a minute): check() allows while the bucket holds anything and
    // takes nothing; debit() then takes what was spent, and may leave the bucket in debt, which the next check()
    // waits out.
    Decision check(quint64 key, const RateLimit& limit, qint64 nowMs);
    void debit(quint64 key, const RateLimit& limit, qint64 amount, qint64 nowMs);

    // Drops buckets untouched for an hour, so that the map does not grow with every token ever seen.
    void purgeIdle(qint64 nowMs);

    static quint64 tokenKey(qint64 tokenId) { return quint64(tokenId) << 1; }
    static quint64 apiTokenKey(qint64 apiId, qint64 tokenId)
    {
        return (quint64(apiId) << 40 ^ quint64(tokenId)) << 1 | 1;
    }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        RateLimit shape;
    };
    struct Shard
    {
        std::mutex mutex;
        QHash<quint64, Bucket> buckets;
    };
    Shard& shard(quint64 key) { return m_shards[(key * 0x9E3779B97F4A7C15ULL) >> 60]; }
    // The bucket `key` refilled up to `nowMs`; the caller holds its shard's mutex.
    static Bucket& refilled(Shard& shard, quint64 key, const RateLimit& limit, qint64 nowMs);
    static Decision describe(const Bucket& bucket, const RateLimit& limit, double needed);
    static constexpr size_t kShards = 16;
    std::array<Shard, kShards> m_shards;
};

} // namespace gatehouse::gateway

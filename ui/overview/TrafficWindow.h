#pragma once

#include "core/requestlog/RequestEvent.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <array>

namespace gatehouse::ui {

// The last hour of traffic in memory, for the Overview: a ring of 60 one-minute buckets, each with
// its request and error counts, a bounded latency sample (for p50/p95) and requests per consumer.
// Fed with the engine's batches (and a catalog read on open); nothing here touches a widget, SQL
// or a clock: the caller says what "now" is, so tests move a ManualClock.
class TrafficWindow
{
public:
    static constexpr int kMinutes = 60;
    static constexpr qint64 kMinuteMs = 60'000;
    // Latencies kept per minute. Exact percentiles below that rate, a uniform sample above it:
    // the whole window stays under 60 x 512 values however busy the gateway is.
    static constexpr int kSamplesPerMinute = 512;

    struct ConsumerCount
    {
        qint64 consumerId = 0;
        QString name;
        qint64 requests = 0;
        bool operator==(const ConsumerCount&) const = default;
    };

    TrafficWindow();

    // Moves the window so that its newest bucket is the minute holding `nowMs`; buckets that fall
    // out are emptied. Time only moves forward: an earlier `nowMs` is ignored.
    void advanceTo(qint64 nowMs);
    // Counts each event in the minute it arrived; events outside the window are ignored.
    void record(const QList<RequestEvent>& batch);
    void record(const RequestEvent& event);
    // Adds another window's buckets (the history read on open) to this one's.
    void merge(const TrafficWindow& other);

    qint64 newestMinuteStartMs() const { return m_newestMinute * kMinuteMs; }
    // Requests in each minute, oldest first; the last entry is the current (partial) minute.
    QList<qint64> requestsPerMinute() const;
    qint64 requests() const;
    // 5xx answers and refusals by the gateway itself (see isError).
    qint64 errors() const;
    // errors / requests, 0 without requests.
    double errorRate() const;
    // The latency (microseconds) below which `quantile` (0..1) of the sampled requests fall,
    // nearest-rank; -1 without requests.
    qint64 latencyPercentileUs(double quantile) const;
    // Consumers by requests, most first (ties by name); requests without a consumer are left out.
    QList<ConsumerCount> topConsumers(int limit) const;

    // What the Overview counts as an error: a 5xx, or a refusal by the gateway.
    static bool isError(const RequestEvent& event);

private:
    struct Bucket
    {
        qint64 minute = -1; // minutes since the epoch; -1: empty
        qint64 requests = 0;
        qint64 errors = 0;
        qint64 sampled = 0; // latencies offered to the sample (for reservoir sampling)
        QList<qint64> latenciesUs;
        QHash<qint64, qint64> byConsumer;
    };

    Bucket& bucketFor(qint64 minute);
    void addLatency(Bucket& bucket, qint64 latencyUs);

    std::array<Bucket, kMinutes> m_buckets;
    qint64 m_newestMinute = 0;
    QHash<qint64, QString> m_consumerNames;
    // A fixed seed: the same traffic always gives the same sample (and the same figures).
    QRandomGenerator m_random {0x6a7e};
};

} // namespace gatehouse::ui

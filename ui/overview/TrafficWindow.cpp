#include "ui/overview/TrafficWindow.h"

#include "ui/livelog/RequestLogModel.h"

#include <algorithm>
#include <cmath>

namespace gatehouse::ui {

TrafficWindow::TrafficWindow() = default;

void TrafficWindow::advanceTo(qint64 nowMs)
{
    const qint64 minute = nowMs / kMinuteMs;
    if (minute <= m_newestMinute)
        return;
    m_newestMinute = minute;
    // A bucket is reused by the minute 60 minutes later: empty the ones that left the window.
    for (Bucket& bucket : m_buckets) {
        if (bucket.minute >= 0 && bucket.minute <= m_newestMinute - kMinutes)
            bucket = Bucket();
    }
}

TrafficWindow::Bucket& TrafficWindow::bucketFor(qint64 minute)
{
    Bucket& bucket = m_buckets[size_t(minute % kMinutes)];
    if (bucket.minute != minute) {
        bucket = Bucket();
        bucket.minute = minute;
    }
    return bucket;
}

void TrafficWindow::addLatency(Bucket& bucket, qint64 latencyUs)
{
    // Reservoir sampling: every latency of the minute has the same chance to be kept.
    ++bucket.sampled;
    if (bucket.latenciesUs.size() < kSamplesPerMinute) {
        bucket.latenciesUs.append(latencyUs);
        return;
    }
    const quint64 slot = m_random.bounded(quint64(bucket.sampled));
    if (slot < quint64(kSamplesPerMinute))
        bucket.latenciesUs[qsizetype(slot)] = latencyUs;
}

void TrafficWindow::record(const QList<RequestEvent>& batch)
{
    for (const RequestEvent& event : batch)
        record(event);
}

void TrafficWindow::record(const RequestEvent& event)
{
    const qint64 minute = event.timeMs / kMinuteMs;
    // A request a little in the future (clocks of another process) counts in the current minute.
    if (minute > m_newestMinute)
        advanceTo(event.timeMs);
    if (minute <= m_newestMinute - kMinutes)
        return;
    Bucket& bucket = bucketFor(minute);
    ++bucket.requests;
    if (isError(event))
        ++bucket.errors;
    addLatency(bucket, event.latencyUs);
    if (event.consumerId > 0) {
        ++bucket.byConsumer[event.consumerId];
        if (!event.consumerName.isEmpty())
            m_consumerNames.insert(event.consumerId, event.consumerName);
    }
}

void TrafficWindow::merge(const TrafficWindow& other)
{
    advanceTo(other.newestMinuteStartMs());
    for (const Bucket& theirs : other.m_buckets) {
        if (theirs.minute < 0 || theirs.minute <= m_newestMinute - kMinutes)
            continue;
        Bucket& ours = bucketFor(theirs.minute);
        ours.requests += theirs.requests;
        ours.errors += theirs.errors;
        for (qint64 latency : theirs.latenciesUs)
            addLatency(ours, latency);
        // The other window's sample stands for all of its requests, not only the ones it kept.
        ours.sampled += theirs.sampled - theirs.latenciesUs.size();
        for (auto it = theirs.byConsumer.cbegin(); it != theirs.byConsumer.cend(); ++it)
            ours.byConsumer[it.key()] += it.value();
    }
    for (auto it = other.m_consumerNames.cbegin(); it != other.m_consumerNames.cend(); ++it)
        m_consumerNames.insert(it.key(), it.value());
}

QList<qint64> TrafficWindow::requestsPerMinute() const
{
    QList<qint64> counts;
    counts.reserve(kMinutes);
    for (qint64 minute = m_newestMinute - kMinutes + 1; minute <= m_newestMinute; ++minute) {
        const Bucket& bucket = m_buckets[size_t(minute % kMinutes)];
        counts.append(bucket.minute == minute ? bucket.requests : 0);
    }
    return counts;
}

qint64 TrafficWindow::requests() const
{
    qint64 total = 0;
    for (const Bucket& bucket : m_buckets)
        total += bucket.minute >= 0 ? bucket.requests : 0;
    return total;
}

qint64 TrafficWindow::errors() const
{
    qint64 total = 0;
    for (const Bucket& bucket : m_buckets)
        total += bucket.minute >= 0 ? bucket.errors : 0;
    return total;
}

double TrafficWindow::errorRate() const
{
    const qint64 all = requests();
    return all > 0 ? double(errors()) / double(all) : 0.0;
}

qint64 TrafficWindow::latencyPercentileUs(double quantile) const
{
    QList<qint64> all;
    for (const Bucket& bucket : m_buckets) {
        if (bucket.minute >= 0)
            all.append(bucket.latenciesUs);
    }
    if (all.isEmpty())
        return -1;
    // Nearest rank: the smallest value with at least `quantile` of the sample at or below it.
    const qsizetype rank
        = qBound(qsizetype(1), qsizetype(std::ceil(qBound(0.0, quantile, 1.0) * double(all.size()))), all.size());
    auto nth = all.begin() + (rank - 1);
    std::nth_element(all.begin(), nth, all.end());
    return *nth;
}

QList<TrafficWindow::ConsumerCount> TrafficWindow::topConsumers(int limit) const
{
    QHash<qint64, qint64> totals;
    for (const Bucket& bucket : m_buckets) {
        if (bucket.minute < 0)
            continue;
        for (auto it = bucket.byConsumer.cbegin(); it != bucket.byConsumer.cend(); ++it)
            totals[it.key()] += it.value();
    }
    QList<ConsumerCount> counts;
    counts.reserve(totals.size());
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        counts.append({it.key(), m_consumerNames.value(it.key()), it.value()});
    std::sort(counts.begin(), counts.end(), [](const ConsumerCount& a, const ConsumerCount& b) {
        return a.requests != b.requests ? a.requests > b.requests : a.name < b.name;
    });
    if (counts.size() > limit)
        counts.resize(qMax(0, limit));
    return counts;
}

bool TrafficWindow::isError(const RequestEvent& event)
{
    return (event.status >= 500 && event.status < 600) || RequestLogModel::isRejected(event);
}

} // namespace gatehouse::ui

#pragma once

#include "core/requestlog/RequestEvent.h"
#include "core/usage/UsageReport.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace gatehouse {

// The AI usage of a period of UTC days that the console's Overview keeps current: the catalog's daily sums read up
// to a seam (a time), and the requests the engine logs from the seam on, added as their batches arrive. The seam is
// what keeps a request from counting twice: the read takes out what the log holds from it on
// (UsageReport::readOverview, given liveFromMs()), and add() counts only what arrived at or after it.
//
// What counts is what the gateway sums per day: RequestEvent::countsAsAiUsage(), nothing else. Live rows are
// summed by key (consumerKey(), modelKey(): the keys of the rows read), their names following the newest request.
class UsageTally
{
public:
    // One request's AI usage: a request by consumer (id 0 for none, the name as logged) and by model (provider id
    // and name, the model's name; `name` "provider/model"). Tokens not reported count as none.
    struct Share
    {
        UsageRow byConsumer;
        UsageRow byModel;
    };

    // `days`: the period's length, today (UTC) included (at least 1).
    explicit UsageTally(int days)
        : m_days(qMax(1, days))
    { }

    // Starts over with the seam at `liveFromMs`: drops what arrived live; the period ends on that time's UTC day.
    void restart(qint64 liveFromMs);
    qint64 liveFromMs() const { return m_liveFromMs; }
    // The period's UTC days, {first, last}: the `days` days up to the seam's.
    std::pair<QDate, QDate> period() const;

    // Counts `event` when it is AI usage that arrived at or after the seam (what came before is the read's) and
    // returns its share; nothing when it does not count.
    std::optional<Share> add(const RequestEvent& event);

    // What arrived since the seam, summed by key, in the order the keys first came.
    const QList<UsageRow>& liveByConsumer() const { return m_liveByConsumer; }
    const QList<UsageRow>& liveByModel() const { return m_liveByModel; }

    // The key of a row by consumer ("12"; "0" for none) and by model ("1/gpt-4o": the provider's id, the model).
    static QString consumerKey(const UsageRow& row);
    static QString modelKey(const UsageRow& row);

private:
    // Adds `share` to the row of `key` in `rows`, or appends it.
    static void sum(
        QList<UsageRow>& rows, QHash<QString, qsizetype>& rowOfKey, const QString& key, const UsageRow& share);

    int m_days;
    qint64 m_liveFromMs = 0;
    QList<UsageRow> m_liveByConsumer;
    QList<UsageRow> m_liveByModel;
    QHash<QString, qsizetype> m_consumerRow;
    QHash<QString, qsizetype> m_modelRow;
};

} // namespace gatehouse

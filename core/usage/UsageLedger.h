#pragma once

#include "core/catalog/AiLimits.h"
#include "core/catalog/sql/CatalogLocation.h"
#include "core/common/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <mutex>

namespace gatehouse {

class Catalog;

// What each token and consumer has spent on the AI routes (prompt plus completion tokens) in the current UTC day and
// month: the figures the budgets are checked against. The request log's writer keeps it: from the catalog's daily
// sums when it starts and every few seconds after (so that another gateway sharing the catalog counts too), plus
// every batch it writes in between. The request path only reads it, under a lock held for a hash lookup.
class UsageLedger
{
public:
    struct Spent
    {
        qint64 day = 0;
        qint64 month = 0;
        friend bool operator==(const Spent&, const Spent&) = default;
    };
    // Every id's spending in the day and month these keys name.
    struct Totals
    {
        qint64 dayKey = 0;
        qint64 monthKey = 0;
        QHash<qint64, Spent> tokens;
        QHash<qint64, Spent> consumers;
    };
    // Which budget refused a request, and until when.
    struct Verdict
    {
        bool allowed = true;
        QString budget; // "token_daily", "token_monthly", "consumer_daily", "consumer_monthly"
        qint64 limit = 0;
        qint64 used = 0;
        qint64 resetAtMs = 0; // when the request would be allowed again
    };

    static qint64 dayKey(qint64 ms); // days since the epoch, in UTC
    static qint64 monthKey(qint64 ms); // months since year 0, in UTC
    static qint64 nextDayStartMs(qint64 ms);
    static qint64 nextMonthStartMs(qint64 ms);

    // The sums of ai_usage_daily for the day and month of `nowMs`.
    static Result<Totals> read(const QSqlDatabase& db, qint64 nowMs);
    // The same through the catalog's own connection, on the catalog's thread.
    static Result<Totals> read(const Catalog& catalog, qint64 nowMs);
    // The same through a read-only connection of its own, opened and closed on the calling thread (a background
    // read's): the month's rows of a busy catalog are many.
    static Result<Totals> read(const CatalogLocation& location, qint64 nowMs);

    void replace(Totals totals);
    void add(qint64 tokenId, qint64 consumerId, qint64 tokens, qint64 atMs);

    Spent token(qint64 id, qint64 nowMs) const;
    Spent consumer(qint64 id, qint64 nowMs) const;

    // Refuses once any budget that applies is spent; when several are, names the one that resets last.
    Verdict check(qint64 tokenId, const UsageBudget& tokenBudget, qint64 consumerId, const UsageBudget& consumerBudget,
        qint64 nowMs) const;

private:
    Spent spentLocked(const QHash<qint64, Spent>& table, qint64 id, qint64 nowMs) const;
    void rollTo(qint64 dayKey, qint64 monthKey); // the caller holds m_mutex

    mutable std::mutex m_mutex;
    Totals m_totals;
};

} // namespace gatehouse

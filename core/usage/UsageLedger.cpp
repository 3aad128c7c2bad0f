#include "core/usage/UsageLedger.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/SqlQuery.h"

#include <QDateTime>
#include <QSqlQuery>

namespace gatehouse {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QDate utcDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
}

qint64 utcMidnightMs(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

qint64 UsageLedger::dayKey(qint64 ms)
{
    return ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs;
}

qint64 UsageLedger::monthKey(qint64 ms)
{
    const QDate date = utcDate(ms);
    return qint64(date.year()) * 12 + date.month() - 1;
}

qint64 UsageLedger::nextDayStartMs(qint64 ms)
{
    return (dayKey(ms) + 1) * kDayMs;
}

qint64 UsageLedger::nextMonthStartMs(qint64 ms)
{
    const QDate date = utcDate(ms);
    return utcMidnightMs(QDate(date.year(), date.month(), 1).addMonths(1));
}

Result<UsageLedger::Totals> UsageLedger::read(const Catalog& catalog, qint64 nowMs)
{
    return read(catalog.database(), nowMs);
}

Result<UsageLedger::Totals> UsageLedger::read(const CatalogLocation& location, qint64 nowMs)
{
    auto connection
        = CatalogConnection::open(location, QStringLiteral("usage-ledger"), CatalogConnection::Access::ReadOnly);
    if (!connection)
        return connection.error();
    return read(connection->database(), nowMs);
}

Result<UsageLedger::Totals> UsageLedger::read(const QSqlDatabase& db, qint64 nowMs)
{
    const QDate today = utcDate(nowMs);
    const QString day = today.toString(Qt::ISODate);
    const QString monthStart = QDate(today.year(), today.month(), 1).toString(Qt::ISODate);
    // The day column is an ISO date, so the month's rows are one range of the primary key.
    auto rows = sql::exec(db,
        QStringLiteral("SELECT token_id, consumer_id, "
                       "sum(CASE WHEN day = ? THEN tokens_in + tokens_out ELSE 0 END), sum(tokens_in + tokens_out) "
                       "FROM ai_usage_daily WHERE day >= ? AND day <= ? GROUP BY token_id, consumer_id"),
        {day, monthStart, day});
    if (!rows)
        return rows.error();
    Totals totals;
    totals.dayKey = dayKey(nowMs);
    totals.monthKey = monthKey(nowMs);
    while (rows->next()) {
        const Spent spent {rows->value(2).toLongLong(), rows->value(3).toLongLong()};
        Spent& token = totals.tokens[rows->value(0).toLongLong()];
        token.day += spent.day;
        token.month += spent.month;
        if (const qint64 consumer = rows->value(1).toLongLong(); consumer > 0) {
            Spent& sum = totals.consumers[consumer];
            sum.day += spent.day;
            sum.month += spent.month;
        }
    }
    return totals;
}

void UsageLedger::replace(Totals totals)
{
    std::lock_guard lock(m_mutex);
    m_totals = std::move(totals);
}

void UsageLedger::rollTo(qint64 day, qint64 month)
{
    if (day > m_totals.dayKey) {
        for (Spent& spent : m_totals.tokens)
            spent.day = 0;
        for (Spent& spent : m_totals.consumers)
            spent.day = 0;
        m_totals.dayKey = day;
    }
    if (month > m_totals.monthKey) {
        // A new month drops everything: even today's figures started with it.
        m_totals.tokens.clear();
        m_totals.consumers.clear();
        m_totals.monthKey = month;
    }
}

void UsageLedger::add(qint64 tokenId, qint64 consumerId, qint64 tokens, qint64 atMs)
{
    if (tokens <= 0)
        return;
    const qint64 day = dayKey(atMs);
    const qint64 month = monthKey(atMs);
    std::lock_guard lock(m_mutex);
    rollTo(day, month);
    if (month != m_totals.monthKey)
        return; // an event from an earlier month (a late batch across midnight) spends nothing now
    const qint64 today = day == m_totals.dayKey ? tokens : 0;
    Spent& token = m_totals.tokens[tokenId];
    token.day += today;
    token.month += tokens;
    if (consumerId > 0) {
        Spent& consumer = m_totals.consumers[consumerId];
        consumer.day += today;
        consumer.month += tokens;
    }
}

UsageLedger::Spent UsageLedger::spentLocked(const QHash<qint64, Spent>& table, qint64 id, qint64 nowMs) const
{
    const auto found = table.constFind(id);
    if (found == table.cend() || monthKey(nowMs) != m_totals.monthKey)
        return {};
    Spent spent = *found;
    if (dayKey(nowMs) != m_totals.dayKey)
        spent.day = 0;
    return spent;
}

UsageLedger::Spent UsageLedger::token(qint64 id, qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    return spentLocked(m_totals.tokens, id, nowMs);
}

UsageLedger::Spent UsageLedger::consumer(qint64 id, qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    return spentLocked(m_totals.consumers, id, nowMs);
}

UsageLedger::Verdict UsageLedger::check(qint64 tokenId, const UsageBudget& tokenBudget, qint64 consumerId,
    const UsageBudget& consumerBudget, qint64 nowMs) const
{
    Verdict verdict;
    if (!tokenBudget.isSet() && !consumerBudget.isSet())
        return verdict;
    Spent token;
    Spent consumer;
    {
        // One lock for both figures: they come from the same batch, and the request path waits once.
        std::lock_guard lock(m_mutex);
        token = spentLocked(m_totals.tokens, tokenId, nowMs);
        consumer = spentLocked(m_totals.consumers, consumerId, nowMs);
    }
    const qint64 dayReset = nextDayStartMs(nowMs);
    const qint64 monthReset = nextMonthStartMs(nowMs);
    const struct
    {
        const char* name;
        qint64 limit;
        qint64 used;
        qint64 resetAtMs;
    } budgets[] = {
        {"token_daily", tokenBudget.dailyTokens, token.day, dayReset},
        {"token_monthly", tokenBudget.monthlyTokens, token.month, monthReset},
        {"consumer_daily", consumerBudget.dailyTokens, consumer.day, dayReset},
        {"consumer_monthly", consumerBudget.monthlyTokens, consumer.month, monthReset},
    };
    for (const auto& budget : budgets) {
        if (budget.limit <= 0 || budget.used < budget.limit)
            continue;
        if (verdict.allowed || budget.resetAtMs > verdict.resetAtMs) {
            verdict = Verdict {false, QString::fromLatin1(budget.name), budget.limit, budget.used, budget.resetAtMs};
        }
    }
    return verdict;
}

} // namespace gatehouse

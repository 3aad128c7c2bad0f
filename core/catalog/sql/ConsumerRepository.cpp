#include "core/catalog/sql/ConsumerRepository.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/catalog/sql/TokenRepository.h"

namespace gatehouse::consumerRepository {

namespace {

// A budget of 0 (none) is stored as NULL.
QVariant budgetValue(qint64 tokens)
{
    return tokens > 0 ? QVariant(tokens) : QVariant(QMetaType::fromType<qint64>());
}

Result<QList<Consumer>> query(
    const QSqlDatabase& db, qint64 nowMs, const QString& where, std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.id, c.name, c.description, c.created_at, c.budget_daily_tokens, "
                                 "c.budget_monthly_tokens, "
                                 "(SELECT count(*) FROM tokens t WHERE t.consumer_id = c.id AND ")
        + tokenRepository::usableCondition()
        + QStringLiteral("), (SELECT max(t.last_used_at) FROM tokens t WHERE t.consumer_id = c.id) "
                         "FROM consumers c ")
        + where + QStringLiteral(" ORDER BY c.name"));
    query.bindValue(QStringLiteral(":now"), nowMs);
    int position = 0;
    for (const QVariant& value : values)
        query.bindValue(QStringLiteral(":p%1").arg(position++), value);
    if (!query.exec())
        return sql::toError(query.lastError(), u"list consumers");
    QList<Consumer> consumers;
    while (query.next()) {
        Consumer consumer;
        consumer.id = query.value(0).toLongLong();
        consumer.name = query.value(1).toString();
        consumer.description = query.value(2).toString();
        consumer.created = sql::toTime(query.value(3));
        consumer.budget.dailyTokens = query.value(4).toLongLong(); // NULL reads as 0: no budget
        consumer.budget.monthlyTokens = query.value(5).toLongLong();
        consumer.activeTokens = query.value(6).toInt();
        consumer.lastUsed = sql::toTime(query.value(7));
        consumers.append(consumer);
    }
    return consumers;
}

} // namespace

Result<QList<Consumer>> list(const QSqlDatabase& db, qint64 nowMs)
{
    return query(db, nowMs, QString(), {});
}

Result<std::optional<Consumer>> findByName(const QSqlDatabase& db, const QString& name, qint64 nowMs)
{
    auto found = query(db, nowMs, QStringLiteral("WHERE c.name = :p0"), {name});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Consumer>();
    return std::optional<Consumer>(found->first());
}

Result<std::optional<qint64>> idByName(const QSqlDatabase& db, const QString& name)
{
    auto consumer = sql::exec(db, QStringLiteral("SELECT id FROM consumers WHERE name = ?"), {name});
    if (!consumer)
        return consumer.error();
    if (!consumer->next())
        return std::optional<qint64>();
    return std::optional<qint64>(consumer->value(0).toLongLong());
}

Result<qint64> insert(const QSqlDatabase& db, const Consumer& consumer, qint64 nowMs)
{
    auto inserted = sql::exec(db,
        QStringLiteral("INSERT INTO consumers (name, description, created_at, budget_daily_tokens, "
                       "budget_monthly_tokens) VALUES (?, ?, ?, ?, ?)"),
        {consumer.name, consumer.description, nowMs, budgetValue(consumer.budget.dailyTokens),
            budgetValue(consumer.budget.monthlyTokens)});
    if (!inserted)
        return inserted.error();
    return sqlDialect::insertedId(*inserted);
}

Result<void> update(
    const QSqlDatabase& db, qint64 id, const QString& name, const QString& description, const UsageBudget& budget)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE consumers SET name = ?, description = ?, budget_daily_tokens = ?, "
                       "budget_monthly_tokens = ? WHERE id = ?"),
        {name, description, budgetValue(budget.dailyTokens), budgetValue(budget.monthlyTokens), id});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> remove(const QSqlDatabase& db, qint64 id)
{
    if (auto removed = sql::exec(db, QStringLiteral("DELETE FROM consumers WHERE id = ?"), {id}); !removed)
        return removed.error();
    return {};
}

} // namespace gatehouse::consumerRepository

#include "core/catalog/ConsumerService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/catalog/sql/WriteTransaction.h"
#include "core/common/Clock.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse {

namespace {

// A token is usable while it is neither revoked (revoked_at in the past) nor expired.
const QString kUsable = QStringLiteral("(t.revoked_at IS NULL OR t.revoked_at > :now) AND "
                                       "(t.expires_at IS NULL OR t.expires_at > :now)");

// A budget of 0 (none) is stored as NULL.
QVariant budgetValue(qint64 tokens)
{
    return tokens > 0 ? QVariant(tokens) : QVariant(QMetaType::fromType<qint64>());
}

void describeBudget(QJsonObject& details, const UsageBudget& budget)
{
    details.insert(QStringLiteral("budget_daily_tokens"), budget.dailyTokens);
    details.insert(QStringLiteral("budget_monthly_tokens"), budget.monthlyTokens);
}

} // namespace

ConsumerService::ConsumerService(Catalog& catalog, QString actor, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{ }

Result<Consumer> ConsumerService::add(const QString& name, const QString& description, const UsageBudget& budget)
{
    auto validName = validation::name(name);
    if (!validName)
        return validName.error();
    auto validDescription = validation::label(description, u"description", kMaxDescriptionLength);
    if (!validDescription)
        return validDescription.error();
    if (auto validBudget = aiLimits::validate(budget); !validBudget)
        return validBudget.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    if (find(*validName))
        return Error::conflict(
            QStringLiteral("name"), QStringLiteral("a consumer called \"%1\" already exists").arg(*validName));

    Consumer consumer;
    consumer.name = *validName;
    consumer.description = *validDescription;
    consumer.created = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    consumer.budget = budget;
    auto inserted = sql::exec(tx->database(),
        QStringLiteral("INSERT INTO consumers (name, description, created_at, budget_daily_tokens, "
                       "budget_monthly_tokens) VALUES (?, ?, ?, ?, ?)"),
        {consumer.name, consumer.description, tx->nowMs(), budgetValue(budget.dailyTokens),
            budgetValue(budget.monthlyTokens)});
    if (!inserted)
        return inserted.error();
    consumer.id = inserted->lastInsertId().toLongLong();
    QJsonObject details {{QStringLiteral("description"), consumer.description}};
    if (budget.isSet())
        describeBudget(details, budget);
    if (auto committed
        = tx->commitAudited(QStringLiteral("consumer.add"), QStringLiteral("consumer:") + consumer.name, details);
        !committed)
        return committed.error();
    Q_EMIT consumerAdded(consumer);
    return consumer;
}

Result<Consumer> ConsumerService::update(
    const QString& name, const QString& newName, const QString& description, std::optional<UsageBudget> budget)
{
    auto validName = validation::name(newName);
    if (!validName)
        return validName.error();
    auto validDescription = validation::label(description, u"description", kMaxDescriptionLength);
    if (!validDescription)
        return validDescription.error();
    if (budget) {
        if (auto validBudget = aiLimits::validate(*budget); !validBudget)
            return validBudget.error();
    }
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (*validName != name && find(*validName))
        return Error::conflict(
            QStringLiteral("name"), QStringLiteral("a consumer called \"%1\" already exists").arg(*validName));
    const UsageBudget newBudget = budget.value_or(existing->budget);
    auto updated = sql::exec(tx->database(),
        QStringLiteral("UPDATE consumers SET name = ?, description = ?, budget_daily_tokens = ?, "
                       "budget_monthly_tokens = ? WHERE id = ?"),
        {*validName, *validDescription, budgetValue(newBudget.dailyTokens), budgetValue(newBudget.monthlyTokens),
            existing->id});
    if (!updated)
        return updated.error();
    QJsonObject details {{QStringLiteral("description"), *validDescription}};
    if (newBudget != existing->budget)
        describeBudget(details, newBudget);
    if (*validName != name)
        details.insert(QStringLiteral("renamed_from"), name);
    if (auto committed
        = tx->commitAudited(QStringLiteral("consumer.update"), QStringLiteral("consumer:") + *validName, details);
        !committed)
        return committed.error();
    Consumer consumer = *existing;
    consumer.name = *validName;
    consumer.description = *validDescription;
    consumer.budget = newBudget;
    Q_EMIT consumerUpdated(name, consumer);
    return consumer;
}

Result<void> ConsumerService::remove(const QString& name, TokenPolicy policy)
{
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();

    QSqlQuery usable(tx->database());
    usable.prepare(QStringLiteral("SELECT t.id FROM tokens t WHERE t.consumer_id = :consumer AND ") + kUsable);
    usable.bindValue(QStringLiteral(":consumer"), existing->id);
    usable.bindValue(QStringLiteral(":now"), tx->nowMs());
    if (!usable.exec())
        return sql::toError(usable.lastError(), u"usable tokens");
    QList<qint64> usableIds;
    while (usable.next())
        usableIds.append(usable.value(0).toLongLong());
    usable.finish();

    if (!usableIds.isEmpty() && policy == TokenPolicy::RefuseIfActive) {
        return Error::conflict(QStringLiteral("consumer"),
            QStringLiteral("\"%1\" still has %2 active token(s); revoke them first or pass "
                           "--revoke-tokens")
                .arg(name)
                .arg(usableIds.size()));
    }
    QJsonArray revoked;
    for (qint64 id : usableIds) {
        auto done = sql::exec(tx->database(),
            QStringLiteral("UPDATE tokens SET revoked_at = ?, revoke_reason = ? WHERE id = ?"),
            {tx->nowMs(), QStringLiteral("consumer removed"), id});
        if (!done)
            return done.error();
        if (auto committed = tx->commitAudited(QStringLiteral("token.revoke"), QStringLiteral("token:%1").arg(id),
                {{QStringLiteral("reason"), QStringLiteral("consumer removed")}});
            !audited)
            return audited.error();
        revoked.append(id);
    }
    if (auto removed = sql::exec(tx->database(), QStringLiteral("DELETE FROM consumers WHERE id = ?"), {existing->id});
        !removed)
        return removed.error();
    if (auto audited = tx->audit(QStringLiteral("consumer.remove"), QStringLiteral("consumer:") + name,
            {{QStringLiteral("revoked_tokens"), revoked}});
        !committed)
        return committed.error();
    Q_EMIT consumerRemoved(name);
    return {};
}

Result<QList<Consumer>> ConsumerService::query(const QString& where, std::initializer_list<QVariant> values) const
{
    QSqlQuery query(m_catalog.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.id, c.name, c.description, c.created_at, c.budget_daily_tokens, "
                                 "c.budget_monthly_tokens, "
                                 "(SELECT count(*) FROM tokens t WHERE t.consumer_id = c.id AND ")
        + kUsable
        + QStringLiteral("), (SELECT max(t.last_used_at) FROM tokens t WHERE t.consumer_id = c.id) "
                         "FROM consumers c ")
        + where + QStringLiteral(" ORDER BY c.name"));
    query.bindValue(QStringLiteral(":now"), m_catalog.clock().nowMs());
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

Result<QList<Consumer>> ConsumerService::list() const
{
    return query(QString(), {});
}

Result<Consumer> ConsumerService::find(const QString& name) const
{
    auto found = query(QStringLiteral("WHERE c.name = :p0"), {name});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(QStringLiteral("consumer"), QStringLiteral("no consumer is called \"%1\"").arg(name));
    return found->first();
}

} // namespace gatehouse

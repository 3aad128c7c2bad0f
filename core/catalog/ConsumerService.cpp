#include "core/catalog/ConsumerService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/ConsumerRepository.h"
#include "core/catalog/sql/TokenRepository.h"
#include "core/catalog/sql/WriteTransaction.h"
#include "core/common/Clock.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse {

namespace {

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
    auto inserted = consumerRepository::insert(tx->database(), consumer, tx->nowMs());
    if (!inserted)
        return inserted.error();
    consumer.id = *inserted;
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
    if (auto updated
        = consumerRepository::update(tx->database(), existing->id, *validName, *validDescription, newBudget);
        !updated)
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

    auto usable = tokenRepository::usableIdsOf(tx->database(), existing->id, tx->nowMs());
    if (!usable)
        return usable.error();
    const QList<qint64> usableIds = *usable;
    if (!usableIds.isEmpty() && policy == TokenPolicy::RefuseIfActive) {
        return Error::conflict(QStringLiteral("consumer"),
            QStringLiteral("\"%1\" still has %2 active token(s); revoke them first or pass "
                           "--revoke-tokens")
                .arg(name)
                .arg(usableIds.size()));
    }
    QJsonArray revoked;
    for (qint64 id : usableIds) {
        if (auto done = tokenRepository::revoke(tx->database(), id, tx->nowMs(), QStringLiteral("consumer removed"));
            !done)
            return done.error();
        if (auto audited = tx->audit(QStringLiteral("token.revoke"), QStringLiteral("token:%1").arg(id),
                {{QStringLiteral("reason"), QStringLiteral("consumer removed")}});
            !audited)
            return audited.error();
        revoked.append(id);
    }
    if (auto removed = consumerRepository::remove(tx->database(), existing->id); !removed)
        return removed.error();
    if (auto committed = tx->commitAudited(QStringLiteral("consumer.remove"), QStringLiteral("consumer:") + name,
            {{QStringLiteral("revoked_tokens"), revoked}});
        !committed)
        return committed.error();
    Q_EMIT consumerRemoved(name);
    return {};
}

Result<QList<Consumer>> ConsumerService::list() const
{
    return consumerRepository::list(m_catalog.database(), m_catalog.clock().nowMs());
}

Result<Consumer> ConsumerService::find(const QString& name) const
{
    auto found = consumerRepository::findByName(m_catalog.database(), name, m_catalog.clock().nowMs());
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("consumer"), QStringLiteral("no consumer is called \"%1\"").arg(name));
    return **found;
}

} // namespace gatehouse

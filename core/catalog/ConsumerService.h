#pragma once

#include "core/catalog/Consumer.h"
#include "core/common/Result.h"

#include <QList>
#include <QObject>

#include <optional>

namespace gatehouse {

class Catalog;
class TokenService;

// Adds, edits and removes consumers. Removing one that still holds usable tokens is refused
// unless the caller asks for those tokens to be revoked in the same transaction.
class ConsumerService : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxDescriptionLength = 500;

    ConsumerService(Catalog& catalog, QString actor, QObject* parent = nullptr);

    Result<Consumer> add(const QString& name, const QString& description = {}, const UsageBudget& budget = {});
    // `budget`: the consumer's new AI budget, or nullopt to keep the one it has.
    Result<Consumer> update(const QString& name, const QString& newName, const QString& description,
        std::optional<UsageBudget> budget = std::nullopt);
    enum class TokenPolicy { RefuseIfActive, RevokeActive };
    Result<void> remove(const QString& name, TokenPolicy policy = TokenPolicy::RefuseIfActive);

    // With derived columns: active tokens and latest use.
    Result<QList<Consumer>> list() const;
    Result<Consumer> find(const QString& name) const;

Q_SIGNALS:
    void consumerAdded(const gatehouse::Consumer& consumer);
    void consumerUpdated(const QString& previousName, const gatehouse::Consumer& consumer);
    void consumerRemoved(const QString& name);

private:
    Catalog& m_catalog;
    QString m_actor;
};

} // namespace gatehouse

#pragma once

#include "core/catalog/ModelAlias.h"
#include "core/common/Result.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace gatehouse {

class Catalog;

// Adds and removes model aliases ("fast" -> anthropic/claude-haiku-4-5, then openai/gpt-4o-mini).
// Every target must name an existing provider; ProviderService refuses to remove a provider an
// alias names, and carries a provider's rename into the aliases.
class AliasService : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxTargets = 8;

    AliasService(Catalog& catalog, QString actor, QObject* parent = nullptr);

    // `targets`: the target first, then the fallbacks in order.
    Result<ModelAlias> add(const QString& name, const QList<ModelTarget>& targets);
    Result<void> remove(const QString& name);

    Result<QList<ModelAlias>> list() const;
    Result<ModelAlias> find(const QString& name) const;

    // "PROVIDER/MODEL": the provider is what precedes the first '/', the model all that follows
    // (model ids may hold '/' themselves). Checks the form only, not that the provider exists.
    static Result<ModelTarget> parseTarget(QStringView text, QStringView field = u"target");
    // The catalog's form of a target list: a JSON array of "PROVIDER/MODEL" strings.
    static QString targetsToJson(const QList<ModelTarget>& targets);
    static QList<ModelTarget> targetsFromJson(const QString& json);

Q_SIGNALS:
    void aliasAdded(const gatehouse::ModelAlias& alias);
    void aliasRemoved(const QString& name);

private:
    Catalog& m_catalog;
    QString m_actor;
};

} // namespace gatehouse

#include "core/catalog/AliasService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/AliasRepository.h"
#include "core/catalog/sql/ProviderRepository.h"
#include "core/catalog/sql/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

namespace {

QJsonArray targetStrings(const QList<ModelTarget>& targets)
{
    QJsonArray array;
    for (const ModelTarget& target : targets)
        array.append(target.toString());
    return array;
}

} // namespace

AliasService::AliasService(Catalog& catalog, QString actor, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{ }

Result<ModelTarget> AliasService::parseTarget(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(u'/');
    if (slash <= 0 || slash == trimmed.size() - 1) {
        return Error::invalid(field.toString(), QStringLiteral("\"%1\" is not PROVIDER/MODEL").arg(trimmed.toString()));
    }
    auto provider = validation::name(trimmed.first(slash), field);
    if (!provider)
        return provider.error();
    auto model = validation::modelId(trimmed.sliced(slash + 1), field);
    if (!model)
        return model.error();
    return ModelTarget {*provider, *model};
}

QString AliasService::targetsToJson(const QList<ModelTarget>& targets)
{
    return QString::fromUtf8(QJsonDocument(targetStrings(targets)).toJson(QJsonDocument::Compact));
}

QList<ModelTarget> AliasService::targetsFromJson(const QString& json)
{
    QList<ModelTarget> targets;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QString text = value.toString();
        const qsizetype slash = text.indexOf(u'/');
        if (slash > 0)
            targets.append({text.left(slash), text.mid(slash + 1)});
    }
    return targets;
}

Result<ModelAlias> AliasService::add(const QString& name, const QList<ModelTarget>& targets)
{
    auto validName = validation::name(name);
    if (!validName)
        return validName.error();
    if (targets.isEmpty())
        return Error::invalid(QStringLiteral("target"), QStringLiteral("an alias needs a target"));
    if (targets.size() > kMaxTargets) {
        return Error::invalid(QStringLiteral("fallback"),
            QStringLiteral("an alias has at most %1 targets, fallbacks included").arg(kMaxTargets));
    }
    QList<ModelTarget> checked;
    for (const ModelTarget& target : targets) {
        // Re-parse so that a target built by hand passes the same rules as one typed in.
        auto valid = parseTarget(target.toString());
        if (!valid)
            return valid.error();
        if (checked.contains(*valid)) {
            return Error::invalid(
                QStringLiteral("fallback"), QStringLiteral("%1 is listed twice").arg(valid->toString()));
        }
        checked.append(*valid);
    }

    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    for (const ModelTarget& target : checked) {
        auto provider = providerRepository::exists(tx->database(), target.provider);
        if (!provider)
            return provider.error();
        if (!*provider) {
            return Error::notFound(QStringLiteral("target"),
                QStringLiteral("no provider is called \"%1\" (in %2)").arg(target.provider, target.toString()));
        }
    }
    auto clash = aliasRepository::exists(tx->database(), *validName);
    if (!clash)
        return clash.error();
    if (*clash)
        return Error::conflict(
            QStringLiteral("name"), QStringLiteral("an alias called \"%1\" already exists").arg(*validName));

    ModelAlias alias;
    alias.name = *validName;
    alias.targets = checked;
    alias.created = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    auto inserted = aliasRepository::insert(tx->database(), alias, tx->nowMs());
    if (!inserted)
        return inserted.error();
    alias.id = *inserted;
    if (auto committed = tx->commitAudited(QStringLiteral("alias.add"), QStringLiteral("alias:") + alias.name,
            {{QStringLiteral("targets"), targetStrings(alias.targets)}});
        !committed)
        return committed.error();
    Q_EMIT aliasAdded(alias);
    return alias;
}

Result<void> AliasService::remove(const QString& name)
{
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (auto removed = aliasRepository::remove(tx->database(), existing->id); !removed)
        return removed.error();
    if (auto committed = tx->commitAudited(QStringLiteral("alias.remove"), QStringLiteral("alias:") + name,
            {{QStringLiteral("targets"), targetStrings(existing->targets)}});
        !committed)
        return committed.error();
    Q_EMIT aliasRemoved(name);
    return {};
}

Result<QList<ModelAlias>> AliasService::list() const
{
    return aliasRepository::list(m_catalog.database());
}

Result<ModelAlias> AliasService::find(const QString& name) const
{
    auto found = aliasRepository::findByName(m_catalog.database(), name);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("name"), QStringLiteral("no alias is called \"%1\"").arg(name));
    return **found;
}

} // namespace gatehouse

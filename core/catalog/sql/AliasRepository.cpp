#include "core/catalog/sql/AliasRepository.h"

#include "core/catalog/AliasService.h"
#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"

namespace gatehouse::aliasRepository {

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, targets, created_at FROM model_aliases");

ModelAlias readAlias(const QSqlQuery& query)
{
    ModelAlias alias;
    alias.id = query.value(0).toLongLong();
    alias.name = query.value(1).toString();
    alias.targets = AliasService::targetsFromJson(query.value(2).toString());
    alias.created = sql::toTime(query.value(3));
    return alias;
}

} // namespace

Result<QList<ModelAlias>> list(const QSqlDatabase& db)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" ORDER BY name"));
    if (!query)
        return query.error();
    QList<ModelAlias> aliases;
    while (query->next())
        aliases.append(readAlias(*query));
    return aliases;
}

Result<std::optional<ModelAlias>> findByName(const QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ModelAlias>();
    return std::optional<ModelAlias>(readAlias(*query));
}

Result<bool> exists(const QSqlDatabase& db, const QString& name)
{
    auto clash = sql::exec(db, QStringLiteral("SELECT 1 FROM model_aliases WHERE name = ?"), {name});
    if (!clash)
        return clash.error();
    return clash->next();
}

Result<QList<ModelAlias>> naming(const QSqlDatabase& db, const QString& provider)
{
    auto query = sql::exec(db, QStringLiteral("SELECT id, name, targets FROM model_aliases ORDER BY name"));
    if (!query)
        return query.error();
    QList<ModelAlias> naming;
    while (query->next()) {
        ModelAlias alias;
        alias.id = query->value(0).toLongLong();
        alias.name = query->value(1).toString();
        alias.targets = AliasService::targetsFromJson(query->value(2).toString());
        for (const ModelTarget& target : alias.targets) {
            if (target.provider == provider) {
                naming.append(alias);
                break;
            }
        }
    }
    return naming;
}

Result<qint64> insert(const QSqlDatabase& db, const ModelAlias& alias, qint64 nowMs)
{
    auto inserted
        = sql::exec(db, QStringLiteral("INSERT INTO model_aliases (name, targets, created_at) VALUES (?, ?, ?)"),
            {alias.name, AliasService::targetsToJson(alias.targets), nowMs});
    if (!inserted)
        return inserted.error();
    return sqlDialect::insertedId(*inserted);
}

Result<void> setTargets(const QSqlDatabase& db, qint64 id, const QList<ModelTarget>& targets)
{
    if (auto renamed = sql::exec(db, QStringLiteral("UPDATE model_aliases SET targets = ? WHERE id = ?"),
            {AliasService::targetsToJson(targets), id});
        !renamed)
        return renamed.error();
    return {};
}

Result<void> remove(const QSqlDatabase& db, qint64 id)
{
    if (auto removed = sql::exec(db, QStringLiteral("DELETE FROM model_aliases WHERE id = ?"), {id}); !removed)
        return removed.error();
    return {};
}

} // namespace gatehouse::aliasRepository

#include "core/catalog/sql/ApiRepository.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"

namespace gatehouse::apiRepository {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, upstream_url, path_prefix, strip_prefix, timeout_ms, created_at, updated_at, max_body_bytes, "
    "rate_limit FROM apis");

Api readApi(const QSqlQuery& query)
{
    Api api;
    api.id = query.value(0).toLongLong();
    api.name = query.value(1).toString();
    api.upstream = QUrl(query.value(2).toString());
    api.prefix = query.value(3).toString();
    api.stripPrefix = query.value(4).toBool();
    api.timeoutMs = query.value(5).toLongLong();
    api.created = sql::toTime(query.value(6));
    api.updated = sql::toTime(query.value(7));
    api.maxBodyBytes = query.value(8).toLongLong();
    api.rateLimit = query.value(9).toString();
    return api;
}

} // namespace

Result<QList<Api>> list(const QSqlDatabase& db)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" ORDER BY name"));
    if (!query)
        return query.error();
    QList<Api> apis;
    while (query->next())
        apis.append(readApi(*query));
    return apis;
}

Result<std::optional<Api>> findByName(const QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Api>();
    return std::optional<Api>(readApi(*query));
}

Result<bool> exists(const QSqlDatabase& db, const QString& name)
{
    auto found = sql::exec(db, QStringLiteral("SELECT 1 FROM apis WHERE name = ?"), {name});
    if (!found)
        return found.error();
    return found->next();
}

Result<std::optional<QString>> clashingName(
    const QSqlDatabase& db, const QString& name, const QString& prefix, qint64 exceptId)
{
    auto clash = sql::exec(db,
        QStringLiteral("SELECT name, path_prefix FROM apis WHERE (name = ? OR path_prefix = ?) AND id != ?"),
        {name, prefix, exceptId});
    if (!clash)
        return clash.error();
    if (!clash->next())
        return std::optional<QString>();
    return std::optional<QString>(clash->value(0).toString());
}

Result<qint64> insert(const QSqlDatabase& db, const Api& api, qint64 nowMs)
{
    auto inserted = sql::exec(db,
        QStringLiteral("INSERT INTO apis (name, upstream_url, path_prefix, strip_prefix, timeout_ms, "
                       "created_at, updated_at, max_body_bytes, rate_limit) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {api.name, api.upstream.toString(), api.prefix, api.stripPrefix, api.timeoutMs, nowMs, nowMs, api.maxBodyBytes,
            api.rateLimit});
    if (!inserted)
        return inserted.error();
    return sqlDialect::insertedId(*inserted);
}

Result<void> update(const QSqlDatabase& db, const Api& api, qint64 nowMs)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE apis SET name = ?, upstream_url = ?, path_prefix = ?, strip_prefix = ?, "
                       "timeout_ms = ?, updated_at = ?, max_body_bytes = ?, rate_limit = ? WHERE id = ?"),
        {api.name, api.upstream.toString(), api.prefix, api.stripPrefix, api.timeoutMs, nowMs, api.maxBodyBytes,
            api.rateLimit, api.id});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> remove(const QSqlDatabase& db, qint64 id)
{
    if (auto removed = sql::exec(db, QStringLiteral("DELETE FROM apis WHERE id = ?"), {id}); !removed)
        return removed.error();
    return {};
}

} // namespace gatehouse::apiRepository

#include "core/catalog/sql/ProviderRepository.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::providerRepository {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, type, base_url, models, models_refreshed_at, has_key, created_at, updated_at FROM providers");

Provider readProvider(const QSqlQuery& query)
{
    Provider provider;
    provider.id = query.value(0).toLongLong();
    provider.name = query.value(1).toString();
    auto type = providerType::parse(query.value(2).toString());
    provider.type = type ? *type : ProviderType::OpenAiCompatible;
    provider.baseUrl = QUrl(query.value(3).toString());
    const QJsonArray models = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).array();
    for (const QJsonValue& model : models)
        provider.models.append(model.toString());
    provider.modelsRefreshed = sql::toTime(query.value(5));
    provider.hasKey = query.value(6).toBool();
    provider.created = sql::toTime(query.value(7));
    provider.updated = sql::toTime(query.value(8));
    return provider;
}

QString modelsJson(const QStringList& models)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(models)).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QList<Provider>> list(const QSqlDatabase& db)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" ORDER BY name"));
    if (!query)
        return query.error();
    QList<Provider> providers;
    while (query->next())
        providers.append(readProvider(*query));
    return providers;
}

Result<std::optional<Provider>> findByName(const QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db, kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Provider>();
    return std::optional<Provider>(readProvider(*query));
}

Result<bool> exists(const QSqlDatabase& db, const QString& name)
{
    auto clash = sql::exec(db, QStringLiteral("SELECT 1 FROM providers WHERE name = ?"), {name});
    if (!clash)
        return clash.error();
    return clash->next();
}

Result<qint64> insert(const QSqlDatabase& db, const Provider& provider, qint64 nowMs)
{
    auto inserted = sql::exec(db,
        QStringLiteral("INSERT INTO providers (name, type, base_url, models, has_key, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, 0, ?, ?)"),
        {provider.name, providerType::name(provider.type), provider.baseUrl.toString(), modelsJson(provider.models),
            nowMs, nowMs});
    if (!inserted)
        return inserted.error();
    return sqlDialect::insertedId(*inserted);
}

Result<void> update(const QSqlDatabase& db, const Provider& provider, qint64 nowMs)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE providers SET name = ?, type = ?, base_url = ?, models = ?, models_refreshed_at = ?, "
                       "updated_at = ? WHERE id = ?"),
        {provider.name, providerType::name(provider.type), provider.baseUrl.toString(), modelsJson(provider.models),
            sql::fromTime(provider.modelsRefreshed), nowMs, provider.id});
    if (!updated)
        return updated.error();
    return {};
}

Result<int> setHasKey(const QSqlDatabase& db, qint64 id, bool hasKey, qint64 nowMs)
{
    auto updated = sql::exec(db, QStringLiteral("UPDATE providers SET has_key = ?, updated_at = ? WHERE id = ?"),
        {hasKey ? 1 : 0, nowMs, id});
    if (!updated)
        return updated.error();
    return updated->numRowsAffected();
}

Result<void> setModels(
    const QSqlDatabase& db, qint64 id, const QStringList& models, const QDateTime& refreshed, qint64 nowMs)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE providers SET models = ?, models_refreshed_at = ?, updated_at = ? WHERE id = ?"),
        {modelsJson(models), sql::fromTime(refreshed), nowMs, id});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> remove(const QSqlDatabase& db, qint64 id)
{
    if (auto removed = sql::exec(db, QStringLiteral("DELETE FROM providers WHERE id = ?"), {id}); !removed)
        return removed.error();
    return {};
}

} // namespace gatehouse::providerRepository

#include "core/catalog/sql/SnapshotQueries.h"

#include "core/catalog/sql/CatalogStateRepository.h"
#include "core/catalog/sql/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::snapshotQueries {

namespace {

QStringList stringArray(const QString& json)
{
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array)
        strings.append(value.toString());
    return strings;
}

} // namespace

Result<void> beginRead(const QSqlDatabase& db)
{
    if (auto begun = sql::exec(db, QStringLiteral("BEGIN")); !begun)
        return begun.error();
    return {};
}

void endRead(const QSqlDatabase& db)
{
    (void)sql::exec(db, QStringLiteral("COMMIT"));
}

Result<qint64> revision(const QSqlDatabase& db)
{
    return catalogStateRepository::revision(db);
}

Result<QString> catalogId(const QSqlDatabase& db)
{
    return catalogStateRepository::catalogId(db);
}

Result<QList<snapshotRows::ApiRow>> apis(const QSqlDatabase& db)
{
    auto query = sql::exec(db,
        QStringLiteral("SELECT id, name, upstream_url, path_prefix, strip_prefix, timeout_ms, "
                       "max_body_bytes, rate_limit FROM apis"));
    if (!query)
        return query.error();
    QList<snapshotRows::ApiRow> rows;
    while (query->next()) {
        snapshotRows::ApiRow row;
        row.id = query->value(0).toLongLong();
        row.name = query->value(1).toString();
        row.upstreamUrl = query->value(2).toString();
        row.prefix = query->value(3).toString();
        row.stripPrefix = query->value(4).toBool();
        row.timeoutMs = query->value(5).toLongLong();
        row.maxBodyBytes = query->value(6).toLongLong();
        row.rateLimit = query->value(7).toString();
        rows.append(row);
    }
    return rows;
}

Result<QList<snapshotRows::TokenRow>> tokens(const QSqlDatabase& db)
{
    auto query = sql::exec(db,
        QStringLiteral("SELECT t.id, t.consumer_id, t.secret_hash, c.name, t.name, t.hint, t.scopes, "
                       "t.expires_at, t.revoked_at, t.rate_limit, t.budget_daily_tokens, t.budget_monthly_tokens, "
                       "t.ai_requests_per_minute, t.ai_tokens_per_minute, c.budget_daily_tokens, "
                       "c.budget_monthly_tokens FROM tokens t JOIN consumers c ON c.id = t.consumer_id"));
    if (!query)
        return query.error();
    QList<snapshotRows::TokenRow> rows;
    while (query->next()) {
        snapshotRows::TokenRow row;
        row.id = query->value(0).toLongLong();
        row.consumerId = query->value(1).toLongLong();
        row.secretHash = query->value(2).toByteArray();
        row.consumerName = query->value(3).toString();
        row.name = query->value(4).toString();
        row.hint = query->value(5).toString();
        row.scopes = query->value(6).toString();
        row.expiresAtMs = query->value(7).toLongLong();
        row.revokedAtMs = query->value(8).toLongLong();
        row.rateLimit = query->value(9).toString();
        row.budgetDailyTokens = query->value(10).toLongLong();
        row.budgetMonthlyTokens = query->value(11).toLongLong();
        row.aiRequestsPerMinute = query->value(12).toLongLong();
        row.aiTokensPerMinute = query->value(13).toLongLong();
        row.consumerBudgetDailyTokens = query->value(14).toLongLong();
        row.consumerBudgetMonthlyTokens = query->value(15).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<QList<snapshotRows::ProviderRow>> providers(const QSqlDatabase& db)
{
    auto query
        = sql::exec(db, QStringLiteral("SELECT id, name, type, base_url, models, has_key, updated_at FROM providers"));
    if (!query)
        return query.error();
    QList<snapshotRows::ProviderRow> rows;
    while (query->next()) {
        snapshotRows::ProviderRow row;
        row.id = query->value(0).toLongLong();
        row.name = query->value(1).toString();
        row.type = query->value(2).toString();
        row.baseUrl = query->value(3).toString();
        row.models = stringArray(query->value(4).toString());
        row.hasKey = query->value(5).toBool();
        row.updatedAtMs = query->value(6).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<QList<snapshotRows::AliasRow>> aliases(const QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT name, targets FROM model_aliases"));
    if (!query)
        return query.error();
    QList<snapshotRows::AliasRow> rows;
    while (query->next())
        rows.append({query->value(0).toString(), stringArray(query->value(1).toString())});
    return rows;
}

} // namespace gatehouse::snapshotQueries

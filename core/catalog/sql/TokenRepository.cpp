#include "core/catalog/sql/TokenRepository.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/tokens/ScopeSet.h"

namespace gatehouse::tokenRepository {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT t.id, t.consumer_id, c.name, t.name, t.scopes, t.created_at, t.expires_at, t.revoked_at, t.revoke_reason, "
    "t.last_used_at, t.last_used_addr, t.rotated_from, t.grace_ends_at, t.secret_hash, t.hint, t.rate_limit, "
    "t.budget_daily_tokens, t.budget_monthly_tokens, t.ai_requests_per_minute, t.ai_tokens_per_minute FROM tokens t "
    "JOIN consumers c ON c.id = t.consumer_id ");

Token readToken(const QSqlQuery& query)
{
    Token token;
    token.id = query.value(0).toLongLong();
    token.consumerId = query.value(1).toLongLong();
    token.consumerName = query.value(2).toString();
    token.name = query.value(3).toString();
    token.scopes = tokens::ScopeSet::fromStorage(query.value(4).toString()).toStringList();
    token.created = sql::toTime(query.value(5));
    token.expires = sql::toTime(query.value(6));
    token.revoked = sql::toTime(query.value(7));
    token.revokeReason = query.value(8).toString();
    token.lastUsed = sql::toTime(query.value(9));
    token.lastUsedAddress = query.value(10).toString();
    token.rotatedFrom = query.value(11).toLongLong();
    token.graceEnds = sql::toTime(query.value(12));
    token.secretHash = query.value(13).toByteArray();
    token.hint = query.value(14).toString();
    token.rateLimit = query.value(15).toString();
    token.aiLimits.budget.dailyTokens = query.value(16).toLongLong(); // NULL reads as 0: no limit
    token.aiLimits.budget.monthlyTokens = query.value(17).toLongLong();
    token.aiLimits.requestsPerMinute = query.value(18).toLongLong();
    token.aiLimits.tokensPerMinute = query.value(19).toLongLong();
    return token;
}

Result<QList<Token>> select(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(kSelect + where + QStringLiteral(" ORDER BY t.id")))
        return sql::toError(query.lastError(), u"select tokens");
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sql::toError(query.lastError(), u"select tokens");
    QList<Token> tokens;
    while (query.next())
        tokens.append(readToken(query));
    return tokens;
}

Result<std::optional<Token>> first(Result<QList<Token>> rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Token>();
    return std::optional<Token>(rows->first());
}

// A limit of 0 (none) is stored as NULL.
QVariant limitValue(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

QString usableCondition()
{
    return QStringLiteral("(t.revoked_at IS NULL OR t.revoked_at > :now) AND "
                          "(t.expires_at IS NULL OR t.expires_at > :now)");
}

Result<QList<Token>> list(const QSqlDatabase& db)
{
    return select(db, QString(), {});
}

Result<QList<Token>> listOfConsumer(const QSqlDatabase& db, const QString& consumerName)
{
    return select(db, QStringLiteral("WHERE c.name = ?"), {consumerName});
}

Result<std::optional<Token>> findById(const QSqlDatabase& db, qint64 id)
{
    return first(select(db, QStringLiteral("WHERE t.id = ?"), {id}));
}

Result<std::optional<Token>> findByHash(const QSqlDatabase& db, QByteArrayView sha256)
{
    return first(select(db, QStringLiteral("WHERE t.secret_hash = ?"), {sha256.toByteArray()}));
}

Result<QList<qint64>> usableIdsOf(const QSqlDatabase& db, qint64 consumerId, qint64 nowMs)
{
    QSqlQuery usable(db);
    usable.prepare(
        QStringLiteral("SELECT t.id FROM tokens t WHERE t.consumer_id = :consumer AND ") + usableCondition());
    usable.bindValue(QStringLiteral(":consumer"), consumerId);
    usable.bindValue(QStringLiteral(":now"), nowMs);
    if (!usable.exec())
        return sql::toError(usable.lastError(), u"usable tokens");
    QList<qint64> ids;
    while (usable.next())
        ids.append(usable.value(0).toLongLong());
    return ids;
}

Result<std::optional<qint64>> successorOf(const QSqlDatabase& db, qint64 id)
{
    auto successor = sql::exec(db, QStringLiteral("SELECT id FROM tokens WHERE rotated_from = ?"), {id});
    if (!successor)
        return successor.error();
    if (!successor->next())
        return std::optional<qint64>();
    return std::optional<qint64>(successor->value(0).toLongLong());
}

Result<qint64> insert(const QSqlDatabase& db, const Token& token, qint64 nowMs)
{
    auto inserted = sql::exec(db,
        QStringLiteral("INSERT INTO tokens (consumer_id, name, scopes, secret_hash, hint, created_at, "
                       "expires_at, rotated_from, rate_limit, budget_daily_tokens, budget_monthly_tokens, "
                       "ai_requests_per_minute, ai_tokens_per_minute) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {token.consumerId, token.name, token.scopes.join(u' '), token.secretHash, token.hint, nowMs,
            sql::fromTime(token.expires),
            token.rotatedFrom ? QVariant(token.rotatedFrom) : QVariant(QMetaType::fromType<qint64>()), token.rateLimit,
            limitValue(token.aiLimits.budget.dailyTokens), limitValue(token.aiLimits.budget.monthlyTokens),
            limitValue(token.aiLimits.requestsPerMinute), limitValue(token.aiLimits.tokensPerMinute)});
    if (!inserted)
        return inserted.error();
    return sqlDialect::insertedId(*inserted);
}

Result<void> revoke(const QSqlDatabase& db, qint64 id, qint64 atMs, const QString& reason)
{
    auto updated = sql::exec(
        db, QStringLiteral("UPDATE tokens SET revoked_at = ?, revoke_reason = ? WHERE id = ?"), {atMs, reason, id});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> endGrace(const QSqlDatabase& db, qint64 id, qint64 graceEndMs, const QString& reason)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE tokens SET grace_ends_at = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?"),
        {graceEndMs, graceEndMs, reason, id});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> setLimits(const QSqlDatabase& db, qint64 id, const QString& rateLimit, const AiLimits& limits)
{
    auto updated = sql::exec(db,
        QStringLiteral("UPDATE tokens SET rate_limit = ?, budget_daily_tokens = ?, budget_monthly_tokens = ?, "
                       "ai_requests_per_minute = ?, ai_tokens_per_minute = ? WHERE id = ?"),
        {rateLimit, limitValue(limits.budget.dailyTokens), limitValue(limits.budget.monthlyTokens),
            limitValue(limits.requestsPerMinute), limitValue(limits.tokensPerMinute), id});
    if (!updated)
        return updated.error();
    return {};
}

} // namespace gatehouse::tokenRepository

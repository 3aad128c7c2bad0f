#pragma once

#include "core/catalog/AiLimits.h"
#include "core/catalog/Token.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The tokens table. Every token row is read with its consumer's name.
namespace gatehouse::tokenRepository {

// The SQL condition that a token `t` is usable at the bound value :now: neither revoked nor expired by then.
QString usableCondition();

Result<QList<Token>> list(const QSqlDatabase& db); // by id
Result<QList<Token>> listOfConsumer(const QSqlDatabase& db, const QString& consumerName);
Result<std::optional<Token>> findById(const QSqlDatabase& db, qint64 id);
// The token whose secret_hash is `sha256` as the index finds it; the caller compares the hash again.
Result<std::optional<Token>> findByHash(const QSqlDatabase& db, QByteArrayView sha256);
// The ids of the consumer's tokens usable at `nowMs`.
Result<QList<qint64>> usableIdsOf(const QSqlDatabase& db, qint64 consumerId, qint64 nowMs);
// The id of the token rotated from `id`, if any.
Result<std::optional<qint64>> successorOf(const QSqlDatabase& db, qint64 id);

// Inserts `token` (consumer, name, scopes, hash, hint, expiry, rotation and limits), created at `nowMs`.
Result<qint64> insert(const QSqlDatabase& db, const Token& token, qint64 nowMs);
Result<void> revoke(const QSqlDatabase& db, qint64 id, qint64 atMs, const QString& reason);
// Ends a rotated token's grace, and so its life, at `graceEndMs`.
Result<void> endGrace(const QSqlDatabase& db, qint64 id, qint64 graceEndMs, const QString& reason);
Result<void> setLimits(const QSqlDatabase& db, qint64 id, const QString& rateLimit, const AiLimits& limits);

} // namespace gatehouse::tokenRepository

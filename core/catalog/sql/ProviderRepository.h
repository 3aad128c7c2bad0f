#pragma once

#include "core/catalog/Provider.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The providers table; a provider's models are stored as a JSON array. Keys live in the secret store, never here:
// has_key only says whether one is set.
namespace gatehouse::providerRepository {

Result<QList<Provider>> list(const QSqlDatabase& db); // by name
Result<std::optional<Provider>> findByName(const QSqlDatabase& db, const QString& name);
Result<bool> exists(const QSqlDatabase& db, const QString& name);

// Inserts `provider` without a key, created and updated at `nowMs`; returns its id.
Result<qint64> insert(const QSqlDatabase& db, const Provider& provider, qint64 nowMs);
// Writes the name, type, base URL, models and their refresh time, updated at `nowMs`.
Result<void> update(const QSqlDatabase& db, const Provider& provider, qint64 nowMs);
// Returns the number of rows changed (0: no such provider).
Result<int> setHasKey(const QSqlDatabase& db, qint64 id, bool hasKey, qint64 nowMs);
Result<void> setModels(
    const QSqlDatabase& db, qint64 id, const QStringList& models, const QDateTime& refreshed, qint64 nowMs);
Result<void> remove(const QSqlDatabase& db, qint64 id);

} // namespace gatehouse::providerRepository

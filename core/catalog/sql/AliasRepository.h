#pragma once

#include "core/catalog/ModelAlias.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The model_aliases table; an alias's targets are stored as a JSON array of "PROVIDER/MODEL".
namespace gatehouse::aliasRepository {

Result<QList<ModelAlias>> list(const QSqlDatabase& db); // by name
Result<std::optional<ModelAlias>> findByName(const QSqlDatabase& db, const QString& name);
Result<bool> exists(const QSqlDatabase& db, const QString& name);
// The aliases (by name) with a target on `provider`.
Result<QList<ModelAlias>> naming(const QSqlDatabase& db, const QString& provider);

// Inserts the alias's name and targets, created at `nowMs`; returns its id.
Result<qint64> insert(const QSqlDatabase& db, const ModelAlias& alias, qint64 nowMs);
Result<void> setTargets(const QSqlDatabase& db, qint64 id, const QList<ModelTarget>& targets);
Result<void> remove(const QSqlDatabase& db, qint64 id);

} // namespace gatehouse::aliasRepository

#pragma once

#include "core/catalog/Api.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The apis table.
namespace gatehouse::apiRepository {

Result<QList<Api>> list(const QSqlDatabase& db); // by name
Result<std::optional<Api>> findByName(const QSqlDatabase& db, const QString& name);
Result<bool> exists(const QSqlDatabase& db, const QString& name);
// The name of an API other than `exceptId` that is called `name` or uses `prefix`, if there is one.
Result<std::optional<QString>> clashingName(
    const QSqlDatabase& db, const QString& name, const QString& prefix, qint64 exceptId);
// Inserts `api` (its id ignored), created and updated at `nowMs`; returns its id.
Result<qint64> insert(const QSqlDatabase& db, const Api& api, qint64 nowMs);
// Writes every field of `api` but its creation time, updated at `nowMs`.
Result<void> update(const QSqlDatabase& db, const Api& api, qint64 nowMs);
Result<void> remove(const QSqlDatabase& db, qint64 id);

} // namespace gatehouse::apiRepository

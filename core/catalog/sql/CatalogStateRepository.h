#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>

// The one row of catalog_state: the revision every write bumps, and the catalog's id.
namespace gatehouse::catalogStateRepository {

Result<qint64> revision(const QSqlDatabase& db);
Result<void> bumpRevision(const QSqlDatabase& db);
// The catalog's id; empty when the row holds none.
Result<QString> catalogId(const QSqlDatabase& db);

} // namespace gatehouse::catalogStateRepository

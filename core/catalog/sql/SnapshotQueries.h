#pragma once

#include "core/catalog/SnapshotRows.h"
#include "core/common/Result.h"

#include <QSqlDatabase>

// The reads of the gateway's snapshot. A snapshot runs them between beginRead() and endRead(), so that they agree.
namespace gatehouse::snapshotQueries {

Result<void> beginRead(const QSqlDatabase& db);
void endRead(const QSqlDatabase& db);

Result<qint64> revision(const QSqlDatabase& db);
// The catalog's id; empty when the catalog has none.
Result<QString> catalogId(const QSqlDatabase& db);
Result<QList<snapshotRows::ApiRow>> apis(const QSqlDatabase& db);
Result<QList<snapshotRows::TokenRow>> tokens(const QSqlDatabase& db);
Result<QList<snapshotRows::ProviderRow>> providers(const QSqlDatabase& db);
Result<QList<snapshotRows::AliasRow>> aliases(const QSqlDatabase& db);

} // namespace gatehouse::snapshotQueries

#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>

namespace gatehouse::migrations {

// The schema version this build writes. A catalog at a higher version is refused, never altered.
int latestVersion();

// The version recorded in the catalog's schema_version table; 0 for an empty file.
Result<int> currentVersion(const QSqlDatabase& db);

// Applies every migration after the current version up to `target` (default: latest), each in
// its own BEGIN IMMEDIATE transaction that re-reads the version first, so that two processes
// opening a new file at once migrate it exactly once.
Result<int> migrate(const QSqlDatabase& db, int target = -1);

} // namespace gatehouse::migrations

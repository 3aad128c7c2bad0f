#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

namespace gatehouse::sql {

// Prepares `statement`, binds `values` by position and executes it. Every catalog query goes
// through here so that errors are mapped the same way everywhere.
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> values = {});

// Maps a driver error to an Error: a lock held past the busy timeout and a full disk are
// runtime failures; a UNIQUE violation is a conflict.
Error toError(const QSqlError& error, QStringView context);

// Times are stored as milliseconds since the epoch, UTC; NULL for "not set".
QVariant fromTime(const QDateTime& time);
QDateTime toTime(const QVariant& value);

} // namespace gatehouse::sql

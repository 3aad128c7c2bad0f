#pragma once

#include "core/catalog/AiLimits.h"
#include "core/catalog/Consumer.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The consumers table. A consumer is read with its tokens usable at `nowMs` counted, and its tokens' last use.
namespace gatehouse::consumerRepository {

Result<QList<Consumer>> list(const QSqlDatabase& db, qint64 nowMs); // by name
Result<std::optional<Consumer>> findByName(const QSqlDatabase& db, const QString& name, qint64 nowMs);
Result<std::optional<qint64>> idByName(const QSqlDatabase& db, const QString& name);

// Inserts the consumer's name, description and budget, created at `nowMs`; returns its id.
Result<qint64> insert(const QSqlDatabase& db, const Consumer& consumer, qint64 nowMs);
Result<void> update(
    const QSqlDatabase& db, qint64 id, const QString& name, const QString& description, const UsageBudget& budget);
Result<void> remove(const QSqlDatabase& db, qint64 id);

} // namespace gatehouse::consumerRepository

#pragma once

#include "core/catalog/AuditEvent.h"
#include "core/catalog/AuditLog.h"
#include "core/common/Result.h"

#include <QList>
#include <QSqlDatabase>

// The audit_events table: appended to inside the services' write transactions, read newest first.
namespace gatehouse::auditRepository {

Result<void> append(const QSqlDatabase& db, qint64 atMs, const QString& actor, const QString& action,
    const QString& subject, const QJsonObject& details);
Result<QList<AuditEvent>> list(const QSqlDatabase& db, const AuditFilter& filter);

} // namespace gatehouse::auditRepository

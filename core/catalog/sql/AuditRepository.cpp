#include "core/catalog/sql/AuditRepository.h"

#include "core/catalog/sql/SqlQuery.h"

#include <QJsonDocument>

namespace gatehouse::auditRepository {

Result<void> append(const QSqlDatabase& db, qint64 atMs, const QString& actor, const QString& action,
    const QString& subject, const QJsonObject& details)
{
    const QString json = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    auto inserted = sql::exec(db,
        QStringLiteral("INSERT INTO audit_events (at, actor, action, subject, details) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {atMs, actor, action, subject, json});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<QList<AuditEvent>> list(const QSqlDatabase& db, const AuditFilter& filter)
{
    const QString pattern
        = u'%' + QString(filter.text).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_")) + u'%';
    auto query = sql::exec(db,
        QStringLiteral("SELECT id, at, actor, action, subject, details FROM audit_events "
                       "WHERE ? = '' OR actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' "
                       "OR subject LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?"),
        {filter.text, pattern, pattern, pattern, qMax(0, filter.limit)});
    if (!query)
        return query.error();
    QList<AuditEvent> events;
    while (query->next()) {
        AuditEvent event;
        event.id = query->value(0).toLongLong();
        event.time = sql::toTime(query->value(1));
        event.actor = query->value(2).toString();
        event.action = query->value(3).toString();
        event.subject = query->value(4).toString();
        event.details = QJsonDocument::fromJson(query->value(5).toByteArray()).object();
        events.append(event);
    }
    return events;
}

} // namespace gatehouse::auditRepository

#include "core/catalog/sql/SqlQuery.h"

#include <QDateTime>

namespace gatehouse::sql {

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        return toError(query.lastError(), statement);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return toError(query.lastError(), statement);
    return query;
}

Error toError(const QSqlError& error, QStringView context)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // SQLite primary result codes arrive as the driver's native code: 5 BUSY, 6 LOCKED, 13 FULL.
    if (native == QLatin1StringView("5") || native == QLatin1StringView("6")
        || text.contains(QLatin1StringView("database is locked"))) {
        return Error::runtime(QStringLiteral("the catalog is locked by another process; try again"));
    }
    if (native == QLatin1StringView("13") || text.contains(QLatin1StringView("database or disk is full")))
        return Error::runtime(QStringLiteral("the disk holding the catalog is full"));
    if (text.contains(QLatin1StringView("UNIQUE constraint failed")))
        return Error::conflict(QString(), QStringLiteral("already exists (%1)").arg(text));
    return Error::runtime(QStringLiteral("catalog error: %1 [%2]").arg(text, context.left(80)));
}

QVariant fromTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime toTime(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace gatehouse::sql

#include "core/catalog/sql/SqlDialect.h"

#include <QVariant>

namespace gatehouse::sqlDialect {

QString tableExistsQuery()
{
    return QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
}

qint64 insertedId(const QSqlQuery& query)
{
    return query.lastInsertId().toLongLong();
}

} // namespace gatehouse::sqlDialect

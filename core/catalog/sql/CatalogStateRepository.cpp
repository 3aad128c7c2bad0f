#include "core/catalog/sql/CatalogStateRepository.h"

#include "core/catalog/sql/SqlQuery.h"

namespace gatehouse::catalogStateRepository {

Result<qint64> revision(const QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT revision FROM catalog_state WHERE id = 1"));
    if (!query)
        return query.error();
    if (!query->next())
        return Error::runtime(QStringLiteral("the catalog has no revision row"));
    return query->value(0).toLongLong();
}

Result<void> bumpRevision(const QSqlDatabase& db)
{
    if (auto bumped = sql::exec(db, QStringLiteral("UPDATE catalog_state SET revision = revision + 1 WHERE id = 1"));
        !bumped)
        return bumped.error();
    return {};
}

Result<QString> catalogId(const QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("SELECT catalog_id FROM catalog_state WHERE id = 1"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

} // namespace gatehouse::catalogStateRepository

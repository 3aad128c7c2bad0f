#include "core/catalog/sql/WriteTransaction.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/AuditRepository.h"
#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/CatalogStateRepository.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/common/Clock.h"

namespace gatehouse {

Result<WriteTransaction> WriteTransaction::begin(Catalog& catalog, QString actor)
{
    if (!catalog.isOpen())
        return Error::runtime(QStringLiteral("the catalog is not open"));
    if (auto begun = sql::exec(catalog.database(), CatalogConnection::beginWriteStatement(catalog.location())); !begun)
        return begun.error();
    // Read the clock after taking the lock, so that audit times follow commit order.
    return WriteTransaction(&catalog, std::move(actor), catalog.clock().nowMs());
}

WriteTransaction::WriteTransaction(Catalog* catalog, QString actor, qint64 nowMs)
    : m_catalog(catalog)
    , m_actor(std::move(actor))
    , m_nowMs(nowMs)
{ }

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : m_catalog(std::exchange(other.m_catalog, nullptr))
    , m_actor(std::move(other.m_actor))
    , m_nowMs(other.m_nowMs)
{ }

WriteTransaction::~WriteTransaction()
{
    if (m_catalog)
        (void)sql::exec(m_catalog->database(), QStringLiteral("ROLLBACK"));
}

QSqlDatabase WriteTransaction::database() const
{
    return m_catalog->database();
}

Result<void> WriteTransaction::audit(const QString& action, const QString& subject, const QJsonObject& details)
{
    return auditRepository::append(database(), m_nowMs, m_actor, action, subject, details);
}

Result<qint64> WriteTransaction::commit()
{
    const QSqlDatabase db = database();
    if (auto bumped = catalogStateRepository::bumpRevision(db); !bumped)
        return bumped.error();
    auto revision = catalogStateRepository::revision(db);
    if (!revision)
        return revision.error();
    if (auto committed = sql::exec(db, QStringLiteral("COMMIT")); !committed)
        return committed.error();
    Catalog* catalog = std::exchange(m_catalog, nullptr);
    catalog->notifyCommitted(*revision);
    return *revision;
}

Result<qint64> WriteTransaction::commitAudited(
    const QString& action, const QString& subject, const QJsonObject& details)
{
    if (auto audited = audit(action, subject, details); !audited)
        return audited.error();
    return commit();
}

} // namespace gatehouse

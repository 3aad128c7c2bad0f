#include "core/catalog/sql/WriteTransaction.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/common/Clock.h"

#include <QJsonDocument>

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
    const QString json = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    auto inserted = sql::exec(database(),
        QStringLiteral("INSERT INTO audit_events (at, actor, action, subject, details) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {m_nowMs, m_actor, action, subject, json});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<qint64> WriteTransaction::commit()
{
    const QSqlDatabase db = database();
    if (auto bumped = sql::exec(db, QStringLiteral("UPDATE catalog_state SET revision = revision + 1 WHERE id = 1"));
        !bumped)
        return bumped.error();
    auto revision = sql::exec(db, QStringLiteral("SELECT revision FROM catalog_state WHERE id = 1"));
    if (!revision)
        return revision.error();
    if (!revision->next())
        return Error::runtime(QStringLiteral("the catalog has no revision row"));
    const qint64 value = revision->value(0).toLongLong();
    revision->finish();
    if (auto committed = sql::exec(db, QStringLiteral("COMMIT")); !committed)
        return committed.error();
    Catalog* catalog = std::exchange(m_catalog, nullptr);
    catalog->notifyCommitted(value);
    return value;
}

Result<qint64> WriteTransaction::commitAudited(
    const QString& action, const QString& subject, const QJsonObject& details)
{
    if (auto audited = audit(action, subject, details); !audited)
        return audited.error();
    return commit();
}

} // namespace gatehouse

#include "core/catalog/Catalog.h"

#include "core/catalog/CatalogChangeFeed.h"
#include "core/catalog/sql/CatalogStateRepository.h"
#include "core/catalog/sql/Migrations.h"

#include <QDir>
#include <QFile>

namespace gatehouse {

Catalog::Catalog(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{ }

Catalog::~Catalog()
{
    m_changes.reset();
    close();
}

CatalogChangeFeed& Catalog::changes()
{
    if (!m_changes)
        m_changes = std::make_unique<CatalogChangeFeed>(*this);
    return *m_changes;
}

Result<void> Catalog::openInDirectory(const QString& dataDirectory)
{
    return open(QDir(dataDirectory).filePath(fileName()));
}

Result<void> Catalog::open(const QString& filePath)
{
    close();
    m_location = CatalogLocation::sqliteFile(filePath);
    auto connection
        = CatalogConnection::open(m_location, QStringLiteral("catalog"), CatalogConnection::Access::ReadWrite);
    if (!connection)
        return connection.error();
    m_connection = std::move(*connection);
    // The file holds token hashes and the audit trail: readable by its owner only.
    QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    if (auto migrated = migrations::migrate(database()); !migrated) {
        close();
        return migrated.error();
    }
    return {};
}

void Catalog::close()
{
    m_connection.close();
}

bool Catalog::isOpen() const
{
    return m_connection.isOpen();
}

QSqlDatabase Catalog::database() const
{
    return m_connection.database();
}

Result<qint64> Catalog::revision() const
{
    return catalogStateRepository::revision(database());
}

Result<QString> Catalog::catalogId() const
{
    auto id = catalogStateRepository::catalogId(database());
    if (!id)
        return id.error();
    if (id->isEmpty())
        return Error::runtime(QStringLiteral("the catalog has no catalog id"));
    return id;
}

} // namespace gatehouse

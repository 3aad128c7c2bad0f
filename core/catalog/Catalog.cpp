#include "core/catalog/Catalog.h"

#include "core/catalog/CatalogChangeFeed.h"
#include "core/catalog/Migrations.h"
#include "core/catalog/SqlQuery.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>

namespace gatehouse {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("gatehouse-catalog-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

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
    m_connectionName = uniqueConnectionName();
    m_filePath = filePath;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!db.isValid()) {
            close();
            return Error::runtime(QStringLiteral("Qt's SQLite driver is not available (install libqt6sql6-sqlite)"));
        }
        db.setDatabaseName(filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            const QString reason = db.lastError().text();
            close();
            return Error::runtime(QStringLiteral("cannot open the catalog %1: %2").arg(filePath, reason));
        }
    }
    // The file holds token hashes and the audit trail: readable by its owner only.
    QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The handle must be gone before close() removes the connection.
    auto configured = [this]() -> Result<void> {
        const QSqlDatabase db = database();
        for (const char* pragma :
            {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
            if (auto done = sql::exec(db, QString::fromLatin1(pragma)); !done)
                return done.error();
        }
        if (auto migrated = migrations::migrate(db); !migrated)
            return migrated.error();
        return {};
    }();
    if (!configured) {
        close();
        return configured.error();
    }
    return {};
}

void Catalog::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Catalog::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Catalog::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<qint64> Catalog::revision() const
{
    auto query = sql::exec(database(), QStringLiteral("SELECT revision FROM catalog_state WHERE id = 1"));
    if (!query)
        return query.error();
    if (!query->next())
        return Error::runtime(QStringLiteral("the catalog has no revision row"));
    return query->value(0).toLongLong();
}

Result<QString> Catalog::catalogId() const
{
    auto query = sql::exec(database(), QStringLiteral("SELECT catalog_id FROM catalog_state WHERE id = 1"));
    if (!query)
        return query.error();
    if (!query->next() || query->value(0).toString().isEmpty())
        return Error::runtime(QStringLiteral("the catalog has no catalog id"));
    return query->value(0).toString();
}

} // namespace gatehouse

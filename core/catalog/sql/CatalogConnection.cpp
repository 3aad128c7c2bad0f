#include "core/catalog/sql/CatalogConnection.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"

#include <QAtomicInteger>
#include <QSqlError>

#include <utility>

namespace gatehouse {

namespace {

QString uniqueName(const QString& purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("gatehouse-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Result<CatalogConnection> CatalogConnection::open(
    const CatalogLocation& location, const QString& purpose, Access access)
{
    if (location.kind() != CatalogLocation::Kind::SqliteFile)
        return Error::runtime(QStringLiteral("no catalog location was given"));

    CatalogConnection connection;
    connection.m_location = location;
    connection.m_name = uniqueName(purpose);
    connection.m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection.m_name);
    if (!connection.m_db.isValid())
        return Error::runtime(QStringLiteral("Qt's SQLite driver is not available (install libqt6sql6-sqlite)"));
    connection.m_db.setDatabaseName(location.sqliteFilePath());
    const QString busyTimeout = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    connection.m_db.setConnectOptions(
        access == Access::ReadOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;") + busyTimeout : busyTimeout);
    if (!connection.m_db.open()) {
        return Error::runtime(QStringLiteral("cannot open the catalog %1: %2")
                                  .arg(location.displayName(), connection.m_db.lastError().text()));
    }
    if (access == Access::ReadWrite) {
        for (const char* pragma :
            {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
            if (auto done = sql::exec(connection.m_db, QString::fromLatin1(pragma)); !done)
                return done.error();
        }
    }
    return connection;
}

QString CatalogConnection::beginWriteStatement(const CatalogLocation&)
{
    // Every kind so far is SQLite.
    return QString::fromLatin1(sqlDialect::kBeginWrite);
}

CatalogConnection::CatalogConnection(CatalogConnection&& other) noexcept
    : m_location(std::move(other.m_location))
    , m_name(std::exchange(other.m_name, QString()))
    , m_db(std::exchange(other.m_db, QSqlDatabase()))
{ }

CatalogConnection& CatalogConnection::operator=(CatalogConnection&& other) noexcept
{
    if (this != &other) {
        close();
        m_location = std::move(other.m_location);
        m_name = std::exchange(other.m_name, QString());
        m_db = std::exchange(other.m_db, QSqlDatabase());
    }
    return *this;
}

CatalogConnection::~CatalogConnection()
{
    close();
}

void CatalogConnection::close()
{
    if (m_name.isEmpty())
        return;
    if (m_db.isOpen())
        m_db.close();
    // Qt removes a connection cleanly only once no QSqlDatabase refers to it.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(std::exchange(m_name, QString()));
}

} // namespace gatehouse

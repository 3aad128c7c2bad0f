#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "core/common/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace gatehouse {

// The one place that opens connections to the catalog. open() makes a Qt connection under a name of its own,
// applies the settings every connection of its access needs, and hands back this scoped object, which closes the
// connection and removes it from Qt's registry when it goes.
//
// Qt lets a QSqlDatabase be used only on the thread that opened it: every thread that reads or writes the
// catalog (the GUI thread's Catalog, the request log's writer, each background read) opens its own, and destroys
// it on that same thread. The QSqlDatabase handles it gives out (and the queries made on them) must be gone
// before it is destroyed.
class CatalogConnection
{
public:
    // How long a statement waits for another connection's write lock before failing with "database is locked".
    static constexpr int kBusyTimeoutMs = 5000;

    enum class Access {
        // Foreign keys on, WAL journal (readers never wait for the writer), synchronous NORMAL (WAL's safe
        // setting: a power cut may lose the last commits, never the file).
        ReadWrite,
        // Opened read-only: it cannot change the file, so it sets nothing but the busy timeout.
        ReadOnly,
    };

    // `purpose` names the connection in Qt's registry (with a number that makes it unique), for diagnostics.
    static Result<CatalogConnection> open(const CatalogLocation& location, const QString& purpose, Access access);

    // The statement that starts a write transaction: on SQLite BEGIN IMMEDIATE, which takes the write lock at once,
    // so that concurrent writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
    static QString beginWriteStatement(const CatalogLocation& location);

    CatalogConnection() = default;
    CatalogConnection(CatalogConnection&& other) noexcept;
    CatalogConnection& operator=(CatalogConnection&& other) noexcept;
    CatalogConnection(const CatalogConnection&) = delete;
    CatalogConnection& operator=(const CatalogConnection&) = delete;
    ~CatalogConnection();

    // Closes the connection and removes it now (what the destructor does). Safe to call twice.
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase database() const { return m_db; }
    // The Qt connection name (unique in this process).
    QString name() const { return m_name; }
    const CatalogLocation& location() const { return m_location; }

private:
    CatalogLocation m_location;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace gatehouse

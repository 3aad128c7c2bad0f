#pragma once

#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/CatalogLocation.h"
#include "core/common/Result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace gatehouse {

class CatalogChangeFeed;
class Clock;

// The catalog: one SQLite file holding APIs, consumers, tokens and the audit trail, plus a
// revision counter that every committed change bumps by one. Writers go through the core
// services, which use WriteTransaction; a Catalog object belongs to the thread that opened it.
class Catalog : public QObject
{
    Q_OBJECT

public:
    static constexpr int kBusyTimeoutMs = CatalogConnection::kBusyTimeoutMs;
    static QString fileName() { return QStringLiteral("catalog.sqlite3"); }

    explicit Catalog(const Clock& clock, QObject* parent = nullptr);
    ~Catalog() override;

    // Opens (creating if needed) the SQLite file at `filePath`, applies the connection settings
    // (WAL, foreign keys, busy timeout) and migrates it to the latest schema.
    Result<void> open(const QString& filePath);
    // Opens `catalog.sqlite3` inside `dataDirectory`.
    Result<void> openInDirectory(const QString& dataDirectory);
    void close();

    bool isOpen() const;
    QString filePath() const { return m_location.sqliteFilePath(); }
    // Where this catalog lives: what a thread of its own (a background read, the request log's writer) opens its
    // own CatalogConnection to.
    const CatalogLocation& location() const { return m_location; }
    QSqlDatabase database() const;
    const Clock& clock() const { return m_clock; }

    // The revision of the last committed change, read from the file (so it sees other processes).
    Result<qint64> revision() const;
    // Every change of the revision, this process's and others' (made on first use, on this object's thread).
    CatalogChangeFeed& changes();

    // A random UUID made once when the catalog was created (or migrated to schema 4). It namespaces
    // the keychain entries of this catalog's provider keys, so two data directories never share one.
    Result<QString> catalogId() const;

Q_SIGNALS:
    // Emitted after a change made through this object has been committed.
    void changed(qint64 revision);

private:
    friend class WriteTransaction;
    void notifyCommitted(qint64 revision) { Q_EMIT changed(revision); }

    const Clock& m_clock;
    CatalogConnection m_connection;
    CatalogLocation m_location;
    std::unique_ptr<CatalogChangeFeed> m_changes;
};

} // namespace gatehouse

#pragma once

#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/CatalogLocation.h"
#include "core/common/Result.h"
#include "core/requestlog/LoggedRequest.h"

#include <QList>
#include <QSqlDatabase>

#include <initializer_list>
#include <limits>
#include <memory>

namespace gatehouse {

class Catalog;

// Paged reads of the request log for the console's live log: forward from an id (following the
// log as it grows, whatever process writes it), backward from an id (scrolling back), and by time.
// Every read is bounded by `limit` so that one poll never holds the thread that reads long.
class RequestLogReader
{
public:
    // Reads through `db` (any connection to the catalog, on its own thread).
    explicit RequestLogReader(QSqlDatabase db)
        : m_db(std::move(db))
    { }
    // Reads through the catalog's own connection, on the catalog's thread.
    explicit RequestLogReader(const Catalog& catalog);
    // Reads through a read-only connection of its own to the catalog at `location`, opened now on the calling
    // thread (a background read's): use and destroy the reader on that thread.
    static Result<RequestLogReader> open(const CatalogLocation& location);

    RequestLogReader(RequestLogReader&& other) noexcept;
    RequestLogReader& operator=(RequestLogReader&&) = delete;
    RequestLogReader(const RequestLogReader&) = delete;
    RequestLogReader& operator=(const RequestLogReader&) = delete;
    ~RequestLogReader();

    // The oldest `limit` rows with an id above `afterId`, oldest first. Unlike
    // RequestLogStore::recent, a reader that falls behind never skips rows.
    Result<QList<LoggedRequest>> after(qint64 afterId, int limit) const;
    // The newest `limit` rows with an id above `afterId`, oldest first (a tail: rows in between may be skipped).
    Result<QList<LoggedRequest>> newestAfter(qint64 afterId, int limit) const;
    // The newest `limit` rows with an id below `beforeId`, oldest first.
    Result<QList<LoggedRequest>> before(qint64 beforeId, int limit) const;
    // The newest `limit` rows logged in [fromMs, toMs) with an id below `beforeId`, oldest first: pass the first
    // row's id to read the page before it.
    Result<QList<LoggedRequest>> between(
        qint64 fromMs, qint64 toMs, int limit, qint64 beforeId = std::numeric_limits<qint64>::max()) const;
    // The id of the newest row, 0 when the log is empty.
    Result<qint64> newestId() const;

private:
    Result<QList<LoggedRequest>> select(const QString& whereOrderLimit, std::initializer_list<QVariant> values) const;

    std::unique_ptr<CatalogConnection> m_ownConnection; // only from open()
    QSqlDatabase m_db;
};

} // namespace gatehouse

#pragma once

#include "core/common/Result.h"
#include "core/gateway/RequestEvent.h"

#include <QList>
#include <QSqlDatabase>

namespace gatehouse::gateway {

// A request as read back from the log, with the names its ids stood for when it is read.
struct LoggedRequest
{
    qint64 id = 0;
    RequestEvent event;
    QString tokenName;
    QString tokenHint;
};

// The request log's table in the catalog: batched appends (one transaction each, which also
// records each token's last use), retention, and reads for `gatehouse-cli logs` and the console.
class RequestLogStore
{
public:
    explicit RequestLogStore(QSqlDatabase db)
        : m_db(std::move(db))
    { }

    Result<void> append(const QList<RequestEvent>& batch);
    // Deletes rows older than `cutoffMs`, at most `maxRows` at a time so that writers are never held up long.
    Result<qint64> purgeOlderThan(qint64 cutoffMs, int maxRows = 5000);

    // The newest `limit` rows with an id above `afterId`, oldest first.
    Result<QList<LoggedRequest>> recent(int limit, qint64 afterId = 0) const;
    Result<qint64> count() const;

private:
    QSqlDatabase m_db;
};

} // namespace gatehouse::gateway

#pragma once

#include "core/common/Result.h"
#include "core/requestlog/RequestEvent.h"

#include <QList>
#include <QSqlDatabase>

namespace gatehouse {

// What the request log's writer tells of its work, on its own thread: the gateway keeps its metrics and the usage
// ledger from it. An interface, so that the log knows nothing of who follows it.
class RequestLogObserver
{
public:
    virtual ~RequestLogObserver() = default;

    // Every flush, before the batch (perhaps empty) is written; `droppedSoFar` counts the events the queue has had to
    // drop since it was made.
    virtual void aboutToWrite(const QList<RequestEvent>& batch, quint64 droppedSoFar) = 0;
    // After the batch is committed.
    virtual void written(const QList<RequestEvent>& batch) = 0;
    // When the writer has opened its connection, then every rereadIntervalMs() (0: never again): read again what is
    // derived from the log, after the writer's own commits, so that nothing counts twice.
    virtual Result<void> reread(const QSqlDatabase& database) = 0;
    virtual int rereadIntervalMs() const = 0;
};

} // namespace gatehouse

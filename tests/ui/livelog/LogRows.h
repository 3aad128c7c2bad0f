#pragma once

#include "core/requestlog/LoggedRequest.h"

#include <QDateTime>

namespace gatehouse::test {

// A request as the gateway would log it, for feeding the live log's model and the catalog.
inline RequestEvent requestEvent(const QByteArray& path, int status = 200, qint64 tokenId = 0)
{
    static int counter = 0;
    RequestEvent e;
    e.timeMs = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch() + (++counter);
    e.requestId = QByteArray::number(counter).rightJustified(32, '0');
    e.method = "GET";
    e.path = path;
    e.status = status;
    e.upstreamStatus = status;
    e.tokenId = tokenId;
    e.latencyUs = 1500;
    e.bytesIn = 0;
    e.bytesOut = 120;
    e.clientAddress = "127.0.0.1";
    return e;
}

// A row as the model holds it: `id` is the log's row id.
inline LoggedRequest loggedRow(qint64 id, const QByteArray& path = "/billing/x", int status = 200)
{
    LoggedRequest row;
    row.id = id;
    row.event = requestEvent(path, status);
    return row;
}

inline QList<LoggedRequest> loggedRows(qint64 firstId, qint64 lastId)
{
    QList<LoggedRequest> rows;
    for (qint64 id = firstId; id <= lastId; ++id)
        rows.append(loggedRow(id));
    return rows;
}

} // namespace gatehouse::test

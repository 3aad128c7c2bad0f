#include "core/gateway/RequestLogStore.h"

#include "core/catalog/SqlQuery.h"

#include <QHash>

namespace gatehouse::gateway {

namespace {

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// NOT NULL text columns: an empty value must bind as '' and not as NULL.
QString text(QString value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant textOrNull(const QByteArray& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(text));
}

} // namespace

Result<void> RequestLogStore::append(const QList<RequestEvent>& batch)
{
    if (batch.isEmpty())
        return {};
    if (auto begun = sql::exec(m_db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    auto fail = [this](const Error& error) -> Result<void> {
        (void)sql::exec(m_db, QStringLiteral("ROLLBACK"));
        return error;
    };
    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT INTO request_log (at, request_id, method, path, api_id, consumer_id, token_id, "
                       "status, upstream_status, latency_us, bytes_in, bytes_out, client_addr, error) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    struct LastUse
    {
        qint64 timeMs = 0;
        QByteArray address;
    };
    QHash<qint64, LastUse> lastUse;
    for (const RequestEvent& event : batch) {
        insert.bindValue(0, event.timeMs);
        insert.bindValue(1, text(QString::fromLatin1(event.requestId)));
        insert.bindValue(2, text(QString::fromLatin1(event.method)));
        insert.bindValue(3, text(QString::fromUtf8(event.path)));
        insert.bindValue(4, idOrNull(event.apiId));
        insert.bindValue(5, idOrNull(event.consumerId));
        insert.bindValue(6, idOrNull(event.tokenId));
        insert.bindValue(7, event.status);
        insert.bindValue(
            8, event.upstreamStatus > 0 ? QVariant(event.upstreamStatus) : QVariant(QMetaType::fromType<int>()));
        insert.bindValue(9, event.latencyUs);
        insert.bindValue(10, event.bytesIn);
        insert.bindValue(11, event.bytesOut);
        insert.bindValue(12, textOrNull(event.clientAddress));
        insert.bindValue(13, textOrNull(event.error));
        if (!insert.exec())
            return fail(sql::toError(insert.lastError(), u"request_log insert"));
        // A token counts as used when it authenticated, whatever the upstream then said.
        if (event.tokenId > 0 && event.rejectReason.isEmpty()) {
            LastUse& use = lastUse[event.tokenId];
            if (event.timeMs >= use.timeMs)
                use = {event.timeMs, event.clientAddress};
        }
    }
    insert.finish();
    for (auto it = lastUse.cbegin(); it != lastUse.cend(); ++it) {
        auto updated = sql::exec(m_db,
            QStringLiteral("UPDATE tokens SET last_used_at = ?, last_used_addr = ? "
                           "WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"),
            {it->timeMs, QString::fromLatin1(it->address), it.key(), it->timeMs});
        if (!updated)
            return fail(updated.error());
    }
    if (auto committed = sql::exec(m_db, QStringLiteral("COMMIT")); !committed)
        return fail(committed.error());
    return {};
}

Result<qint64> RequestLogStore::purgeOlderThan(qint64 cutoffMs, int maxRows)
{
    auto deleted = sql::exec(m_db,
        QStringLiteral("DELETE FROM request_log WHERE id IN "
                       "(SELECT id FROM request_log WHERE at < ? ORDER BY at LIMIT ?)"),
        {cutoffMs, maxRows});
    if (!deleted)
        return deleted.error();
    return qint64(deleted->numRowsAffected());
}

Result<QList<LoggedRequest>> RequestLogStore::recent(int limit, qint64 afterId) const
{
    auto query = sql::exec(m_db,
        QStringLiteral("SELECT * FROM (SELECT r.id, r.at, r.request_id, r.method, r.path, r.api_id, a.name, "
                       "r.consumer_id, c.name, r.token_id, t.name, t.hint, r.status, r.upstream_status, "
                       "r.latency_us, r.bytes_in, r.bytes_out, r.client_addr, r.error "
                       "FROM request_log r LEFT JOIN apis a ON a.id = r.api_id "
                       "LEFT JOIN consumers c ON c.id = r.consumer_id LEFT JOIN tokens t ON t.id = r.token_id "
                       "WHERE r.id > ? ORDER BY r.id DESC LIMIT ?) ORDER BY 1"),
        {afterId, qMax(0, limit)});
    if (!query)
        return query.error();
    QList<LoggedRequest> rows;
    while (query->next()) {
        LoggedRequest row;
        row.id = query->value(0).toLongLong();
        RequestEvent& event = row.event;
        event.timeMs = query->value(1).toLongLong();
        event.requestId = query->value(2).toString().toLatin1();
        event.method = query->value(3).toString().toLatin1();
        event.path = query->value(4).toString().toUtf8();
        event.apiId = query->value(5).toLongLong();
        event.apiName = query->value(6).toString();
        event.consumerId = query->value(7).toLongLong();
        event.consumerName = query->value(8).toString();
        event.tokenId = query->value(9).toLongLong();
        row.tokenName = query->value(10).toString();
        row.tokenHint = query->value(11).toString();
        event.status = query->value(12).toInt();
        event.upstreamStatus = query->value(13).toInt();
        event.latencyUs = query->value(14).toLongLong();
        event.bytesIn = query->value(15).toLongLong();
        event.bytesOut = query->value(16).toLongLong();
        event.clientAddress = query->value(17).toString().toLatin1();
        event.error = query->value(18).toString().toUtf8();
        rows.append(row);
    }
    return rows;
}

Result<qint64> RequestLogStore::count() const
{
    auto query = sql::exec(m_db, QStringLiteral("SELECT count(*) FROM request_log"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

} // namespace gatehouse::gateway

#include "core/requestlog/RequestLogReader.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogSpans.h"

#include <utility>

namespace gatehouse {

RequestLogReader::RequestLogReader(const Catalog& catalog)
    : m_db(catalog.database())
{ }

Result<RequestLogReader> RequestLogReader::open(const CatalogLocation& location)
{
    // Read-write, though it only reads: SQLite's read-only connections to a WAL file cannot rebuild its shared index
    // and answer SQLITE_BUSY (after the busy timeout) when they find it needing that; the Live Log then stalls.
    auto connection
        = CatalogConnection::open(location, QStringLiteral("request-log-reader"), CatalogConnection::Access::ReadWrite);
    if (!connection)
        return connection.error();
    RequestLogReader reader(connection->database());
    reader.m_ownConnection = std::make_unique<CatalogConnection>(std::move(*connection));
    return reader;
}

RequestLogReader::RequestLogReader(RequestLogReader&& other) noexcept
    : m_ownConnection(std::move(other.m_ownConnection))
    , m_db(std::exchange(other.m_db, QSqlDatabase()))
{ }

RequestLogReader::~RequestLogReader()
{
    // The handle goes before the connection it belongs to is removed.
    m_db = QSqlDatabase();
}

Result<QList<LoggedRequest>> RequestLogReader::after(qint64 afterId, int limit) const
{
    return select(QStringLiteral("WHERE r.id > ? ORDER BY r.id LIMIT ?"), {afterId, qMax(0, limit)});
}

Result<QList<LoggedRequest>> RequestLogReader::newestAfter(qint64 afterId, int limit) const
{
    return select(QStringLiteral("WHERE r.id > ? ORDER BY r.id DESC LIMIT ?"), {afterId, qMax(0, limit)});
}

Result<QList<LoggedRequest>> RequestLogReader::before(qint64 beforeId, int limit) const
{
    return select(QStringLiteral("WHERE r.id < ? ORDER BY r.id DESC LIMIT ?"), {beforeId, qMax(0, limit)});
}

Result<QList<LoggedRequest>> RequestLogReader::between(qint64 fromMs, qint64 toMs, int limit, qint64 beforeId) const
{
    // The spans' bounds make it a range of ids, read newest first.
    return select(
        QStringLiteral(
            "WHERE r.id >= %1 AND r.id <= %2 AND r.id < ? AND r.at >= ? AND r.at < ? ORDER BY r.id DESC LIMIT ?")
            .arg(QLatin1StringView(requestlogspans::kFirstIdFrom), QLatin1StringView(requestlogspans::kLastIdBefore)),
        {fromMs, toMs, beforeId, fromMs, toMs, qMax(0, limit)});
}

Result<qint64> RequestLogReader::newestId() const
{
    auto query = sql::exec(m_db, QStringLiteral("SELECT max(id) FROM request_log"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QList<LoggedRequest>> RequestLogReader::select(
    const QString& whereOrderLimit, std::initializer_list<QVariant> values) const
{
    // The inner query picks the page (in either direction); the outer one returns it oldest first.
    auto query = sql::exec(m_db,
        QStringLiteral("SELECT * FROM (SELECT r.id, r.at, r.request_id, r.method, r.path, r.api_id, a.name, "
                       "r.consumer_id, c.name, r.token_id, t.name, t.hint, r.status, r.upstream_status, "
                       "r.latency_us, r.bytes_in, r.bytes_out, r.client_addr, r.error, "
                       "r.provider_id, p.name, m.name, r.tokens_in, r.tokens_out, r.usage_estimated "
                       "FROM request_log r LEFT JOIN apis a ON a.id = r.api_id "
                       "LEFT JOIN consumers c ON c.id = r.consumer_id LEFT JOIN tokens t ON t.id = r.token_id "
                       "LEFT JOIN providers p ON p.id = r.provider_id LEFT JOIN ai_models m ON m.id = r.model_id ")
            + whereOrderLimit + QStringLiteral(") ORDER BY 1"),
        values);
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
        event.providerId = query->value(19).toLongLong();
        event.providerName = query->value(20).toString();
        event.model = query->value(21).toString();
        event.tokensIn = query->value(22).isNull() ? -1 : query->value(22).toLongLong();
        event.tokensOut = query->value(23).isNull() ? -1 : query->value(23).toLongLong();
        event.usageEstimated = query->value(24).toInt() == 1;
        rows.append(row);
    }
    return rows;
}

} // namespace gatehouse

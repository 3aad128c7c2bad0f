#include "core/gateway/RequestLogStore.h"

#include "core/catalog/SqlQuery.h"
#include "core/gateway/RequestLogReader.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDriver>

#include <sqlite3.h>

#include <optional>

namespace gatehouse::gateway {

namespace {

constexpr const char* kSql[] = {
    "BEGIN IMMEDIATE",
    "INSERT INTO request_log (at, request_id, method, path, api_id, consumer_id, token_id, status, upstream_status, "
    "latency_us, bytes_in, bytes_out, client_addr, error, provider_id, model_id, tokens_in, tokens_out) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "UPDATE tokens SET last_used_at = ?, last_used_addr = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < "
    "?)",
    "COMMIT",
    "ROLLBACK",
    "INSERT INTO ai_models (provider_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
    "SELECT id FROM ai_models WHERE provider_id = ? AND name = ?",
    // The per-day sums that budgets and the console's usage views read: one row per token and model a day.
    "INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, requests, tokens_in, tokens_out) "
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (day, token_id, model_id) DO UPDATE SET "
    "requests = requests + 1, tokens_in = tokens_in + excluded.tokens_in, tokens_out = tokens_out + "
    "excluded.tokens_out",
};

// NOT NULL text columns: an empty value binds as '' (constData() is never null), not as NULL.
void bindText(sqlite3_stmt* statement, int index, const QByteArray& text)
{
    sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

void bindTextOrNull(sqlite3_stmt* statement, int index, const QByteArray& text)
{
    if (text.isEmpty())
        sqlite3_bind_null(statement, index);
    else
        bindText(statement, index, text);
}

void bindIdOrNull(sqlite3_stmt* statement, int index, qint64 id)
{
    if (id > 0)
        sqlite3_bind_int64(statement, index, id);
    else
        sqlite3_bind_null(statement, index);
}

} // namespace

RequestLogStore::~RequestLogStore()
{
    for (sqlite3_stmt* statement : m_statements)
        sqlite3_finalize(statement); // a no-op on null
}

sqlite3* RequestLogStore::handle() const
{
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

sqlite3_stmt* RequestLogStore::statement(sqlite3* db, Statement which)
{
    if (!m_statements[which])
        sqlite3_prepare_v3(db, kSql[which], -1, SQLITE_PREPARE_PERSISTENT, &m_statements[which], nullptr);
    return m_statements[which];
}

Result<void> RequestLogStore::append(const QList<RequestEvent>& batch)
{
    if (batch.isEmpty())
        return {};
    sqlite3* db = handle();
    if (!db)
        return Error::runtime(QStringLiteral("request log: the catalog is not an open SQLite database"));
    // Runs `which` once; on failure returns the error with SQLite's message, else nothing.
    auto run = [this, db](Statement which, const char* what) -> std::optional<Error> {
        sqlite3_stmt* prepared = statement(db, which);
        const int rc = prepared ? sqlite3_step(prepared) : sqlite3_errcode(db);
        std::optional<Error> error;
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            error = Error::runtime(QStringLiteral("request log %1: %2")
                                       .arg(QLatin1StringView(what), QString::fromUtf8(sqlite3_errmsg(db))));
        }
        if (prepared)
            sqlite3_reset(prepared);
        return error;
    };
    auto fail = [&run](const Error& error) -> Result<void> {
        (void)run(Rollback, "rollback");
        return error;
    };

    if (auto error = run(Begin, "begin"))
        return *error;
    sqlite3_stmt* insert = statement(db, Insert);
    if (!insert)
        return fail(Error::runtime(QStringLiteral("request log insert: ") + QString::fromUtf8(sqlite3_errmsg(db))));
    struct LastUse
    {
        qint64 timeMs = 0;
        QByteArray address;
    };
    QHash<qint64, LastUse> lastUse;
    for (const RequestEvent& event : batch) {
        // Paths are bytes from the wire: anything that is not UTF-8 is stored as its replacement.
        const QByteArray path = event.path.isValidUtf8() ? event.path : QString::fromUtf8(event.path).toUtf8();
        sqlite3_bind_int64(insert, 1, event.timeMs);
        bindText(insert, 2, event.requestId);
        bindText(insert, 3, event.method);
        bindText(insert, 4, path);
        bindIdOrNull(insert, 5, event.apiId);
        bindIdOrNull(insert, 6, event.consumerId);
        bindIdOrNull(insert, 7, event.tokenId);
        sqlite3_bind_int(insert, 8, event.status);
        if (event.upstreamStatus > 0)
            sqlite3_bind_int(insert, 9, event.upstreamStatus);
        else
            sqlite3_bind_null(insert, 9);
        sqlite3_bind_int64(insert, 10, event.latencyUs);
        sqlite3_bind_int64(insert, 11, event.bytesIn);
        sqlite3_bind_int64(insert, 12, event.bytesOut);
        bindTextOrNull(insert, 13, event.clientAddress);
        bindTextOrNull(insert, 14, event.error);
        const qint64 model
            = event.providerId > 0 && !event.model.isEmpty() ? modelId(db, event.providerId, event.model) : 0;
        bindIdOrNull(insert, 15, event.providerId);
        bindIdOrNull(insert, 16, model);
        if (event.providerId > 0 && event.tokensIn >= 0)
            sqlite3_bind_int64(insert, 17, event.tokensIn);
        else
            sqlite3_bind_null(insert, 17);
        if (event.providerId > 0 && event.tokensOut >= 0)
            sqlite3_bind_int64(insert, 18, event.tokensOut);
        else
            sqlite3_bind_null(insert, 18);
        if (auto error = run(Insert, "insert"))
            return fail(*error);
        if (model > 0 && event.countsAsAiUsage()) {
            sqlite3_stmt* usage = statement(db, AddUsage);
            if (!usage)
                return fail(Error::runtime(QStringLiteral("AI usage: ") + QString::fromUtf8(sqlite3_errmsg(db))));
            const QByteArray day
                = QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODate).left(10).toLatin1();
            bindText(usage, 1, day);
            sqlite3_bind_int64(usage, 2, event.tokenId);
            bindIdOrNull(usage, 3, event.consumerId);
            sqlite3_bind_int64(usage, 4, event.providerId);
            sqlite3_bind_int64(usage, 5, model);
            sqlite3_bind_int64(usage, 6, qMax<qint64>(0, event.tokensIn));
            sqlite3_bind_int64(usage, 7, qMax<qint64>(0, event.tokensOut));
            const bool added = run(AddUsage, "AI usage") == std::nullopt;
            sqlite3_clear_bindings(usage);
            if (!added)
                return fail(Error::runtime(QStringLiteral("AI usage: ") + QString::fromUtf8(sqlite3_errmsg(db))));
        }
        // A token counts as used when it authenticated, whatever the upstream then said.
        if (event.tokenId > 0 && event.rejectReason.isEmpty()) {
            LastUse& use = lastUse[event.tokenId];
            if (event.timeMs >= use.timeMs)
                use = {event.timeMs, event.clientAddress};
        }
    }
    sqlite3_clear_bindings(insert); // nothing keeps pointing into the batch
    if (!lastUse.isEmpty()) {
        sqlite3_stmt* touch = statement(db, TouchToken);
        if (!touch)
            return fail(Error::runtime(QStringLiteral("request log tokens: ") + QString::fromUtf8(sqlite3_errmsg(db))));
        for (auto it = lastUse.cbegin(); it != lastUse.cend(); ++it) {
            sqlite3_bind_int64(touch, 1, it->timeMs);
            bindText(touch, 2, it->address);
            sqlite3_bind_int64(touch, 3, it.key());
            sqlite3_bind_int64(touch, 4, it->timeMs);
            if (auto error = run(TouchToken, "token last use"))
                return fail(*error);
        }
        sqlite3_clear_bindings(touch);
    }
    if (auto error = run(Commit, "commit"))
        return fail(*error);
    return {};
}

qint64 RequestLogStore::modelId(sqlite3* db, qint64 providerId, const QString& model)
{
    const std::pair<qint64, QString> key {providerId, model};
    if (const auto known = m_modelIds.constFind(key); known != m_modelIds.cend())
        return *known;
    const QByteArray name = model.toUtf8();
    sqlite3_stmt* intern = statement(db, InternModel);
    sqlite3_stmt* find = statement(db, FindModel);
    if (!intern || !find)
        return 0;
    sqlite3_bind_int64(intern, 1, providerId);
    bindText(intern, 2, name);
    const int interned = sqlite3_step(intern);
    sqlite3_reset(intern);
    sqlite3_clear_bindings(intern);
    if (interned != SQLITE_DONE)
        return 0;
    sqlite3_bind_int64(find, 1, providerId);
    bindText(find, 2, name);
    const qint64 id = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
    sqlite3_reset(find);
    sqlite3_clear_bindings(find);
    if (id > 0)
        m_modelIds.insert(key, id);
    return id;
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
    return RequestLogReader(m_db).newestAfter(afterId, limit);
}

Result<qint64> RequestLogStore::count() const
{
    auto query = sql::exec(m_db, QStringLiteral("SELECT count(*) FROM request_log"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

} // namespace gatehouse::gateway

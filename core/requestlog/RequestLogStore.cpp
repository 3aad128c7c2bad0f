#include "core/requestlog/RequestLogStore.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogReader.h"
#include "core/requestlog/RequestLogSpans.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDriver>

#include <sqlite3.h>

#include <limits>
#include <optional>

namespace gatehouse {

namespace {

// Each row's values, in the order append() binds them. The last five (provider, model, tokens in and out, usage
// estimated) are NULL for every request that is not an AI call: a chunk with no AI call leaves them out of its
// statement, which saves about a tenth of a row's cost.
constexpr int kColumns = 19;
constexpr int kPlainColumns = 14;
// Rows per INSERT: a batch goes in chunks of 64 rows, then 16, then one at a time. One statement run for many
// rows spreads SQLite's per-statement work (opening the table's cursors, halting, resetting) over them: about a
// quarter of the per-row cost at 1 row, and 64 rows save another 5% over 16 (about 420 of 8,600 instructions a row,
// callgrind). A busy gateway's batch holds thousands of rows, an idle one's a few.
constexpr int kRowsPerInsert = 16;
constexpr int kRowsPerLargeInsert = 64;
// Rows per statement of each insert shape, in the order of Statement's Insert, InsertMany, InsertLots (and of the
// Plain ones after them).
constexpr std::array<int, 3> kInsertShapeRows {1, kRowsPerInsert, kRowsPerLargeInsert};

QByteArray insertSql(int rows, bool withAi)
{
    QByteArray sql = "INSERT INTO request_log (at, request_id, method, path, api_id, consumer_id, token_id, status, "
                     "upstream_status, latency_us, bytes_in, bytes_out, client_addr, error";
    sql += withAi ? ", provider_id, model_id, tokens_in, tokens_out, usage_estimated) VALUES " : ") VALUES ";
    const int columns = withAi ? kColumns : kPlainColumns;
    const QByteArray row = '(' + QByteArray("?,").repeated(columns - 1) + "?)";
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += ',';
        sql += row;
    }
    return sql;
}

constexpr const char* kSql[] = {
    sqlDialect::kBeginWrite,
    nullptr, // Insert: insertSql(1, true)
    nullptr, // InsertMany: insertSql(kRowsPerInsert, true)
    nullptr, // InsertLots: insertSql(kRowsPerLargeInsert, true)
    nullptr, // PlainInsert: insertSql(1, false)
    nullptr, // PlainInsertMany: insertSql(kRowsPerInsert, false)
    nullptr, // PlainInsertLots: insertSql(kRowsPerLargeInsert, false)
    "UPDATE tokens SET last_used_at = ?, last_used_addr = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < "
    "?)",
    "SELECT coalesce(max(id), 0) FROM request_log",
    requestlogspans::kCover,
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
    if (!m_statements[which]) {
        QByteArray sql = kSql[which];
        if (which >= Insert && which <= PlainInsertLots)
            sql = insertSql(kInsertShapeRows[(which - Insert) % kInsertShapeRows.size()], which < PlainInsert);
        sqlite3_prepare_v3(
            db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statements[which], nullptr);
    }
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
    // The batch's ids, for its span: SQLite gives each row the table's largest id plus one.
    auto newestId = [this, db]() -> std::optional<qint64> {
        sqlite3_stmt* query = statement(db, NewestId);
        if (!query || sqlite3_step(query) != SQLITE_ROW) {
            if (query)
                sqlite3_reset(query);
            return std::nullopt;
        }
        const qint64 id = sqlite3_column_int64(query, 0);
        sqlite3_reset(query);
        return id;
    };
    const std::optional<qint64> idsBefore = newestId();
    if (!idsBefore)
        return fail(Error::runtime(QStringLiteral("request log ids: ") + QString::fromUtf8(sqlite3_errmsg(db))));
    qint64 minAt = batch.constFirst().timeMs;
    qint64 maxAt = minAt;
    struct LastUse
    {
        qint64 timeMs = 0;
        QByteArray address;
    };
    QHash<qint64, LastUse> lastUse;
    // Bound without copies (SQLITE_STATIC): the chunk's converted paths live until its statement has run.
    std::array<QByteArray, kRowsPerLargeInsert> paths;
    std::array<sqlite3_stmt*, PlainInsertLots - Insert + 1> usedInserts {};
    for (qsizetype first = 0; first < batch.size();) {
        // The largest shape that the rest of the batch fills.
        int shape = int(kInsertShapeRows.size()) - 1;
        while (kInsertShapeRows[shape] > batch.size() - first)
            --shape;
        const int rows = kInsertShapeRows[shape];
        bool withAi = false;
        for (qsizetype i = first; i < first + rows && !withAi; ++i)
            withAi = batch.at(i).providerId > 0;
        const auto which = Statement((withAi ? Insert : PlainInsert) + shape);
        sqlite3_stmt* insert = statement(db, which);
        if (!insert)
            return fail(Error::runtime(QStringLiteral("request log insert: ") + QString::fromUtf8(sqlite3_errmsg(db))));
        usedInserts[which - Insert] = insert;
        for (int row = 0; row < rows; ++row) {
            const RequestEvent& event = batch.at(first + row);
            minAt = qMin(minAt, event.timeMs);
            maxAt = qMax(maxAt, event.timeMs);
            // Paths are bytes from the wire: anything that is not UTF-8 is stored as its replacement.
            paths[row] = event.path.isValidUtf8() ? event.path : QString::fromUtf8(event.path).toUtf8();
            const qint64 model = event.providerId > 0 && !event.model.isEmpty()
                ? modelId(db, event.providerId, event.modelKnown ? event.model : kUnlistedModel.toString())
                : 0;
            bindRow(insert, row * (withAi ? kColumns : kPlainColumns), event, paths[row], model, withAi);
            if (model > 0 && event.countsAsAiUsage()) {
                if (auto error = addUsage(db, event, model))
                    return fail(*error);
            }
            // A token counts as used when it authenticated, whatever the upstream then said.
            if (event.tokenId > 0 && event.rejectReason.isEmpty()) {
                LastUse& use = lastUse[event.tokenId];
                if (event.timeMs >= use.timeMs)
                    use = {event.timeMs, event.clientAddress};
            }
        }
        if (auto error = run(which, "insert"))
            return fail(*error);
        first += rows;
    }
    for (sqlite3_stmt* insert : usedInserts) {
        if (insert)
            sqlite3_clear_bindings(insert); // nothing keeps pointing into the batch
    }
    const std::optional<qint64> lastId = newestId();
    sqlite3_stmt* cover = statement(db, CoverSpan);
    if (!lastId || !cover)
        return fail(Error::runtime(QStringLiteral("request log span: ") + QString::fromUtf8(sqlite3_errmsg(db))));
    sqlite3_bind_int64(cover, 1, maxAt / requestlogspans::kMsPerSpan);
    // (Past the largest id SQLite would pick ids at random: then the span covers them all.)
    sqlite3_bind_int64(cover, 2, *idsBefore < std::numeric_limits<qint64>::max() ? *idsBefore + 1 : 1);
    sqlite3_bind_int64(cover, 3, *lastId);
    sqlite3_bind_int64(cover, 4, minAt);
    sqlite3_bind_int64(cover, 5, maxAt);
    if (auto error = run(CoverSpan, "span"))
        return fail(*error);
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

void RequestLogStore::bindRow(
    sqlite3_stmt* insert, int base, const RequestEvent& event, const QByteArray& path, qint64 model, bool withAi)
{
    sqlite3_bind_int64(insert, base + 1, event.timeMs);
    bindText(insert, base + 2, event.requestId);
    bindText(insert, base + 3, event.method);
    bindText(insert, base + 4, path);
    bindIdOrNull(insert, base + 5, event.apiId);
    bindIdOrNull(insert, base + 6, event.consumerId);
    bindIdOrNull(insert, base + 7, event.tokenId);
    sqlite3_bind_int(insert, base + 8, event.status);
    if (event.upstreamStatus > 0)
        sqlite3_bind_int(insert, base + 9, event.upstreamStatus);
    else
        sqlite3_bind_null(insert, base + 9);
    sqlite3_bind_int64(insert, base + 10, event.latencyUs);
    sqlite3_bind_int64(insert, base + 11, event.bytesIn);
    sqlite3_bind_int64(insert, base + 12, event.bytesOut);
    bindTextOrNull(insert, base + 13, event.clientAddress);
    bindTextOrNull(insert, base + 14, event.error);
    static_assert(kPlainColumns == 14, "bindRow binds every column of insertSql(rows, false)");
    if (!withAi)
        return;
    bindIdOrNull(insert, base + 15, event.providerId);
    bindIdOrNull(insert, base + 16, model);
    if (event.providerId > 0 && event.tokensIn >= 0)
        sqlite3_bind_int64(insert, base + 17, event.tokensIn);
    else
        sqlite3_bind_null(insert, base + 17);
    if (event.providerId > 0 && event.tokensOut >= 0)
        sqlite3_bind_int64(insert, base + 18, event.tokensOut);
    else
        sqlite3_bind_null(insert, base + 18);
    if (event.providerId > 0 && event.usageEstimated)
        sqlite3_bind_int(insert, base + 19, 1);
    else
        sqlite3_bind_null(insert, base + 19);
    static_assert(kColumns == 19, "bindRow binds every column of insertSql(rows, true)");
}

std::optional<Error> RequestLogStore::addUsage(sqlite3* db, const RequestEvent& event, qint64 model)
{
    sqlite3_stmt* usage = statement(db, AddUsage);
    if (!usage)
        return Error::runtime(QStringLiteral("AI usage: ") + QString::fromUtf8(sqlite3_errmsg(db)));
    const QByteArray day
        = QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODate).left(10).toLatin1();
    bindText(usage, 1, day);
    sqlite3_bind_int64(usage, 2, event.tokenId);
    bindIdOrNull(usage, 3, event.consumerId);
    sqlite3_bind_int64(usage, 4, event.providerId);
    sqlite3_bind_int64(usage, 5, model);
    sqlite3_bind_int64(usage, 6, qMax<qint64>(0, event.tokensIn));
    sqlite3_bind_int64(usage, 7, qMax<qint64>(0, event.tokensOut));
    const int rc = sqlite3_step(usage);
    std::optional<Error> error;
    if (rc != SQLITE_DONE)
        error = Error::runtime(QStringLiteral("AI usage: ") + QString::fromUtf8(sqlite3_errmsg(db)));
    sqlite3_reset(usage);
    sqlite3_clear_bindings(usage); // `day` goes out of scope
    return error;
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
    // Every row below the first id that can be as new as the cutoff is older; from there up to the last id that can
    // be older, each row's time decides. Taken oldest id first, so a round reads little more than it deletes.
    auto deleted = sql::exec(m_db,
        QStringLiteral("DELETE FROM request_log WHERE id IN (SELECT id FROM request_log WHERE id <= %1 "
                       "AND (id < %2 OR at < ?) ORDER BY id LIMIT ?)")
            .arg(QLatin1StringView(requestlogspans::kLastIdBefore), QLatin1StringView(requestlogspans::kFirstIdFrom)),
        {cutoffMs, cutoffMs, cutoffMs, maxRows});
    if (!deleted)
        return deleted.error();
    const qint64 rows = deleted->numRowsAffected();
    if (rows > 0) {
        if (auto forgotten = sql::exec(m_db, QString::fromLatin1(requestlogspans::kForgetEmptied)); !forgotten)
            return forgotten.error();
    }
    return rows;
}

Result<qint64> RequestLogStore::liveBytes() const
{
    // Three header reads, whatever the file's size.
    qint64 values[3] = {};
    const auto& pragmas = sqlDialect::kFileSizePragmas;
    for (int i = 0; i < 3; ++i) {
        auto query = sql::exec(m_db, QString::fromLatin1(pragmas[i]));
        if (!query)
            return query.error();
        if (!query->next())
            return Error::runtime(
                QStringLiteral("request log size: %1 gave nothing").arg(QLatin1StringView(pragmas[i])));
        values[i] = query->value(0).toLongLong();
    }
    return (values[0] - values[1]) * values[2];
}

Result<qint64> RequestLogStore::purgeOverSize(qint64 maxBytes, int maxRows, int maxRounds)
{
    if (maxBytes <= 0)
        return 0;
    auto live = liveBytes();
    if (!live)
        return live.error();
    if (*live <= maxBytes)
        return 0;
    const qint64 target = maxBytes - maxBytes / 10;
    qint64 deleted = 0;
    for (int round = 0; round<maxRounds&& * live> target; ++round) {
        // Two subqueries, each answered from the rowid b-tree's edge: min() and max() in one SELECT scan the table.
        auto ids = sql::exec(
            m_db, QStringLiteral("SELECT (SELECT min(id) FROM request_log), (SELECT max(id) FROM request_log)"));
        if (!ids)
            return ids.error();
        if (!ids->next() || ids->value(0).isNull())
            break; // no row left: what remains is the catalog's own
        const qint64 rows = qMax<qint64>(1, ids->value(1).toLongLong() - ids->value(0).toLongLong() + 1);
        // Rows to delete, from the bytes a row takes on average. The live bytes include the catalog's tables, so a
        // row looks larger than it is and a round deletes too few rather than too many; the next round goes on.
        const qint64 perRow = qMax<qint64>(1, *live / rows);
        const qint64 wanted = (*live - target + perRow - 1) / perRow;
        const qint64 take = qMin<qint64>(maxRows, qMax<qint64>(64, wanted));
        auto gone = sql::exec(m_db,
            QStringLiteral("DELETE FROM request_log WHERE id IN (SELECT id FROM request_log ORDER BY id LIMIT ?)"),
            {take});
        if (!gone)
            return gone.error();
        const qint64 n = gone->numRowsAffected();
        if (n <= 0)
            break;
        deleted += n;
        live = liveBytes();
        if (!live)
            return live.error();
    }
    if (deleted > 0) {
        if (auto forgotten = sql::exec(m_db, QString::fromLatin1(requestlogspans::kForgetEmptied)); !forgotten)
            return forgotten.error();
    }
    return deleted;
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

} // namespace gatehouse

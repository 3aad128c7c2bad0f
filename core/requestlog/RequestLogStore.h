#pragma once

#include "core/common/Result.h"
#include "core/requestlog/LoggedRequest.h"
#include "core/requestlog/RequestEvent.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <array>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace gatehouse {

// The request log's table in the catalog: batched appends (one transaction each, which also
// records each token's last use), retention, and reads for `gatehouse-cli logs` and the console.
//
// append() runs for every request the gateway serves, so it talks to SQLite through the connection's
// own handle with statements prepared once, binding the events' bytes as they are: through QSqlQuery,
// binding one value cost about 2,000 instructions (a ":N" name built and hashed per value, text
// converted to UTF-16 and back). The statements are finalized before the connection closes.
class RequestLogStore
{
public:
    explicit RequestLogStore(QSqlDatabase db)
        : m_db(std::move(db))
    { }
    ~RequestLogStore();
    RequestLogStore(const RequestLogStore&) = delete;
    RequestLogStore& operator=(const RequestLogStore&) = delete;

    Result<void> append(const QList<RequestEvent>& batch);
    // Deletes rows older than `cutoffMs`, at most `maxRows` at a time so that writers are never held up long.
    Result<qint64> purgeOlderThan(qint64 cutoffMs, int maxRows = 5000);

    // The size cap. The log shares the catalog's SQLite file, and SQLite does not shrink a file when rows go: it
    // keeps the freed pages on its freelist and fills them with the next rows. So the cap bounds the file's live
    // data, (page_count - freelist_count) * page_size, which includes the catalog's own tables (small beside a
    // log); the file itself stays near its largest live size (plus the WAL) until a VACUUM, and grows no further.
    Result<qint64> liveBytes() const;
    // When liveBytes() is over `maxBytes`, deletes the oldest rows by id until it is at most 90% of `maxBytes`, so
    // that a log at its cap is trimmed once per tenth of the cap rather than on every batch. At most `maxRows` rows
    // a round (each its own transaction) and `maxRounds` rounds a call: a caller that is still over calls again
    // later. Only request rows go: the AI usage sums and the interned model names stay. Reads a few header pages
    // when under the cap, never the table. Returns the rows deleted (0 also when there is no row left to delete).
    Result<qint64> purgeOverSize(qint64 maxBytes, int maxRows = 5000, int maxRounds = 20);

    // The newest `limit` rows with an id above `afterId`, oldest first.
    Result<QList<LoggedRequest>> recent(int limit, qint64 afterId = 0) const;
    Result<qint64> count() const;

    // The ai_models name that every model a provider's catalog entry does not list is logged and summed under.
    static constexpr QStringView kUnlistedModel = u"(unlisted)";

private:
    enum Statement {
        Begin,
        Insert,
        InsertMany,
        InsertLots,
        PlainInsert, // the same three without the AI columns, in the same order
        PlainInsertMany,
        PlainInsertLots,
        TouchToken,
        NewestId,
        CoverSpan,
        Commit,
        Rollback,
        InternModel,
        FindModel,
        AddUsage,
        StatementCount
    };

    sqlite3* handle() const;
    // Prepared on first use and kept; null on failure (sqlite3_errmsg says why).
    sqlite3_stmt* statement(sqlite3* db, Statement which);
    // The ai_models row of a provider's model, made on first sight; 0 on failure. Only for models the catalog
    // lists (RequestEvent::modelKnown): a client can name any model, and each name would be a row kept forever.
    qint64 modelId(sqlite3* db, qint64 providerId, const QString& model);
    // Binds one event as the row starting after parameter `base` of an insert; the AI columns only `withAi`.
    static void bindRow(
        sqlite3_stmt* insert, int base, const RequestEvent& event, const QByteArray& path, qint64 model, bool withAi);
    // Adds an AI request to its token's and model's daily sums.
    std::optional<Error> addUsage(sqlite3* db, const RequestEvent& event, qint64 model);

    QSqlDatabase m_db;
    std::array<sqlite3_stmt*, StatementCount> m_statements {};
    QHash<std::pair<qint64, QString>, qint64> m_modelIds; // a handful of models: looked up once each
};

} // namespace gatehouse

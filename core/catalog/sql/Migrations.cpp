#include "core/catalog/sql/Migrations.h"

#include "core/catalog/sql/SqlDialect.h"
#include "core/catalog/sql/SqlQuery.h"

#include <QStringList>

namespace gatehouse::migrations {

namespace {

// Each migration is a list of statements. Append new ones; never edit a released one.
const QList<QStringList>& allMigrations()
{
    static const QList<QStringList> migrations = {
        // 1: the catalog's entities and its revision counter.
        {
            QStringLiteral("CREATE TABLE catalog_state (id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "revision INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO catalog_state (id, revision) VALUES (1, 0)"),
            QStringLiteral("CREATE TABLE apis (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                           "upstream_url TEXT NOT NULL, path_prefix TEXT NOT NULL UNIQUE, "
                           "strip_prefix INTEGER NOT NULL DEFAULT 0, timeout_ms INTEGER NOT NULL, "
                           "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE consumers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                           "description TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE tokens (id INTEGER PRIMARY KEY, "
                           "consumer_id INTEGER NOT NULL REFERENCES consumers(id) ON DELETE CASCADE, "
                           "name TEXT NOT NULL, scopes TEXT NOT NULL, secret_hash BLOB NOT NULL UNIQUE, "
                           "hint TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER, "
                           "revoked_at INTEGER, revoke_reason TEXT, last_used_at INTEGER, last_used_addr TEXT, "
                           "rotated_from INTEGER REFERENCES tokens(id) ON DELETE SET NULL, grace_ends_at INTEGER)"),
            QStringLiteral("CREATE TABLE audit_events (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
                           "actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, "
                           "details TEXT NOT NULL DEFAULT '{}')"),
        },
        // 2: indexes for the console's and the CLI's common listings.
        {
            QStringLiteral("CREATE INDEX tokens_by_consumer ON tokens (consumer_id)"),
            QStringLiteral("CREATE INDEX tokens_by_expiry ON tokens (expires_at)"),
            QStringLiteral("CREATE INDEX audit_by_time ON audit_events (at)"),
        },
        // 3: the gateway: per-API body and rate limits, per-token rate limits, and the request log.
        // The log holds ids rather than repeated names, and no foreign keys: rows outlive what they name.
        {
            QStringLiteral("ALTER TABLE apis ADD COLUMN max_body_bytes INTEGER NOT NULL DEFAULT 10485760"),
            QStringLiteral("ALTER TABLE apis ADD COLUMN rate_limit TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE tokens ADD COLUMN rate_limit TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE request_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
                           "request_id TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, api_id INTEGER, "
                           "consumer_id INTEGER, token_id INTEGER, status INTEGER NOT NULL, upstream_status INTEGER, "
                           "latency_us INTEGER NOT NULL, bytes_in INTEGER NOT NULL, bytes_out INTEGER NOT NULL, "
                           "client_addr TEXT, error TEXT)"),
            QStringLiteral("CREATE INDEX request_log_by_time ON request_log (at)"),
        },
        // 4: AI providers (issue 6), all of it at once: providers and their models, model aliases, token and
        // consumer budgets, the AI columns of the request log with an interned model table, daily usage sums, and
        // a random catalog id that namespaces keychain entries so that two data directories never share one.
        // Provider keys are never stored here: `has_key` only says that the secret store holds one.
        {
            QStringLiteral("ALTER TABLE catalog_state ADD COLUMN catalog_id TEXT"),
            // A version 4 UUID from 16 random bytes.
            QStringLiteral("UPDATE catalog_state SET catalog_id = (SELECT lower(substr(h, 1, 8) || '-' || "
                           "substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' || "
                           "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || "
                           "substr(h, 21, 12)) FROM (SELECT hex(randomblob(16)) AS h)) WHERE catalog_id IS NULL"),
            QStringLiteral("CREATE TABLE providers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                           "type TEXT NOT NULL, base_url TEXT NOT NULL, models TEXT NOT NULL DEFAULT '[]', "
                           "models_refreshed_at INTEGER, has_key INTEGER NOT NULL DEFAULT 0, "
                           "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE model_aliases (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                           "targets TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            QStringLiteral("ALTER TABLE tokens ADD COLUMN budget_daily_tokens INTEGER"),
            QStringLiteral("ALTER TABLE tokens ADD COLUMN budget_monthly_tokens INTEGER"),
            QStringLiteral("ALTER TABLE tokens ADD COLUMN ai_requests_per_minute INTEGER"),
            QStringLiteral("ALTER TABLE tokens ADD COLUMN ai_tokens_per_minute INTEGER"),
            QStringLiteral("ALTER TABLE consumers ADD COLUMN budget_daily_tokens INTEGER"),
            QStringLiteral("ALTER TABLE consumers ADD COLUMN budget_monthly_tokens INTEGER"),
            // Like the request log, no foreign keys: a model name outlives its provider in old log rows.
            QStringLiteral("CREATE TABLE ai_models (id INTEGER PRIMARY KEY, provider_id INTEGER NOT NULL, "
                           "name TEXT NOT NULL, UNIQUE (provider_id, name))"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN provider_id INTEGER"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN model_id INTEGER"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN tokens_in INTEGER"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN tokens_out INTEGER"),
            QStringLiteral("CREATE TABLE ai_usage_daily (day TEXT NOT NULL, token_id INTEGER NOT NULL, "
                           "consumer_id INTEGER, provider_id INTEGER NOT NULL, model_id INTEGER NOT NULL, "
                           "requests INTEGER NOT NULL DEFAULT 0, tokens_in INTEGER NOT NULL DEFAULT 0, "
                           "tokens_out INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, token_id, model_id))")
                + QLatin1StringView(sqlDialect::kWithoutRowId),
            QStringLiteral("CREATE INDEX ai_usage_by_consumer ON ai_usage_daily (consumer_id, day)"),
            QStringLiteral("CREATE INDEX ai_usage_by_model ON ai_usage_daily (model_id, day)"),
        },
        // 5: the request log's index on time gives way to spans (RequestLogSpans.h): one row a minute that bounds
        // the ids and times written in it, so that a time range reads a range of ids. Keeping the index cost about
        // a quarter of each logged request's insert, on the gateway's hottest write. Rows already logged become one
        // span.
        {
            QStringLiteral("CREATE TABLE request_log_spans (minute INTEGER PRIMARY KEY, first_id INTEGER NOT NULL, "
                           "last_id INTEGER NOT NULL, min_at INTEGER NOT NULL, max_at INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO request_log_spans (minute, first_id, last_id, min_at, max_at) "
                           "SELECT max(at) / 60000, min(id), max(id), min(at), max(at) FROM request_log "
                           "HAVING count(*) > 0"),
            QStringLiteral("DROP INDEX request_log_by_time"),
        },
        // 6: an AI request whose provider did not say what it spent is logged with an estimate from the body sizes;
        // the row says so (1), NULL otherwise.
        {
            QStringLiteral("ALTER TABLE request_log ADD COLUMN usage_estimated INTEGER"),
        },
    };
    return migrations;
}

Result<void> applyOne(const QSqlDatabase& db, int version)
{
    if (auto begun = sql::exec(db, QString::fromLatin1(sqlDialect::kBeginWrite)); !begun)
        return begun.error();
    auto rollback = [&db](Error error) -> Result<void> {
        (void)sql::exec(db, QStringLiteral("ROLLBACK"));
        return error;
    };
    // Another process may have migrated while we waited for the write lock.
    auto current = currentVersion(db);
    if (!current)
        return rollback(current.error());
    if (*current >= version) {
        if (auto done = sql::exec(db, QStringLiteral("COMMIT")); !done)
            return rollback(done.error());
        return {};
    }
    if (*current != version - 1)
        return rollback(Error::runtime(
            QStringLiteral("catalog schema is at version %1, cannot apply %2").arg(*current).arg(version)));

    for (const QString& statement : allMigrations().at(version - 1)) {
        if (auto done = sql::exec(db, statement); !done)
            return rollback(done.error());
    }
    if (version == 1) {
        if (auto done = sql::exec(db, QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")); !done)
            return rollback(done.error());
        if (auto done = sql::exec(db, QStringLiteral("INSERT INTO schema_version (version) VALUES (1)")); !done)
            return rollback(done.error());
    } else if (auto done = sql::exec(db, QStringLiteral("UPDATE schema_version SET version = ?"), {version}); !done) {
        return rollback(done.error());
    }
    if (auto done = sql::exec(db, QStringLiteral("COMMIT")); !done)
        return rollback(done.error());
    return {};
}

} // namespace

int latestVersion()
{
    return int(allMigrations().size());
}

Result<int> currentVersion(const QSqlDatabase& db)
{
    auto exists = sql::exec(db, sqlDialect::tableExistsQuery(), {QStringLiteral("schema_version")});
    if (!exists)
        return exists.error();
    if (!exists->next() || exists->value(0).toInt() == 0)
        return 0;
    auto version = sql::exec(db, QStringLiteral("SELECT version FROM schema_version"));
    if (!version)
        return version.error();
    if (!version->next())
        return Error::runtime(QStringLiteral("the catalog's schema_version table is empty"));
    return version->value(0).toInt();
}

Result<int> migrate(const QSqlDatabase& db, int target)
{
    if (target < 0)
        target = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion()) {
        return Error::runtime(QStringLiteral("the catalog's schema version %1 is newer than this Gatehouse knows "
                                             "(%2); upgrade Gatehouse to open it")
                                  .arg(*current)
                                  .arg(latestVersion()));
    }
    for (int version = *current + 1; version <= target; ++version) {
        if (auto applied = applyOne(db, version); !applied)
            return applied.error();
    }
    return currentVersion(db);
}

} // namespace gatehouse::migrations

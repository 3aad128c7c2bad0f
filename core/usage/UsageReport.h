#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <initializer_list>
#include <utility>

namespace gatehouse {

class Catalog;

// What one consumer, model or token used of the AI providers over a period.
struct UsageRow
{
    // The consumer's, the model's (ai_models) or the token's id; 0 for usage without a consumer.
    qint64 id = 0;
    // The consumer's or the token's name, or "provider/model"; empty when the consumer or token is gone.
    QString name;
    // The consumer, token or (by model) provider no longer exists: the usage outlives what it names.
    bool deleted = false;
    // By model: the provider (its name empty once it is removed) and the model's own name.
    qint64 providerId = 0;
    QString providerName;
    QString model;
    // By token: the token's hint (the last characters of its secret) and its consumer's name.
    QString tokenHint;
    QString consumerName;

    qint64 requests = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;

    qint64 totalTokens() const { return tokensIn + tokensOut; }
    // For people: the name, else "#7 (deleted)", or "(no consumer)" for usage without one.
    QString label() const;
};

// The console Overview's AI usage over a period, by consumer and by model.
struct UsageOverview
{
    QList<UsageRow> byConsumer;
    QList<UsageRow> byModel;
};

// Reads the AI usage that the gateway sums per UTC day (ai_usage_daily) and groups it for the CLI's
// `usage` and the console's Overview. Read-only: takes any connection to the catalog file, so that a
// loader thread can use its own.
class UsageReport
{
public:
    enum class Grouping { Consumer, Model, Token };
    static constexpr int kMaxDays = 3660;

    explicit UsageReport(QSqlDatabase db)
        : m_db(std::move(db))
    { }
    // Reads through the catalog's own connection, on the catalog's thread.
    explicit UsageReport(const Catalog& catalog);

    // The Overview's read, through a read-only connection of its own opened and closed on the calling thread (a
    // background read's): the usage of the UTC days [from, to] by consumer and by model, less the requests logged
    // at or after `liveFromMs` (read in the same transaction, so both parts come from one snapshot), since the
    // engine's live batches bring those. The daily sums have no times, so this is where the seam is made. Rows
    // left with no requests are dropped.
    static Result<UsageOverview> readOverview(const CatalogLocation& location, QDate from, QDate to, qint64 liveFromMs);

    // The usage of the UTC days `from` to `to` (both included), grouped by `by`, most tokens first
    // (then most requests, then by label). An empty list when nothing was used.
    Result<QList<UsageRow>> summarize(Grouping by, QDate from, QDate to) const;

    // The part of the same sums that stems from requests logged at or after `sinceMs` (from the request
    // log, which has their times). The Overview subtracts it from a summary read in the same transaction,
    // since the engine's batches bring those requests to it live.
    Result<QList<UsageRow>> loggedSince(Grouping by, qint64 sinceMs) const;

    // The `days` UTC days up to and including the one of `nowUtc` (days >= 1): {first, last}.
    static std::pair<QDate, QDate> lastDays(const QDateTime& nowUtc, int days);
    // "consumer", "model", "token" (the CLI's --by); false for anything else.
    static bool parseGrouping(const QString& text, Grouping* by);

private:
    Result<QList<UsageRow>> select(
        Grouping by, const QString& source, const QString& where, std::initializer_list<QVariant> values) const;

    QSqlDatabase m_db;
};

} // namespace gatehouse

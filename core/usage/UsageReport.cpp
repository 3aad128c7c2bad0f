#include "core/usage/UsageReport.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/requestlog/RequestLogSpans.h"

#include <QDateTime>
#include <QSqlError>

#include <algorithm>

namespace gatehouse {

QString UsageRow::label() const
{
    if (!model.isEmpty() || providerId > 0) {
        // By model: the model's name survives its provider in ai_models.
        const QString provider = providerName.isEmpty() ? QStringLiteral("#%1").arg(providerId) : providerName;
        const QString text = provider + u'/' + (model.isEmpty() ? QStringLiteral("#%1").arg(id) : model);
        return deleted ? text + QStringLiteral(" (deleted)") : text;
    }
    if (id == 0)
        return QStringLiteral("(no consumer)");
    if (name.isEmpty())
        return QStringLiteral("#%1 (deleted)").arg(id);
    return name;
}

namespace {

// `rows` less the part in `logged` (same grouping, matched by id and, by model, provider); rows left with no
// requests are dropped.
QList<UsageRow> subtract(QList<UsageRow> rows, const QList<UsageRow>& logged)
{
    for (const UsageRow& part : logged) {
        for (UsageRow& row : rows) {
            if (row.id == part.id && row.providerId == part.providerId) {
                row.requests -= part.requests;
                row.tokensIn = qMax<qint64>(0, row.tokensIn - part.tokensIn);
                row.tokensOut = qMax<qint64>(0, row.tokensOut - part.tokensOut);
                break;
            }
        }
    }
    rows.removeIf([](const UsageRow& row) { return row.requests <= 0; });
    return rows;
}

} // namespace

UsageReport::UsageReport(const Catalog& catalog)
    : m_db(catalog.database())
{ }

Result<UsageOverview> UsageReport::readOverview(
    const CatalogLocation& location, QDate from, QDate to, qint64 liveFromMs)
{
    auto connection
        = CatalogConnection::open(location, QStringLiteral("usage-overview"), CatalogConnection::Access::ReadOnly);
    if (!connection)
        return connection.error();
    QSqlDatabase db = connection->database();
    // One read transaction: the sums and the part to take out of them come from one snapshot.
    if (!db.transaction())
        return Error::runtime(db.lastError().text());
    const UsageReport report(db);
    auto consumers = report.summarize(Grouping::Consumer, from, to);
    auto models = report.summarize(Grouping::Model, from, to);
    auto liveConsumers = report.loggedSince(Grouping::Consumer, liveFromMs);
    auto liveModels = report.loggedSince(Grouping::Model, liveFromMs);
    db.rollback();
    for (const auto* part : {&consumers, &models, &liveConsumers, &liveModels}) {
        if (!*part)
            return part->error();
    }
    return UsageOverview {subtract(*consumers, *liveConsumers), subtract(*models, *liveModels)};
}

Result<QList<UsageRow>> UsageReport::summarize(Grouping by, QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid())
        return Error::invalid(QStringLiteral("days"), QStringLiteral("the period needs a first and a last day"));
    if (from > to)
        return Error::invalid(QStringLiteral("days"), QStringLiteral("the period's first day is after its last"));
    const QString source
        = QStringLiteral("sum(requests) AS r, sum(tokens_in) AS i, sum(tokens_out) AS o FROM ai_usage_daily");
    return select(by, source, QStringLiteral("WHERE day >= ? AND day <= ?"),
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
}

Result<QList<UsageRow>> UsageReport::loggedSince(Grouping by, qint64 sinceMs) const
{
    // The rows that ai_usage_daily counts: AI requests of a known model, made with a token.
    const QString source = QStringLiteral(
        "count(*) AS r, sum(coalesce(tokens_in, 0)) AS i, sum(coalesce(tokens_out, 0)) AS o FROM request_log");
    return select(by, source,
        QStringLiteral("WHERE id >= %1 AND at >= ? AND provider_id IS NOT NULL AND model_id IS NOT NULL "
                       "AND token_id IS NOT NULL")
            .arg(QLatin1StringView(requestlogspans::kFirstIdFrom)),
        {sinceMs, sinceMs});
}

Result<QList<UsageRow>> UsageReport::select(
    Grouping by, const QString& source, const QString& where, std::initializer_list<QVariant> values) const
{
    // `source` sums as r, i and o. g: the sums per key (k, and k2: a model's provider, a token's consumer); then
    // the names, which may be gone.
    QString statement;
    switch (by) {
    case Grouping::Consumer:
        statement = QStringLiteral("SELECT g.k, 0, g.r, g.i, g.o, c.name FROM (SELECT consumer_id AS k, %1 %2 "
                                   "GROUP BY consumer_id) g LEFT JOIN consumers c ON c.id = g.k");
        break;
    case Grouping::Model:
        statement = QStringLiteral("SELECT g.k, g.k2, g.r, g.i, g.o, p.name, m.name FROM (SELECT model_id AS k, "
                                   "provider_id AS k2, %1 %2 GROUP BY model_id, provider_id) g "
                                   "LEFT JOIN ai_models m ON m.id = g.k LEFT JOIN providers p ON p.id = g.k2");
        break;
    case Grouping::Token:
        statement
            = QStringLiteral("SELECT g.k, g.k2, g.r, g.i, g.o, t.name, t.hint, coalesce(c.name, uc.name), "
                             "t.id IS NULL FROM (SELECT token_id AS k, max(consumer_id) AS k2, %1 %2 "
                             "GROUP BY token_id) g LEFT JOIN tokens t ON t.id = g.k "
                             "LEFT JOIN consumers c ON c.id = t.consumer_id LEFT JOIN consumers uc ON uc.id = g.k2");
        break;
    }
    auto query = sql::exec(m_db, statement.arg(source, where), values);
    if (!query)
        return query.error();
    QList<UsageRow> rows;
    while (query->next()) {
        UsageRow row;
        row.id = query->value(0).toLongLong();
        row.requests = query->value(2).toLongLong();
        row.tokensIn = query->value(3).toLongLong();
        row.tokensOut = query->value(4).toLongLong();
        switch (by) {
        case Grouping::Consumer:
            row.name = query->value(5).toString();
            row.deleted = row.id > 0 && query->value(5).isNull();
            break;
        case Grouping::Model:
            row.providerId = query->value(1).toLongLong();
            row.providerName = query->value(5).toString();
            row.model = query->value(6).toString();
            row.deleted = query->value(5).isNull();
            row.name = row.deleted ? QString() : row.providerName + u'/' + row.model;
            break;
        case Grouping::Token:
            row.name = query->value(5).toString();
            row.tokenHint = query->value(6).toString();
            row.consumerName = query->value(7).toString();
            row.deleted = query->value(8).toBool();
            break;
        }
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const UsageRow& a, const UsageRow& b) {
        if (a.totalTokens() != b.totalTokens())
            return a.totalTokens() > b.totalTokens();
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return a.label() < b.label();
    });
    return rows;
}

std::pair<QDate, QDate> UsageReport::lastDays(const QDateTime& nowUtc, int days)
{
    const QDate today = nowUtc.toUTC().date();
    return {today.addDays(-(qMax(1, days) - 1)), today};
}

bool UsageReport::parseGrouping(const QString& text, Grouping* by)
{
    if (text == QLatin1StringView("consumer"))
        *by = Grouping::Consumer;
    else if (text == QLatin1StringView("model"))
        *by = Grouping::Model;
    else if (text == QLatin1StringView("token"))
        *by = Grouping::Token;
    else
        return false;
    return true;
}

} // namespace gatehouse

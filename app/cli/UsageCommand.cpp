#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"

#include "core/catalog/Catalog.h"
#include "core/usage/UsageReport.h"

#include <QDateTime>
#include <QJsonObject>

namespace gatehouse::cli {

namespace {

using Grouping = UsageReport::Grouping;

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// Names that are gone are null in JSON (the id stays), "#7 (deleted)" in the table.
QJsonObject toJson(const UsageRow& row, Grouping by)
{
    QJsonObject object;
    switch (by) {
    case Grouping::Consumer:
        object = {{QStringLiteral("consumer"), textOrNull(row.name)},
            {QStringLiteral("consumer_id"), row.id > 0 ? QJsonValue(row.id) : QJsonValue()}};
        break;
    case Grouping::Model:
        object = {{QStringLiteral("model"), row.label()}, {QStringLiteral("provider"), textOrNull(row.providerName)},
            {QStringLiteral("provider_id"), row.providerId}, {QStringLiteral("model_name"), row.model}};
        break;
    case Grouping::Token:
        object = {{QStringLiteral("token"), textOrNull(row.name)}, {QStringLiteral("token_id"), row.id},
            {QStringLiteral("token_hint"), textOrNull(row.tokenHint)},
            {QStringLiteral("consumer"), textOrNull(row.consumerName)}};
        break;
    }
    object.insert(QStringLiteral("deleted"), row.deleted);
    object.insert(QStringLiteral("requests"), row.requests);
    object.insert(QStringLiteral("tokens_in"), row.tokensIn);
    object.insert(QStringLiteral("tokens_out"), row.tokensOut);
    object.insert(QStringLiteral("total_tokens"), row.totalTokens());
    return object;
}

} // namespace

int runUsageCommand(CliContext& context, QStringList args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("AI usage per UTC day, summed over the last N days (today included): requests and the prompt "
                       "(in) and completion (out) tokens the providers reported, most tokens first."));
    parser.addOptions({{QStringLiteral("by"), QStringLiteral("Group by consumer (default), model or token."),
                           QStringLiteral("consumer|model|token")},
        {QStringLiteral("days"), QStringLiteral("How many UTC days up to today (default 30)."), QStringLiteral("N")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("usage"), args, 0, exitCode))
        return exitCode;
    Grouping by = Grouping::Consumer;
    if (parser.isSet(QStringLiteral("by")) && !UsageReport::parseGrouping(parser.value(QStringLiteral("by")), &by)) {
        return context.usage(QStringLiteral("usage: --by must be consumer, model or token, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("by"))));
    }
    int days = 30;
    if (parser.isSet(QStringLiteral("days"))) {
        bool ok = false;
        days = parser.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || days <= 0 || days > UsageReport::kMaxDays) {
            return context.usage(
                QStringLiteral("usage: --days must be a whole number from 1 to %1").arg(UsageReport::kMaxDays));
        }
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const auto [from, to] = UsageReport::lastDays(QDateTime::currentDateTimeUtc(), days);
    auto rows = UsageReport(context.catalog()).summarize(by, from, to);
    if (!rows)
        return context.fail(rows.error());

    if (!context.json) {
        context.out() << "AI usage from " << from.toString(Qt::ISODate) << " to " << to.toString(Qt::ISODate)
                      << " (UTC days, today included)" << '\n';
    }
    QStringList headers;
    switch (by) {
    case Grouping::Consumer:
        headers = {QStringLiteral("CONSUMER")};
        break;
    case Grouping::Model:
        headers = {QStringLiteral("MODEL")};
        break;
    case Grouping::Token:
        headers = {QStringLiteral("TOKEN ID"), QStringLiteral("TOKEN"), QStringLiteral("CONSUMER")};
        break;
    }
    headers += {
        QStringLiteral("REQUESTS"), QStringLiteral("TOKENS IN"), QStringLiteral("TOKENS OUT"), QStringLiteral("TOTAL")};
    context.printList(
        *rows, [by](const UsageRow& row) { return toJson(row, by); }, headers,
        [by](const UsageRow& row) {
            QStringList cells;
            if (by == Grouping::Token) {
                const QString hint
                    = row.tokenHint.isEmpty() ? QString() : QStringLiteral(" (gth_...%1)").arg(row.tokenHint);
                cells = {QString::number(row.id), row.label() + hint,
                    row.consumerName.isEmpty() ? QStringLiteral("-") : row.consumerName};
            } else {
                cells = {row.label()};
            }
            return cells
                + QStringList {QString::number(row.requests), QString::number(row.tokensIn),
                    QString::number(row.tokensOut), QString::number(row.totalTokens())};
        });
    if (!context.json && rows->isEmpty())
        context.out() << "(no AI requests in this period)" << Qt::endl;
    return kExitOk;
}

} // namespace gatehouse::cli

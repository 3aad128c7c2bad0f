#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"

#include "core/catalog/AuditLog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::cli {

namespace {

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("limit"), QStringLiteral("How many events, newest first (default 50)."), QStringLiteral("N")},
            {QStringLiteral("filter"), QStringLiteral("Only events whose actor, action or subject contains TEXT."),
                QStringLiteral("TEXT")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("audit list"), args, 0, exitCode))
        return exitCode;
    AuditFilter filter;
    filter.limit = 50;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit <= 0)
            return context.usage(QStringLiteral("audit list: --limit must be a positive number"));
    }
    filter.text = parser.value(QStringLiteral("filter"));
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto events = context.audit().list(filter);
    if (!events)
        return context.fail(events.error());
    context.printList(
        *events, [](const AuditEvent& event) { return toJson(event); },
        {QStringLiteral("TIME"), QStringLiteral("ACTOR"), QStringLiteral("ACTION"), QStringLiteral("SUBJECT"),
            QStringLiteral("DETAILS")},
        [](const AuditEvent& event) {
            return QStringList {displayTime(event.time), event.actor, event.action, event.subject,
                QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact))};
        });
    return kExitOk;
}

} // namespace

int runAuditCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("audit"), std::move(args),
        QStringLiteral("usage: gatehouse-cli audit list [--limit N] [--filter TEXT]\n"),
        {{QStringLiteral("list"), list}});
}

} // namespace gatehouse::cli

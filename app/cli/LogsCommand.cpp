#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"

#include "core/catalog/Catalog.h"
#include "core/requestlog/RequestLogJson.h"
#include "core/requestlog/RequestLogReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace gatehouse::cli {

namespace {

void print(CliContext& context, const QList<LoggedRequest>& rows)
{
    for (const LoggedRequest& row : rows) {
        if (context.json) {
            context.out() << requestlogjson::line(row);
            continue;
        }
        const RequestEvent& e = row.event;
        context.out()
            << QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
            << "Z " << e.method << ' ' << e.path << ' ' << e.status << ' ' << (e.latencyUs / 1000.0) << "ms "
            << (e.apiName.isEmpty() ? QStringLiteral("-") : e.apiName) << ' '
            << (e.consumerName.isEmpty() ? QStringLiteral("-") : e.consumerName)
            << (row.tokenHint.isEmpty() ? QString() : QStringLiteral(" gth_...") + row.tokenHint) << ' ' << e.requestId
            << (e.error.isEmpty() ? QByteArray() : " error=" + e.error) << '\n';
    }
    context.out().flush();
}

} // namespace

int runLogsCommand(CliContext& context, QStringList args)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("follow"), QStringLiteral("Keep printing new requests as they are logged.")},
        {QStringLiteral("limit"), QStringLiteral("How many of the latest requests to show (default 50)."),
            QStringLiteral("N")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("logs"), args, 0, exitCode))
        return exitCode;
    int limit = 50;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return context.usage(QStringLiteral("logs: --limit must be a positive number"));
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const RequestLogReader reader(context.catalog());
    auto rows = reader.newestAfter(0, limit);
    if (!rows)
        return context.fail(rows.error());
    print(context, *rows);
    if (!parser.isSet(QStringLiteral("follow")))
        return kExitOk;

    // --limit is at least 1, so no rows means an empty log: follow it from the start.
    qint64 lastId = rows->isEmpty() ? 0 : rows->last().id;
    QTimer poll;
    poll.setInterval(250);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto fresh = reader.newestAfter(lastId, 10'000);
        if (!fresh) {
            QCoreApplication::exit(context.fail(fresh.error()));
            return;
        }
        if (!fresh->isEmpty()) {
            lastId = fresh->last().id;
            print(context, *fresh);
            return;
        }
        // Ids go down only when retention has emptied the whole log (30 days without a request) and SQLite
        // numbers rows from 1 again: follow the new log from its start instead of waiting for ids above lastId.
        auto newest = reader.newestId();
        if (newest && *newest < lastId)
            lastId = 0;
    });
    poll.start();
    return QCoreApplication::exec();
}

} // namespace gatehouse::cli

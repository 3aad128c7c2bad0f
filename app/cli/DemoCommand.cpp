#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/DemoCatalog.h"

#include <QJsonObject>

namespace gatehouse::cli {

int runDemoCommand(CliContext& context, QStringList args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("if-empty"), QStringLiteral("Succeed without doing anything when the catalog has data.")});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("demo"), args, 0, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    DemoCatalog demo(context.catalog().clock(), context.apis(), context.consumers(), context.tokens());
    if (parser.isSet(QStringLiteral("if-empty"))) {
        auto empty = demo.isEmpty();
        if (!empty)
            return context.fail(empty.error());
        if (!*empty) {
            if (context.json)
                context.printJson(QJsonObject {{QStringLiteral("tokens_created"), 0}});
            return kExitOk;
        }
    }
    auto created = demo.fill();
    if (!created)
        return context.fail(created.error());
    if (context.json)
        context.printJson(QJsonObject {{QStringLiteral("tokens_created"), *created}});
    else
        context.out() << "Filled the catalog in " << context.catalog().filePath() << " with demo data (" << *created
                      << " tokens; their plaintexts were discarded)." << Qt::endl;
    return kExitOk;
}

} // namespace gatehouse::cli

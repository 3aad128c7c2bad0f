#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"

#include "core/catalog/AliasService.h"

namespace gatehouse::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: gatehouse-cli alias add NAME --target PROVIDER/MODEL [--fallback PROVIDER/MODEL ...]\n"
    "       gatehouse-cli alias list | alias remove NAME\n"
    "\n"
    "A client that asks for the model NAME gets the target; on a connection failure, 429 or 5xx before any\n"
    "byte has reached it, the fallbacks are tried in order.\n");

int add(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The alias."));
    parser.addOptions(
        {{QStringLiteral("target"), QStringLiteral("The model it stands for."), QStringLiteral("PROVIDER/MODEL")},
            {QStringLiteral("fallback"), QStringLiteral("A model to try next (repeatable, in order)."),
                QStringLiteral("PROVIDER/MODEL")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("alias add"), args, 1, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("target")))
        return context.usage(QStringLiteral("alias add: --target PROVIDER/MODEL is required"));
    if (parser.values(QStringLiteral("target")).size() > 1)
        return context.usage(QStringLiteral("alias add: one --target; list the others with --fallback"));
    QList<ModelTarget> targets;
    auto target = AliasService::parseTarget(parser.value(QStringLiteral("target")), u"target");
    if (!target)
        return context.fail(target.error());
    targets.append(*target);
    for (const QString& text : parser.values(QStringLiteral("fallback"))) {
        auto fallback = AliasService::parseTarget(text, u"fallback");
        if (!fallback)
            return context.fail(fallback.error());
        targets.append(*fallback);
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto added = context.aliases().add(parser.positionalArguments().at(0), targets);
    if (!added)
        return context.fail(added.error());
    if (context.json) {
        context.printJson(toJson(*added));
        return kExitOk;
    }
    context.out() << "alias " << added->name << " -> " << added->targets.first().toString();
    for (qsizetype i = 1; i < added->targets.size(); ++i)
        context.out() << ", then " << added->targets.at(i).toString();
    context.out() << Qt::endl;
    return kExitOk;
}

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("alias list"), args, 0, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto aliases = context.aliases().list();
    if (!aliases)
        return context.fail(aliases.error());
    context.printList(
        *aliases, [](const ModelAlias& alias) { return toJson(alias); },
        {QStringLiteral("NAME"), QStringLiteral("TARGET"), QStringLiteral("FALLBACKS")},
        [](const ModelAlias& alias) {
            QStringList fallbacks;
            for (qsizetype i = 1; i < alias.targets.size(); ++i)
                fallbacks.append(alias.targets.at(i).toString());
            return QStringList {alias.name, alias.targets.isEmpty() ? QString() : alias.targets.first().toString(),
                fallbacks.isEmpty() ? QStringLiteral("-") : fallbacks.join(QStringLiteral(", "))};
        });
    return kExitOk;
}

int remove(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The alias."));
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("alias remove"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    if (auto removed = context.aliases().remove(name); !removed)
        return context.fail(removed.error());
    if (context.json)
        context.printJson(QJsonObject {{QStringLiteral("removed"), name}});
    else
        context.out() << "Removed alias " << name << Qt::endl;
    return kExitOk;
}

} // namespace

int runAliasCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("alias"), std::move(args), kUsage,
        {{QStringLiteral("add"), add}, {QStringLiteral("list"), list}, {QStringLiteral("remove"), remove}});
}

} // namespace gatehouse::cli

#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"
#include "app/cli/LimitOptions.h"

#include "core/catalog/ConsumerService.h"

#include <QJsonArray>

namespace gatehouse::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: gatehouse-cli consumer add NAME [--description TEXT] [--budget-daily TOKENS] [--budget-monthly TOKENS]\n"
    "       gatehouse-cli consumer update NAME [--description TEXT] [--rename NEW-NAME]\n"
    "                                     [--budget-daily TOKENS|none] [--budget-monthly TOKENS|none]\n"
    "       gatehouse-cli consumer list | consumer show NAME | consumer remove NAME [--revoke-tokens]\n"
    "budgets: AI tokens (prompt + completion) a UTC day or month that all of the consumer's tokens share\n");

void printConsumer(CliContext& context, const Consumer& consumer)
{
    if (context.json) {
        context.printJson(toJson(consumer));
        return;
    }
    context.out() << "name:           " << consumer.name << '\n'
                  << "description:    " << consumer.description << '\n'
                  << "active tokens:  " << consumer.activeTokens << '\n'
                  << "last used:      " << displayTime(consumer.lastUsed) << '\n'
                  << "created:        " << displayTime(consumer.created) << '\n'
                  << "AI budget:      " << describeBudget(consumer.budget) << '\n';
    context.out().flush();
}

int add(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The consumer's name."));
    parser.addOption({QStringLiteral("description"), QStringLiteral("What or who it is."), QStringLiteral("TEXT")});
    parser.addOptions(budgetOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("consumer add"), args, 1, exitCode))
        return exitCode;
    auto budget = readBudgetOptions(parser);
    if (!budget)
        return context.fail(budget.error());
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto added = context.consumers().add(
        parser.positionalArguments().at(0), parser.value(QStringLiteral("description")), *budget);
    if (!added)
        return context.fail(added.error());
    printConsumer(context, *added);
    return kExitOk;
}

int update(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The consumer's name."));
    parser.addOptions({{QStringLiteral("description"), QStringLiteral("What or who it is."), QStringLiteral("TEXT")},
        {QStringLiteral("rename"), QStringLiteral("A new name."), QStringLiteral("NEW-NAME")}});
    parser.addOptions(budgetOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("consumer update"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    auto existing = context.consumers().find(name);
    if (!existing)
        return context.fail(existing.error());
    const QString newName = parser.isSet(QStringLiteral("rename")) ? parser.value(QStringLiteral("rename")) : name;
    const QString description = parser.isSet(QStringLiteral("description"))
        ? parser.value(QStringLiteral("description"))
        : existing->description;
    auto budget = readBudgetOptions(parser, existing->budget);
    if (!budget)
        return context.fail(budget.error());
    auto updated = context.consumers().update(name, newName, description, *budget);
    if (!updated)
        return context.fail(updated.error());
    auto reread = context.consumers().find(updated->name);
    printConsumer(context, reread ? *reread : *updated);
    return kExitOk;
}

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("consumer list"), args, 0, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto consumers = context.consumers().list();
    if (!consumers)
        return context.fail(consumers.error());
    context.printList(
        *consumers, [](const Consumer& consumer) { return toJson(consumer); },
        {QStringLiteral("NAME"), QStringLiteral("ACTIVE"), QStringLiteral("LAST USED"), QStringLiteral("DESCRIPTION")},
        [](const Consumer& consumer) {
            return QStringList {consumer.name, QString::number(consumer.activeTokens), displayTime(consumer.lastUsed),
                consumer.description};
        });
    return kExitOk;
}

int show(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The consumer's name."));
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("consumer show"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto consumer = context.consumers().find(parser.positionalArguments().at(0));
    if (!consumer)
        return context.fail(consumer.error());
    printConsumer(context, *consumer);
    return kExitOk;
}

int remove(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The consumer's name."));
    parser.addOption(
        {QStringLiteral("revoke-tokens"), QStringLiteral("Revoke its active tokens instead of refusing.")});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("consumer remove"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    const auto policy = parser.isSet(QStringLiteral("revoke-tokens")) ? ConsumerService::TokenPolicy::RevokeActive
                                                                      : ConsumerService::TokenPolicy::RefuseIfActive;
    if (auto removed = context.consumers().remove(name, policy); !removed)
        return context.fail(removed.error());
    if (context.json)
        context.printJson(QJsonObject {{QStringLiteral("removed"), name}});
    else
        context.out() << "Removed consumer " << name << Qt::endl;
    return kExitOk;
}

} // namespace

int runConsumerCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("consumer"), std::move(args), kUsage,
        {{QStringLiteral("add"), add}, {QStringLiteral("update"), update}, {QStringLiteral("list"), list},
            {QStringLiteral("show"), show}, {QStringLiteral("remove"), remove}});
}

} // namespace gatehouse::cli

// gatehouse-cli: manage the catalog (and, later, run the gateway) without a screen.
// This file only wires: global options, then the command group's own parser.

#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"

#include <QCoreApplication>

#include <functional>
#include <map>

using namespace gatehouse::cli;

namespace {

const char kUsage[]
    = "usage: gatehouse-cli [--data-dir DIR] [--json] COMMAND\n"
      "\n"
      "  api add NAME --upstream URL [--prefix /path] [--strip-prefix] [--timeout 30s]\n"
      "  api update NAME [...] | api list | api show NAME | api remove NAME\n"
      "  consumer add NAME [--description TEXT] [--budget-daily TOKENS] [--budget-monthly TOKENS]\n"
      "  consumer update NAME [...]\n"
      "  consumer list | consumer show NAME | consumer remove NAME [--revoke-tokens]\n"
      "  token create --consumer NAME --scope SCOPE [--scope SCOPE ...] --ttl DURATION [--name LABEL]\n"
      "  token list [--consumer NAME] [--state active|expiring|expired|revoked] [--within 7d]\n"
      "  token show ID | token revoke ID [--reason TEXT] | token rotate ID [--grace DURATION]\n"
      "  token limits ID [--rate-limit RATE] [--budget-daily TOKENS] [--budget-monthly TOKENS] [--ai-rpm N]\n"
      "               [--ai-tpm TOKENS]\n"
      "  audit list [--limit N] [--filter TEXT]\n"
      "  provider add NAME --type TYPE [--base-url URL] [--model M ...] [--key-stdin]\n"
      "  provider list | provider models NAME [--refresh] | provider test NAME | provider remove NAME\n"
      "  alias add NAME --target PROVIDER/MODEL [--fallback PROVIDER/MODEL ...] | alias list | alias remove NAME\n"
      "  demo [--if-empty]          fill an empty catalog with a small, realistic demo set\n"
      "  demo --traffic [--gateway URL] [--rate N] [--duration 30s]   send demo requests through a gateway\n"
      "  serve [--listen ADDR:PORT] [--admin-listen ADDR:PORT] [--workers N] [--no-admin] [--allow-non-loopback]\n"
      "        [--max-connections N] [--log-retention 30d]\n"
      "  logs [--follow] [--json] [--limit N]\n"
      "  usage [--by consumer|model|token] [--days N]   AI requests and tokens per consumer, model or token\n"
      "  --version | --help\n"
      "\n"
      "The catalog lives in --data-dir, else $GATEHOUSE_DATA_DIR, else ~/.local/share/gatehouse.\n"
      "Provider keys live in the OS keychain (Secret Service), else in secrets.enc in the data directory,\n"
      "encrypted under $GATEHOUSE_SECRETS_PASSPHRASE or the passphrase in secrets.key (mode 600).\n"
      "Exit codes: 0 done, 1 runtime failure, 2 bad usage or invalid input.\n";

} // namespace

int main(int argc, char** argv)
{
    // Qt's own Unix event dispatcher: the GLib one costs the gateway about a third of its
    // throughput in socket-notifier bookkeeping (see bench/gateway.sh). Headless, nothing needs GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));

    CliContext context;
    QStringList args = QCoreApplication::arguments().mid(1);
    // Global options come before the command; the command's parser accepts them too.
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString option = args.takeFirst();
        if (option == QLatin1StringView("--json")) {
            context.json = true;
        } else if (option == QLatin1StringView("--data-dir")) {
            if (args.isEmpty())
                return context.usage(QStringLiteral("--data-dir needs a directory"));
            context.dataDir = args.takeFirst();
        } else if (option.startsWith(QLatin1StringView("--data-dir="))) {
            context.dataDir = option.mid(11);
        } else if (option == QLatin1StringView("--version")) {
            context.out() << "gatehouse-cli " << GATEHOUSE_VERSION << Qt::endl;
            return kExitOk;
        } else if (option == QLatin1StringView("--help") || option == QLatin1StringView("-h")) {
            context.out() << kUsage;
            return kExitOk;
        } else {
            return context.usage(QStringLiteral("unknown option \"%1\" (see gatehouse-cli --help)").arg(option));
        }
    }
    if (args.isEmpty())
        return context.usage(QStringLiteral("a command is required (see gatehouse-cli --help)"));

    const std::map<QString, std::function<int(CliContext&, QStringList)>> commands = {
        {QStringLiteral("api"), runApiCommand},
        {QStringLiteral("consumer"), runConsumerCommand},
        {QStringLiteral("token"), runTokenCommand},
        {QStringLiteral("audit"), runAuditCommand},
        {QStringLiteral("demo"), runDemoCommand},
        {QStringLiteral("serve"), runServeCommand},
        {QStringLiteral("logs"), runLogsCommand},
        {QStringLiteral("provider"), runProviderCommand},
        {QStringLiteral("alias"), runAliasCommand},
        {QStringLiteral("usage"), runUsageCommand},
    };
    const QString command = args.takeFirst();
    if (command == QLatin1StringView("help")) {
        context.out() << kUsage;
        return kExitOk;
    }
    const auto found = commands.find(command);
    if (found == commands.end())
        return context.usage(QStringLiteral("unknown command \"%1\" (see gatehouse-cli --help)").arg(command));
    return found->second(context, args);
}

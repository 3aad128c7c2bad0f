#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"

#include "core/catalog/ApiService.h"
#include "core/common/ByteSize.h"
#include "core/tokens/Duration.h"

#include <QJsonArray>

namespace gatehouse::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: gatehouse-cli api add NAME --upstream URL [--prefix /path] [--strip-prefix] [--timeout 30s]\n"
    "                                  [--max-body 10m] [--rate-limit 100/s]\n"
    "       gatehouse-cli api update NAME [--upstream URL] [--prefix /path] [--strip-prefix | --no-strip-prefix]\n"
    "                                     [--timeout 30s] [--max-body 10m] [--rate-limit 100/s] [--rename NEW-NAME]\n"
    "       gatehouse-cli api list | api show NAME | api remove NAME\n");

void printApi(CliContext& context, const Api& api)
{
    if (context.json) {
        context.printJson(toJson(api));
        return;
    }
    context.out() << "name:          " << api.name << '\n'
                  << "upstream:      " << api.upstream.toString() << '\n'
                  << "prefix:        " << api.prefix << '\n'
                  << "strip prefix:  " << (api.stripPrefix ? "yes" : "no") << '\n'
                  << "timeout:       " << tokens::formatDuration(api.timeoutMs) << '\n'
                  << "max body:      " << formatByteSize(api.maxBodyBytes) << '\n'
                  << "rate limit:    " << (api.rateLimit.isEmpty() ? QStringLiteral("none") : api.rateLimit) << '\n'
                  << "created:       " << displayTime(api.created) << '\n'
                  << "updated:       " << displayTime(api.updated) << '\n';
    context.out().flush();
}

QCommandLineOption upstreamOption()
{
    return {
        QStringLiteral("upstream"), QStringLiteral("The upstream base URL (http or https)."), QStringLiteral("URL")};
}
QCommandLineOption prefixOption()
{
    return {
        QStringLiteral("prefix"), QStringLiteral("The gateway path prefix (default /NAME)."), QStringLiteral("PATH")};
}
QCommandLineOption timeoutOption()
{
    return {QStringLiteral("timeout"), QStringLiteral("Upstream timeout (default 30s)."), QStringLiteral("DURATION")};
}
QList<QCommandLineOption> limitOptions()
{
    return {{QStringLiteral("max-body"), QStringLiteral("Largest request body (default 10m)."), QStringLiteral("SIZE")},
        {QStringLiteral("rate-limit"), QStringLiteral("Default per-token rate on this API: 100/s, 600/m, none."),
            QStringLiteral("RATE")}};
}

// Applies --timeout, --max-body and --rate-limit to `spec`; returns an error for bad values.
Result<void> applyLimits(const QCommandLineParser& parser, ApiSpec& spec)
{
    if (parser.isSet(QStringLiteral("timeout"))) {
        auto timeout = tokens::parseDurationMs(parser.value(QStringLiteral("timeout")), u"timeout");
        if (!timeout)
            return timeout.error();
        spec.timeoutMs = *timeout;
    }
    if (parser.isSet(QStringLiteral("max-body"))) {
        auto size = parseByteSize(parser.value(QStringLiteral("max-body")), u"max-body");
        if (!size)
            return size.error();
        spec.maxBodyBytes = *size;
    }
    if (parser.isSet(QStringLiteral("rate-limit")))
        spec.rateLimit = parser.value(QStringLiteral("rate-limit"));
    return {};
}

QCommandLineOption stripOption()
{
    return {QStringLiteral("strip-prefix"), QStringLiteral("Remove the prefix before forwarding.")};
}

int add(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The API's name."));
    parser.addOptions({upstreamOption(), prefixOption(), timeoutOption(), stripOption()});
    parser.addOptions(limitOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("api add"), args, 1, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("upstream")))
        return context.usage(QStringLiteral("api add: --upstream URL is required"));
    ApiSpec spec;
    spec.name = parser.positionalArguments().at(0);
    spec.upstream = parser.value(QStringLiteral("upstream"));
    spec.prefix = parser.value(QStringLiteral("prefix"));
    spec.stripPrefix = parser.isSet(QStringLiteral("strip-prefix"));
    if (auto limits = applyLimits(parser, spec); !limits)
        return context.fail(limits.error());
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto added = context.apis().add(spec);
    if (!added)
        return context.fail(added.error());
    printApi(context, *added);
    return kExitOk;
}

int update(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The API's name."));
    parser.addOptions({upstreamOption(), prefixOption(), timeoutOption(), stripOption(),
        {QStringLiteral("no-strip-prefix"), QStringLiteral("Forward the path with its prefix.")},
        {QStringLiteral("rename"), QStringLiteral("A new name."), QStringLiteral("NEW-NAME")}});
    parser.addOptions(limitOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("api update"), args, 1, exitCode))
        return exitCode;
    if (parser.isSet(QStringLiteral("strip-prefix")) && parser.isSet(QStringLiteral("no-strip-prefix")))
        return context.usage(QStringLiteral("api update: --strip-prefix and --no-strip-prefix exclude each other"));
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    auto existing = context.apis().find(name);
    if (!existing)
        return context.fail(existing.error());
    ApiSpec spec {existing->name, existing->upstream.toString(), existing->prefix, existing->stripPrefix,
        existing->timeoutMs, existing->maxBodyBytes, existing->rateLimit};
    if (parser.isSet(QStringLiteral("rename")))
        spec.name = parser.value(QStringLiteral("rename"));
    if (parser.isSet(QStringLiteral("upstream")))
        spec.upstream = parser.value(QStringLiteral("upstream"));
    if (parser.isSet(QStringLiteral("prefix")))
        spec.prefix = parser.value(QStringLiteral("prefix"));
    if (parser.isSet(QStringLiteral("strip-prefix")))
        spec.stripPrefix = true;
    if (parser.isSet(QStringLiteral("no-strip-prefix")))
        spec.stripPrefix = false;
    if (auto limits = applyLimits(parser, spec); !limits)
        return context.fail(limits.error());
    auto updated = context.apis().update(name, spec);
    if (!updated)
        return context.fail(updated.error());
    printApi(context, *updated);
    return kExitOk;
}

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("api list"), args, 0, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto apis = context.apis().list();
    if (!apis)
        return context.fail(apis.error());
    context.printList(
        *apis, [](const Api& api) { return toJson(api); },
        {QStringLiteral("NAME"), QStringLiteral("PREFIX"), QStringLiteral("UPSTREAM"), QStringLiteral("STRIP"),
            QStringLiteral("TIMEOUT")},
        [](const Api& api) {
            return QStringList {api.name, api.prefix, api.upstream.toString(),
                api.stripPrefix ? QStringLiteral("yes") : QStringLiteral("no"), tokens::formatDuration(api.timeoutMs)};
        });
    return kExitOk;
}

int showOrRemove(CliContext& context, const QStringList& args, bool remove)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The API's name."));
    int exitCode = 0;
    if (!context.parse(parser, remove ? QStringLiteral("api remove") : QStringLiteral("api show"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    if (!remove) {
        auto api = context.apis().find(name);
        if (!api)
            return context.fail(api.error());
        printApi(context, *api);
        return kExitOk;
    }
    if (auto removed = context.apis().remove(name); !removed)
        return context.fail(removed.error());
    if (context.json)
        context.printJson(QJsonObject {{QStringLiteral("removed"), name}});
    else
        context.out() << "Removed API " << name << Qt::endl;
    return kExitOk;
}

} // namespace

int runApiCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("api"), std::move(args), kUsage,
        {{QStringLiteral("add"), add}, {QStringLiteral("update"), update}, {QStringLiteral("list"), list},
            {QStringLiteral("show"), [](CliContext& c, const QStringList& a) { return showOrRemove(c, a, false); }},
            {QStringLiteral("remove"), [](CliContext& c, const QStringList& a) { return showOrRemove(c, a, true); }}});
}

} // namespace gatehouse::cli

#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/DemoTraffic.h"
#include "app/cli/DemoUpstream.h"
#include "app/cli/SignalWatcher.h"

#include "core/catalog/ApiService.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/DemoCatalog.h"
#include "core/catalog/TokenService.h"
#include "core/common/Clock.h"
#include "core/tokens/Duration.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

namespace gatehouse::cli {

namespace {

const QString kTrafficTokenName = QStringLiteral("demo-traffic");

// Who calls, and with what: one token per consumer, read-only except the CI pipeline's, so that some
// writes are refused with 403 insufficient_scope and some go through.
struct TrafficCaller
{
    QString consumer;
    QString scope;
};
const QList<TrafficCaller>& trafficCallers()
{
    static const QList<TrafficCaller> callers = {
        {QStringLiteral("data-team"), QStringLiteral("api:inventory:read")},
        {QStringLiteral("ci-pipeline"), QStringLiteral("api:inventory")},
        {QStringLiteral("partner-acme"), QStringLiteral("api:inventory:read")},
    };
    return callers;
}

int fillDemo(CliContext& context, bool ifEmpty)
{
    DemoCatalog demo(context.catalog().clock(), context.apis(), context.consumers(), context.tokens());
    demo.addAi(context.providers(), context.aliases());
    if (ifEmpty) {
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

// Waits on the event loop until `done()` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() >= timeoutMs)
            loop.quit();
    });
    poll.start(20);
    if (!done())
        loop.exec();
    return done();
}

int runTraffic(CliContext& context, const QUrl& gateway, int rate, qint64 durationMs)
{
    // A fresh data directory gets the demo first, so that one command shows everything.
    DemoCatalog demo(context.catalog().clock(), context.apis(), context.consumers(), context.tokens());
    demo.addAi(context.providers(), context.aliases());
    if (auto empty = demo.isEmpty(); !empty) {
        return context.fail(empty.error());
    } else if (*empty) {
        if (auto filled = demo.fill(); !filled)
            return context.fail(filled.error());
    }
    auto inventory = context.apis().find(QStringLiteral("inventory"));
    if (!inventory)
        return context.fail(Error::notFound(QStringLiteral("api"),
            QStringLiteral("demo --traffic calls the demo's \"inventory\" API, which this catalog does not have")));

    // The inventory service itself, when the API points at this machine and nothing serves it yet.
    DemoUpstream upstream;
    const QUrl upstreamUrl = inventory->upstream;
    const QHostAddress upstreamHost(
        upstreamUrl.host() == QLatin1StringView("localhost") ? QStringLiteral("127.0.0.1") : upstreamUrl.host());
    bool servingUpstream = false;
    if (upstreamUrl.scheme() == QLatin1StringView("http") && upstreamHost.isLoopback())
        servingUpstream = bool(upstream.listen(upstreamHost, quint16(upstreamUrl.port(80))));

    // Short-lived tokens, revoked again when the traffic stops.
    QList<QByteArray> callers;
    QList<qint64> tokenIds;
    const QDateTime now = context.catalog().clock().now();
    for (const TrafficCaller& spec : trafficCallers()) {
        TokenRequest request;
        request.consumer = spec.consumer;
        request.name = kTrafficTokenName;
        request.scopes = {spec.scope};
        request.expiry.at = now.addMSecs(tokens::kHourMs);
        auto issued = context.tokens().create(request);
        if (!issued)
            return context.fail(issued.error());
        tokenIds.append(issued->token.id);
        callers.append(issued->plaintext.view().toByteArray());
    }
    auto revokeAll = [&] {
        for (qint64 id : tokenIds)
            (void)context.tokens().revoke(id, QStringLiteral("demo traffic stopped"));
    };

    DemoTraffic traffic(gateway, callers);
    // The gateway must answer, and know the new tokens (another process sees them within 250 ms).
    DemoTraffic probe(gateway, {callers.first()});
    int lastStatus = -1;
    QObject::connect(&probe, &DemoTraffic::answeredOne, [&lastStatus](int status) { lastStatus = status; });
    bool ready = false;
    QElapsedTimer waited;
    waited.start();
    while (!ready && waited.elapsed() < 5000) {
        lastStatus = -1;
        probe.sendOne();
        waitFor([&] { return lastStatus != -1; }, 2000);
        ready = lastStatus > 0 && lastStatus != 401;
        if (!ready)
            waitFor([] { return false; }, 100);
    }
    if (!ready) {
        revokeAll();
        return context.fail(Error::runtime(lastStatus <= 0
                ? QStringLiteral("no gateway answers at %1; start the console or `gatehouse-cli serve` first")
                      .arg(gateway.toString())
                : QStringLiteral("the gateway at %1 does not accept tokens from this catalog (is it serving another "
                                 "data directory?)")
                      .arg(gateway.toString())));
    }

    if (!context.json)
        context.out()
            << "Sending about " << rate << " requests a second to " << gateway.toString()
            << (servingUpstream ? QStringLiteral(", with the demo inventory service on %1").arg(upstreamUrl.authority())
                                : QString())
            << (durationMs > 0 ? QStringLiteral(" for %1").arg(tokens::formatDuration(durationMs))
                               : QStringLiteral("; Ctrl+C stops"))
            << '.' << Qt::endl;

    QEventLoop loop;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    if (durationMs > 0)
        QTimer::singleShot(durationMs, &loop, &QEventLoop::quit);
    traffic.start(rate);
    loop.exec();
    traffic.stop();
    // The answers still on their way are counted, briefly.
    waitFor([&] { return traffic.answered() + traffic.failed() == traffic.sent(); }, 2000);
    revokeAll();

    QJsonObject statuses;
    for (auto it = traffic.statuses().cbegin(); it != traffic.statuses().cend(); ++it)
        statuses.insert(QString::number(it.key()), it.value());
    if (context.json) {
        context.printJson(QJsonObject {{QStringLiteral("sent"), traffic.sent()},
            {QStringLiteral("answered"), traffic.answered()}, {QStringLiteral("failed"), traffic.failed()},
            {QStringLiteral("statuses"), statuses}, {QStringLiteral("upstream_served"), servingUpstream},
            {QStringLiteral("tokens_revoked"), tokenIds.size()}});
    } else {
        QStringList counts;
        for (auto it = traffic.statuses().cbegin(); it != traffic.statuses().cend(); ++it)
            counts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
        context.out() << "Sent " << traffic.sent() << " requests: " << counts.join(QStringLiteral(", "))
                      << (traffic.failed() ? QStringLiteral("; %1 without an answer").arg(traffic.failed()) : QString())
                      << ". The demo-traffic tokens are revoked." << Qt::endl;
    }
    return kExitOk;
}

} // namespace

int runDemoCommand(CliContext& context, QStringList args)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("if-empty"), QStringLiteral("Succeed without doing anything when the catalog has data.")},
        {QStringLiteral("traffic"),
            QStringLiteral("Send a realistic mix of requests through a running gateway (filling an empty catalog "
                           "with the demo first) until Ctrl+C or --duration.")},
        {QStringLiteral("gateway"), QStringLiteral("The gateway to call (default http://127.0.0.1:8080)."),
            QStringLiteral("URL")},
        {QStringLiteral("rate"), QStringLiteral("Requests per second (default 20, at most 5000)."),
            QStringLiteral("N")},
        {QStringLiteral("duration"), QStringLiteral("Stop after this long, e.g. 30s or 5m (default: until Ctrl+C)."),
            QStringLiteral("DURATION")},
    });
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("demo"), args, 0, exitCode))
        return exitCode;
    const bool traffic = parser.isSet(QStringLiteral("traffic"));
    for (const QString& option : {QStringLiteral("gateway"), QStringLiteral("rate"), QStringLiteral("duration")}) {
        if (!traffic && parser.isSet(option))
            return context.usage(QStringLiteral("demo: --%1 needs --traffic").arg(option));
    }
    if (traffic && parser.isSet(QStringLiteral("if-empty")))
        return context.usage(QStringLiteral("demo: --traffic and --if-empty do not go together"));

    QUrl gateway(QStringLiteral("http://127.0.0.1:8080"));
    int rate = 20;
    qint64 durationMs = 0;
    if (traffic) {
        if (parser.isSet(QStringLiteral("gateway"))) {
            gateway = QUrl(parser.value(QStringLiteral("gateway")), QUrl::StrictMode);
            if (!gateway.isValid() || gateway.scheme() != QLatin1StringView("http") || gateway.host().isEmpty())
                return context.usage(QStringLiteral("demo: --gateway must be an http:// URL, not \"%1\"")
                                         .arg(parser.value(QStringLiteral("gateway"))));
        }
        if (parser.isSet(QStringLiteral("rate"))) {
            bool ok = false;
            rate = parser.value(QStringLiteral("rate")).toInt(&ok);
            if (!ok || rate < 1 || rate > 5000)
                return context.usage(QStringLiteral("demo: --rate must be a whole number from 1 to 5000, not \"%1\"")
                                         .arg(parser.value(QStringLiteral("rate"))));
        }
        if (parser.isSet(QStringLiteral("duration"))) {
            auto parsed = tokens::parseDurationMs(parser.value(QStringLiteral("duration")), u"duration");
            if (!parsed)
                return context.fail(parsed.error());
            durationMs = *parsed;
        }
    }

    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    if (traffic)
        return runTraffic(context, gateway, rate, durationMs);
    return fillDemo(context, parser.isSet(QStringLiteral("if-empty")));
}

} // namespace gatehouse::cli

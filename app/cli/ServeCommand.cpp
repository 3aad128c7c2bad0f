#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/FileLimit.h"
#include "app/cli/SignalWatcher.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/ProviderService.h"
#include "core/common/ByteSize.h"
#include "core/common/Clock.h"
#include "core/gateway/Engine.h"
#include "core/gateway/TrustedProxies.h"
#include "core/gateway/UpstreamTls.h"
#include "core/tokens/Duration.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace gatehouse::cli {

namespace {

// "127.0.0.1:8080", "[::1]:8080" or ":8080" (loopback).
bool parseAddress(const QString& text, QHostAddress& address, quint16& port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    port = quint16(value);
    if (host.isEmpty() || host == QLatin1StringView("localhost")) {
        address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    return address.setAddress(host);
}

QString describe(const QHostAddress& address, quint16 port)
{
    const QString host
        = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    return host + u':' + QString::number(port);
}

} // namespace

int runServeCommand(CliContext& context, QStringList args)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("listen"), QStringLiteral("Address and port to serve on (default 127.0.0.1:8080)."),
            QStringLiteral("ADDR:PORT")},
        {QStringLiteral("admin-listen"),
            QStringLiteral("Loopback address for /healthz and /metrics (default 127.0.0.1:8081)."),
            QStringLiteral("ADDR:PORT")},
        {QStringLiteral("no-admin"), QStringLiteral("Do not open the admin listener.")},
        {QStringLiteral("workers"), QStringLiteral("Worker threads (default: one per core)."), QStringLiteral("N")},
        {QStringLiteral("allow-non-loopback"),
            QStringLiteral("Allow --listen on an address other machines can reach.")},
        {QStringLiteral("max-connections"), QStringLiteral("Open client connections at most (default 10000)."),
            QStringLiteral("N")},
        {QStringLiteral("log-retention"), QStringLiteral("Remove request-log rows older than this (default 30d)."),
            QStringLiteral("DURATION")},
        {QStringLiteral("log-max-size"),
            QStringLiteral("Remove the oldest request-log rows when the catalog file's live data exceeds this, down "
                           "to 90% of it (default 1GiB; 512M, 1G, 1GiB; 0: no cap)."),
            QStringLiteral("SIZE")},
        {QStringLiteral("trusted-proxy"),
            QStringLiteral("A proxy in front of the gateway whose X-Forwarded-For is appended to rather than replaced "
                           "(repeatable; 10.0.0.0/8, 2001:db8::/32, or one address)."),
            QStringLiteral("CIDR")},
        {QStringLiteral("upstream-ca"),
            QStringLiteral("Also trust the CA certificates in this PEM file for https upstreams (repeatable; the "
                           "system's CAs stay trusted)."),
            QStringLiteral("FILE")},
    });
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("serve"), args, 0, exitCode))
        return exitCode;

    gateway::EngineConfig config;
    if (parser.isSet(QStringLiteral("listen"))
        && !parseAddress(parser.value(QStringLiteral("listen")), config.address, config.port)) {
        return context.usage(QStringLiteral("serve: --listen must be ADDR:PORT, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("listen"))));
    }
    if (parser.isSet(QStringLiteral("admin-listen"))
        && !parseAddress(parser.value(QStringLiteral("admin-listen")), config.adminAddress, config.adminPort)) {
        return context.usage(QStringLiteral("serve: --admin-listen must be ADDR:PORT, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("admin-listen"))));
    }
    config.adminEnabled = !parser.isSet(QStringLiteral("no-admin"));
    if (parser.isSet(QStringLiteral("workers"))) {
        bool ok = false;
        config.workers = parser.value(QStringLiteral("workers")).toInt(&ok);
        if (!ok || config.workers < 1 || config.workers > 256)
            return context.usage(QStringLiteral("serve: --workers must be a number from 1 to 256"));
    }
    if (parser.isSet(QStringLiteral("max-connections"))) {
        bool ok = false;
        config.maxConnections = parser.value(QStringLiteral("max-connections")).toInt(&ok);
        if (!ok || config.maxConnections < 1 || config.maxConnections > 1'000'000)
            return context.usage(QStringLiteral("serve: --max-connections must be a number from 1 to 1000000"));
    }
    // Each connection costs descriptors: take all the system allows, and promise no more connections than fit.
    if (const qint64 fileLimit = FileLimit::raiseToHard(); fileLimit > 0) {
        const int fitting = FileLimit::maxConnectionsFor(fileLimit, config.workers);
        if (config.maxConnections > fitting) {
            if (parser.isSet(QStringLiteral("max-connections"))) {
                context.err() << "gatehouse-cli: warning: --max-connections lowered to " << fitting << ", all that "
                              << fileLimit << " open files (RLIMIT_NOFILE) allow" << Qt::endl;
            }
            config.maxConnections = fitting;
        }
    }
    if (parser.isSet(QStringLiteral("log-retention"))) {
        auto retention = tokens::parseDurationMs(parser.value(QStringLiteral("log-retention")), u"log-retention");
        if (!retention)
            return context.fail(retention.error());
        config.logRetentionMs = *retention;
    }
    if (parser.isSet(QStringLiteral("log-max-size"))) {
        auto size = parseByteSize(parser.value(QStringLiteral("log-max-size")), u"log-max-size");
        if (!size)
            return context.usage(QStringLiteral("serve: --") + size.error().toString());
        config.logMaxBytes = *size;
    }
    for (const QString& value : parser.values(QStringLiteral("trusted-proxy"))) {
        auto subnet = gateway::parseTrustedProxy(value);
        if (!subnet)
            return context.usage(QStringLiteral("serve: --") + subnet.error().toString());
        config.trustedProxies.append(*subnet);
    }
    for (const QString& path : parser.values(QStringLiteral("upstream-ca"))) {
        auto certificates = gateway::UpstreamTls::loadCaCertificates(path);
        if (!certificates)
            return context.usage(QStringLiteral("serve: --") + certificates.error().toString());
        config.upstreamCaCertificates += *certificates;
    }
    config.allowNonLoopback = parser.isSet(QStringLiteral("allow-non-loopback"));
    if (!config.address.isLoopback() && config.allowNonLoopback) {
        context.err() << "gatehouse-cli: warning: listening on " << config.address.toString()
                      << ", which other machines can reach" << Qt::endl;
    }

    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    gateway::Engine engine(context.catalog(), Clock::system());
    // AI providers' keys: only looked for when a provider has one (choosing a store may probe D-Bus). Without a
    // store the gateway still serves; requests to those providers get 502 saying their key is unavailable.
    auto providers = context.providers().list();
    const bool keysNeeded = providers
        && std::any_of(
            providers->cbegin(), providers->cend(), [](const Provider& provider) { return provider.hasKey; });
    if (keysNeeded) {
        if (auto store = context.secretStore(); store)
            engine.setSecretStore(*store);
        else
            context.err() << "gatehouse-cli: warning: AI provider keys are unavailable: " << store.error().toString()
                          << Qt::endl;
    }
    if (auto started = engine.start(config); !started)
        return context.fail(started.error());

    // Before the line below announces readiness: a supervisor may send SIGTERM as soon as it reads it.
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &engine, [&engine] {
        // Stop accepting, let in-flight requests finish for up to 10 s, flush the log.
        engine.stop(10'000);
        QCoreApplication::exit(0);
    });

    const QString listen = describe(config.address, engine.port());
    const QString admin = config.adminEnabled ? describe(config.adminAddress, engine.adminPort()) : QString();
    if (context.json) {
        QJsonObject line {{QStringLiteral("listen"), listen},
            {QStringLiteral("admin"), admin.isEmpty() ? QJsonValue() : QJsonValue(admin)},
            {QStringLiteral("revision"), engine.snapshotRevision()}};
        context.out() << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "gatehouse: listening on http://" << listen
                      << (admin.isEmpty() ? QString() : QStringLiteral(" (admin http://%1)").arg(admin)) << ", catalog "
                      << context.catalog().filePath() << Qt::endl;
    }

    return QCoreApplication::exec();
}

} // namespace gatehouse::cli

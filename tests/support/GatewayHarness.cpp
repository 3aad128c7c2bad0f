#include "tests/support/GatewayHarness.h"

#include "core/tokens/TokenHash.h"

namespace gatehouse::test {

GatewayHarness::GatewayHarness()
    : engine(catalog.catalog, catalog.clock)
{
    catalog.clock.set(QDateTime::currentDateTimeUtc());
    if (!catalog.consumers.add(QStringLiteral("tester"), QStringLiteral("the test suite")))
        qWarning("cannot add the test consumer");
}

GatewayHarness::~GatewayHarness()
{
    engine.stop(0);
}

bool GatewayHarness::start(gateway::EngineConfig config)
{
    config.port = 0;
    config.adminPort = 0;
    if (config.workers > 2)
        config.workers = 2;
    auto started = engine.start(config);
    if (!started)
        qWarning("engine did not start: %s", qPrintable(started.error().toString()));
    return started.ok();
}

bool GatewayHarness::addApi(const QString& name, const QUrl& upstream, const QString& prefix, bool stripPrefix,
    qint64 timeoutMs, qint64 maxBodyBytes, const QString& rateLimit)
{
    auto added = catalog.apis.add({name, upstream.toString(), prefix, stripPrefix, timeoutMs, maxBodyBytes, rateLimit});
    if (!added)
        qWarning("cannot add API %s: %s", qPrintable(name), qPrintable(added.error().toString()));
    return added.ok();
}

QByteArray GatewayHarness::issueToken(const QStringList& scopes, qint64 ttlMs, const QString& rateLimit)
{
    tokens::Expiry expiry;
    expiry.at = catalog.clock.now().addMSecs(ttlMs);
    auto issued
        = catalog.tokens.create({QStringLiteral("tester"), QStringLiteral("test token"), scopes, expiry, rateLimit});
    if (!issued) {
        qWarning("cannot issue a token: %s", qPrintable(issued.error().toString()));
        return {};
    }
    return issued->plaintext.view().toByteArray();
}

qint64 GatewayHarness::tokenId(const QByteArray& plaintext)
{
    auto token = catalog.tokens.findBySecret(plaintext);
    return token ? token->id : 0;
}

QList<LoggedRequest> GatewayHarness::logRows()
{
    engine.flushLog();
    RequestLogStore store(catalog.catalog.database());
    auto rows = store.recent(100'000);
    return rows ? *rows : QList<LoggedRequest>();
}

} // namespace gatehouse::test

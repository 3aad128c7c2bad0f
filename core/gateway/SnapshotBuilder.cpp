#include "core/gateway/SnapshotBuilder.h"

#include "core/catalog/sql/SnapshotQueries.h"
#include "core/gateway/AiExchange.h"
#include "core/gateway/UpstreamConnection.h"
#include "core/gateway/UpstreamProxy.h"

namespace gatehouse::gateway {

bool SnapshotBuilder::fillUpstream(Route& route, const QUrl& upstream)
{
    if (!upstream.isValid() || upstream.host().isEmpty())
        return false;
    route.upstreamTls = upstream.scheme() == QLatin1StringView("https");
    route.upstreamHost = upstream.host(QUrl::FullyEncoded).toLatin1();
    route.upstreamPort = quint16(upstream.port(route.upstreamTls ? 443 : 80));
    QByteArray path = upstream.path(QUrl::FullyEncoded).toLatin1();
    while (path.endsWith('/'))
        path.chop(1);
    route.upstreamBasePath = path;
    route.upstreamHostHeader = route.upstreamHost;
    if (route.upstreamPort != (route.upstreamTls ? 443 : 80))
        route.upstreamHostHeader += ':' + QByteArray::number(route.upstreamPort);
    route.upstreamPoolKey = UpstreamConnection::poolKey(route.upstreamHost, route.upstreamPort, route.upstreamTls);
    route.upstreamProxy = upstreamProxy(route.upstreamHost, route.upstreamPort);
    return true;
}

Result<SnapshotPtr> SnapshotBuilder::build(const QSqlDatabase& db, const ProviderKeys& keys)
{
    // One read transaction, so that routes, tokens and the revision agree with each other.
    if (auto begun = snapshotQueries::beginRead(db); !begun)
        return begun.error();
    auto finish = [&db] { snapshotQueries::endRead(db); };

    auto revision = snapshotQueries::revision(db);
    if (!revision) {
        finish();
        return revision.error();
    }

    auto apis = snapshotQueries::apis(db);
    if (!apis) {
        finish();
        return apis.error();
    }
    QList<Route> routes;
    for (const snapshotRows::ApiRow& api : *apis) {
        Route route;
        route.apiId = api.id;
        route.name = api.name;
        if (!fillUpstream(route, QUrl(api.upstreamUrl)))
            continue;
        route.prefix = api.prefix.toLatin1();
        route.stripPrefix = api.stripPrefix;
        route.timeoutMs = api.timeoutMs;
        route.maxBodyBytes = api.maxBodyBytes;
        auto limit = RateLimit::parse(api.rateLimit);
        route.rateLimit = limit ? *limit : RateLimit {};
        routes.append(route);
    }

    auto tokens = snapshotQueries::tokens(db);
    if (!tokens) {
        finish();
        return tokens.error();
    }
    QList<TokenGrant> grants;
    for (const snapshotRows::TokenRow& token : *tokens) {
        TokenGrant grant;
        grant.id = token.id;
        grant.consumerId = token.consumerId;
        grant.secretHash = token.secretHash;
        grant.consumerName = token.consumerName;
        grant.name = token.name;
        grant.hint = token.hint;
        grant.scopes = tokens::ScopeSet::fromStorage(token.scopes);
        grant.expiresAtMs = token.expiresAtMs;
        grant.revokedAtMs = token.revokedAtMs;
        auto limit = RateLimit::parse(token.rateLimit);
        grant.rateLimit = limit ? *limit : RateLimit {};
        grant.aiLimits.budget = {token.budgetDailyTokens, token.budgetMonthlyTokens};
        grant.aiLimits.requestsPerMinute = token.aiRequestsPerMinute;
        grant.aiLimits.tokensPerMinute = token.aiTokensPerMinute;
        grant.consumerBudget = {token.consumerBudgetDailyTokens, token.consumerBudgetMonthlyTokens};
        grants.append(grant);
    }

    auto ai = buildAi(db, keys);
    finish();
    if (!ai)
        return ai.error();
    return std::make_shared<const Snapshot>(*revision, std::move(routes), std::move(grants), std::move(*ai));
}

Result<AiCatalog> SnapshotBuilder::buildAi(const QSqlDatabase& db, const ProviderKeys& keys)
{
    auto catalogId = snapshotQueries::catalogId(db);
    if (!catalogId)
        return catalogId.error();

    auto rows = snapshotQueries::providers(db);
    if (!rows)
        return rows.error();
    QList<AiProviderRoute> providers;
    for (const snapshotRows::ProviderRow& row : *rows) {
        AiProviderRoute provider;
        provider.id = row.id;
        provider.name = row.name;
        provider.type = row.type;
        provider.adapter = AiAdapter::forProviderType(provider.type);
        if (!provider.adapter || !fillUpstream(provider.upstream, QUrl(row.baseUrl)))
            continue; // a type or URL this build does not know: the provider is unreachable, not the snapshot
        provider.upstream.name = provider.name;
        provider.upstream.timeoutMs = AiExchange::kTimeoutMs;
        provider.upstream.maxBodyBytes = AiExchange::kMaxRequestBytes;
        provider.models = row.models;
        provider.keyExpected = row.hasKey;
        provider.version = row.updatedAtMs;
        if (const auto key = keys.constFind(provider.id); key != keys.cend() && key->version == provider.version)
            provider.apiKey = key->key;
        providers.append(std::move(provider));
    }

    auto aliasRows = snapshotQueries::aliases(db);
    if (!aliasRows)
        return aliasRows.error();
    QList<AiAliasRoute> aliases;
    for (const snapshotRows::AliasRow& row : *aliasRows) {
        AiAliasRoute alias;
        alias.name = row.name;
        for (const QString& text : row.targets) {
            const qsizetype slash = text.indexOf(u'/');
            if (slash > 0 && slash < text.size() - 1)
                alias.targets.append({text.left(slash), text.mid(slash + 1)});
        }
        aliases.append(std::move(alias));
    }
    return AiCatalog(*catalogId, std::move(providers), std::move(aliases));
}

} // namespace gatehouse::gateway

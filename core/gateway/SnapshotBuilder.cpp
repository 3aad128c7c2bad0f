#include "core/gateway/SnapshotBuilder.h"

#include "core/catalog/sql/SqlQuery.h"
#include "core/gateway/AiExchange.h"
#include "core/gateway/UpstreamConnection.h"
#include "core/gateway/UpstreamProxy.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    if (auto begun = sql::exec(db, QStringLiteral("BEGIN")); !begun)
        return begun.error();
    auto finish = [&db] { (void)sql::exec(db, QStringLiteral("COMMIT")); };

    auto revision = sql::exec(db, QStringLiteral("SELECT revision FROM catalog_state WHERE id = 1"));
    if (!revision || !revision->next()) {
        finish();
        return revision ? Error::runtime(QStringLiteral("the catalog has no revision row")) : revision.error();
    }
    const qint64 revisionValue = revision->value(0).toLongLong();
    revision->finish();

    QList<Route> routes;
    auto apis = sql::exec(db,
        QStringLiteral("SELECT id, name, upstream_url, path_prefix, strip_prefix, timeout_ms, "
                       "max_body_bytes, rate_limit FROM apis"));
    if (!apis) {
        finish();
        return apis.error();
    }
    while (apis->next()) {
        Route route;
        route.apiId = apis->value(0).toLongLong();
        route.name = apis->value(1).toString();
        if (!fillUpstream(route, QUrl(apis->value(2).toString())))
            continue;
        route.prefix = apis->value(3).toString().toLatin1();
        route.stripPrefix = apis->value(4).toBool();
        route.timeoutMs = apis->value(5).toLongLong();
        route.maxBodyBytes = apis->value(6).toLongLong();
        auto limit = RateLimit::parse(apis->value(7).toString());
        route.rateLimit = limit ? *limit : RateLimit {};
        routes.append(route);
    }
    apis->finish();

    QList<TokenGrant> grants;
    auto tokens = sql::exec(db,
        QStringLiteral("SELECT t.id, t.consumer_id, t.secret_hash, c.name, t.name, t.hint, t.scopes, "
                       "t.expires_at, t.revoked_at, t.rate_limit, t.budget_daily_tokens, t.budget_monthly_tokens, "
                       "t.ai_requests_per_minute, t.ai_tokens_per_minute, c.budget_daily_tokens, "
                       "c.budget_monthly_tokens FROM tokens t JOIN consumers c ON c.id = t.consumer_id"));
    if (!tokens) {
        finish();
        return tokens.error();
    }
    while (tokens->next()) {
        TokenGrant grant;
        grant.id = tokens->value(0).toLongLong();
        grant.consumerId = tokens->value(1).toLongLong();
        grant.secretHash = tokens->value(2).toByteArray();
        grant.consumerName = tokens->value(3).toString();
        grant.name = tokens->value(4).toString();
        grant.hint = tokens->value(5).toString();
        grant.scopes = tokens::ScopeSet::fromStorage(tokens->value(6).toString());
        grant.expiresAtMs = tokens->value(7).toLongLong();
        grant.revokedAtMs = tokens->value(8).toLongLong();
        auto limit = RateLimit::parse(tokens->value(9).toString());
        grant.rateLimit = limit ? *limit : RateLimit {};
        grant.aiLimits.budget = {tokens->value(10).toLongLong(), tokens->value(11).toLongLong()};
        grant.aiLimits.requestsPerMinute = tokens->value(12).toLongLong();
        grant.aiLimits.tokensPerMinute = tokens->value(13).toLongLong();
        grant.consumerBudget = {tokens->value(14).toLongLong(), tokens->value(15).toLongLong()};
        grants.append(grant);
    }
    tokens->finish();

    auto ai = buildAi(db, keys);
    finish();
    if (!ai)
        return ai.error();
    return std::make_shared<const Snapshot>(revisionValue, std::move(routes), std::move(grants), std::move(*ai));
}

Result<AiCatalog> SnapshotBuilder::buildAi(const QSqlDatabase& db, const ProviderKeys& keys)
{
    auto catalogId = sql::exec(db, QStringLiteral("SELECT catalog_id FROM catalog_state WHERE id = 1"));
    if (!catalogId)
        return catalogId.error();
    const QString catalogIdValue = catalogId->next() ? catalogId->value(0).toString() : QString();
    catalogId->finish();

    QList<AiProviderRoute> providers;
    auto rows
        = sql::exec(db, QStringLiteral("SELECT id, name, type, base_url, models, has_key, updated_at FROM providers"));
    if (!rows)
        return rows.error();
    while (rows->next()) {
        AiProviderRoute provider;
        provider.id = rows->value(0).toLongLong();
        provider.name = rows->value(1).toString();
        provider.type = rows->value(2).toString();
        provider.adapter = AiAdapter::forProviderType(provider.type);
        if (!provider.adapter || !fillUpstream(provider.upstream, QUrl(rows->value(3).toString())))
            continue; // a type or URL this build does not know: the provider is unreachable, not the snapshot
        provider.upstream.name = provider.name;
        provider.upstream.timeoutMs = AiExchange::kTimeoutMs;
        provider.upstream.maxBodyBytes = AiExchange::kMaxRequestBytes;
        const QJsonArray models = QJsonDocument::fromJson(rows->value(4).toString().toUtf8()).array();
        for (const QJsonValue& model : models)
            provider.models.append(model.toString());
        provider.keyExpected = rows->value(5).toBool();
        provider.version = rows->value(6).toLongLong();
        if (const auto key = keys.constFind(provider.id); key != keys.cend() && key->version == provider.version)
            provider.apiKey = key->key;
        providers.append(std::move(provider));
    }
    rows->finish();

    QList<AiAliasRoute> aliases;
    auto aliasRows = sql::exec(db, QStringLiteral("SELECT name, targets FROM model_aliases"));
    if (!aliasRows)
        return aliasRows.error();
    while (aliasRows->next()) {
        AiAliasRoute alias;
        alias.name = aliasRows->value(0).toString();
        const QJsonArray targets = QJsonDocument::fromJson(aliasRows->value(1).toString().toUtf8()).array();
        for (const QJsonValue& target : targets) {
            const QString text = target.toString();
            const qsizetype slash = text.indexOf(u'/');
            if (slash > 0 && slash < text.size() - 1)
                alias.targets.append({text.left(slash), text.mid(slash + 1)});
        }
        aliases.append(std::move(alias));
    }
    aliasRows->finish();
    return AiCatalog(catalogIdValue, std::move(providers), std::move(aliases));
}

} // namespace gatehouse::gateway

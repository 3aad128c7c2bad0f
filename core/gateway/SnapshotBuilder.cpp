#include "core/gateway/SnapshotBuilder.h"

#include "core/catalog/SqlQuery.h"
#include "core/gateway/UpstreamConnection.h"

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
    return true;
}

Result<SnapshotPtr> SnapshotBuilder::build(const QSqlDatabase& db)
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
                       "t.expires_at, t.revoked_at, t.rate_limit "
                       "FROM tokens t JOIN consumers c ON c.id = t.consumer_id"));
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
        grants.append(grant);
    }
    tokens->finish();
    finish();
    return std::make_shared<const Snapshot>(revisionValue, std::move(routes), std::move(grants));
}

} // namespace gatehouse::gateway

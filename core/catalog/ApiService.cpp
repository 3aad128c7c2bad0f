#include "core/catalog/ApiService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/RateLimit.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/ApiRepository.h"
#include "core/catalog/sql/WriteTransaction.h"

#include <QJsonObject>

namespace gatehouse {

namespace {

QJsonObject describe(const Api& api)
{
    return {{QStringLiteral("upstream"), api.upstream.toString()}, {QStringLiteral("prefix"), api.prefix},
        {QStringLiteral("strip_prefix"), api.stripPrefix}, {QStringLiteral("timeout_ms"), api.timeoutMs},
        {QStringLiteral("max_body_bytes"), api.maxBodyBytes}, {QStringLiteral("rate_limit"), api.rateLimit}};
}

} // namespace

ApiService::ApiService(Catalog& catalog, QString actor, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{ }

Result<ApiService::Validated> ApiService::validate(const ApiSpec& spec) const
{
    auto name = validation::name(spec.name);
    if (!name)
        return name.error();
    auto upstream = validation::upstreamUrl(spec.upstream);
    if (!upstream)
        return upstream.error();
    auto prefix = validation::pathPrefix(spec.prefix.isEmpty() ? u'/' + *name : spec.prefix);
    if (!prefix)
        return prefix.error();
    if (spec.timeoutMs < kMinTimeoutMs || spec.timeoutMs > kMaxTimeoutMs)
        return Error::invalid(QStringLiteral("timeout"), QStringLiteral("must be between 1s and 1h"));
    if (spec.maxBodyBytes < 0 || spec.maxBodyBytes > kMaxBodyLimit)
        return Error::invalid(QStringLiteral("max-body"), QStringLiteral("must be between 0 and 4 GiB"));
    auto rate = RateLimit::parse(spec.rateLimit);
    if (!rate)
        return rate.error();
    return Validated {*name, *upstream, *prefix, rate->toString()};
}

Result<void> ApiService::checkUnique(const Validated& spec, qint64 exceptId) const
{
    auto clash = apiRepository::clashingName(m_catalog.database(), spec.name, spec.prefix, exceptId);
    if (!clash)
        return clash.error();
    if (*clash) {
        if (**clash == spec.name)
            return Error::conflict(
                QStringLiteral("name"), QStringLiteral("an API called \"%1\" already exists").arg(spec.name));
        return Error::conflict(QStringLiteral("prefix"),
            QStringLiteral("the prefix %1 is already used by the API \"%2\"").arg(spec.prefix, **clash));
    }
    return {};
}

Result<Api> ApiService::add(const ApiSpec& spec)
{
    auto valid = validate(spec);
    if (!valid)
        return valid.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    if (auto unique = checkUnique(*valid, 0); !unique)
        return unique.error();

    Api api;
    api.name = valid->name;
    api.upstream = valid->upstream;
    api.prefix = valid->prefix;
    api.stripPrefix = spec.stripPrefix;
    api.timeoutMs = spec.timeoutMs;
    api.maxBodyBytes = spec.maxBodyBytes;
    api.rateLimit = valid->rateLimit;
    api.created = api.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    auto inserted = apiRepository::insert(tx->database(), api, tx->nowMs());
    if (!inserted)
        return inserted.error();
    api.id = *inserted;
    if (auto committed = tx->commitAudited(QStringLiteral("api.add"), QStringLiteral("api:") + api.name, describe(api));
        !committed)
        return committed.error();
    Q_EMIT apiAdded(api);
    return api;
}

Result<Api> ApiService::update(const QString& name, const ApiSpec& spec)
{
    auto valid = validate(spec);
    if (!valid)
        return valid.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (auto unique = checkUnique(*valid, existing->id); !unique)
        return unique.error();

    Api api = *existing;
    api.name = valid->name;
    api.upstream = valid->upstream;
    api.prefix = valid->prefix;
    api.stripPrefix = spec.stripPrefix;
    api.timeoutMs = spec.timeoutMs;
    api.maxBodyBytes = spec.maxBodyBytes;
    api.rateLimit = valid->rateLimit;
    api.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    if (auto updated = apiRepository::update(tx->database(), api, tx->nowMs()); !updated)
        return updated.error();
    QJsonObject details = describe(api);
    if (api.name != name)
        details.insert(QStringLiteral("renamed_from"), name);
    if (auto committed = tx->commitAudited(QStringLiteral("api.update"), QStringLiteral("api:") + api.name, details);
        !committed)
        return committed.error();
    Q_EMIT apiUpdated(name, api);
    return api;
}

Result<void> ApiService::remove(const QString& name)
{
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (auto removed = apiRepository::remove(tx->database(), existing->id); !removed)
        return removed.error();
    if (auto committed
        = tx->commitAudited(QStringLiteral("api.remove"), QStringLiteral("api:") + name, describe(*existing));
        !committed)
        return committed.error();
    Q_EMIT apiRemoved(name);
    return {};
}

Result<QList<Api>> ApiService::list() const
{
    return apiRepository::list(m_catalog.database());
}

Result<Api> ApiService::find(const QString& name) const
{
    auto found = apiRepository::findByName(m_catalog.database(), name);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("name"), QStringLiteral("no API is called \"%1\"").arg(name));
    return **found;
}

} // namespace gatehouse

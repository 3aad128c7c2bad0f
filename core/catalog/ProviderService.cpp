#include "core/catalog/ProviderService.h"

#include "core/catalog/AliasService.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/AliasRepository.h"
#include "core/catalog/sql/ProviderRepository.h"
#include "core/catalog/sql/WriteTransaction.h"
#include "core/secrets/SecretStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse {

namespace {

// What the audit trail records of a provider: never its key, only whether one is set.
QJsonObject describe(const Provider& provider)
{
    return {{QStringLiteral("type"), providerType::name(provider.type)},
        {QStringLiteral("base_url"), provider.baseUrl.toString()},
        {QStringLiteral("models"), QJsonArray::fromStringList(provider.models)},
        {QStringLiteral("has_key"), provider.hasKey}};
}

Result<QStringList> validateModels(const QStringList& models)
{
    QStringList valid;
    for (const QString& model : models) {
        auto id = validation::modelId(model);
        if (!id)
            return id.error();
        if (!valid.contains(*id))
            valid.append(*id);
    }
    return valid;
}

} // namespace

ProviderService::ProviderService(Catalog& catalog, QString actor, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{ }

void ProviderService::setSecretStore(secrets::SecretStore* store, const QString& unavailable)
{
    m_secrets = store;
    m_unavailable = unavailable;
}

Result<secrets::SecretStore*> ProviderService::store() const
{
    if (m_secrets)
        return m_secrets;
    return Error::runtime(
        m_unavailable.isEmpty() ? QStringLiteral("no secret store is available for provider keys") : m_unavailable);
}

Result<QString> ProviderService::secretKey(qint64 providerId) const
{
    auto id = m_catalog.catalogId();
    if (!id)
        return id.error();
    return secrets::SecretStore::providerKey(*id, providerId);
}

Result<ProviderService::Validated> ProviderService::validate(const ProviderSpec& spec) const
{
    auto name = validation::name(spec.name);
    if (!name)
        return name.error();
    auto type = providerType::parse(spec.type);
    if (!type)
        return type.error();
    QString baseUrl = spec.baseUrl.trimmed();
    if (baseUrl.isEmpty()) {
        if (*type == ProviderType::OpenAiCompatible) {
            return Error::invalid(
                QStringLiteral("base-url"), QStringLiteral("is required for an openai-compatible provider"));
        }
        baseUrl = providerType::defaultBaseUrl(*type).toString();
    }
    auto url = validation::upstreamUrl(baseUrl, u"base-url");
    if (!url)
        return url.error();
    auto models = validateModels(spec.models);
    if (!models)
        return models.error();
    return Validated {*name, *type, *url, *models};
}

Result<Provider> ProviderService::add(const ProviderSpec& spec, std::optional<SecretBytes> key)
{
    auto valid = validate(spec);
    if (!valid)
        return valid.error();
    if (key && key->isEmpty())
        key.reset();
    if (!key && providerType::requiresKey(valid->type, valid->baseUrl)) {
        return Error::invalid(QStringLiteral("key"),
            QStringLiteral("a %1 provider at %2 needs an API key")
                .arg(providerType::name(valid->type), valid->baseUrl.toString()));
    }
    secrets::SecretStore* secrets = nullptr;
    if (key) {
        // Fail before writing anything when there is nowhere to keep the key.
        auto chosen = store();
        if (!chosen)
            return chosen.error();
        secrets = *chosen;
    }

    Provider provider;
    {
        auto tx = WriteTransaction::begin(m_catalog, m_actor);
        if (!tx)
            return tx.error();
        auto clash = providerRepository::exists(tx->database(), valid->name);
        if (!clash)
            return clash.error();
        if (*clash) {
            return Error::conflict(
                QStringLiteral("name"), QStringLiteral("a provider called \"%1\" already exists").arg(valid->name));
        }
        provider.name = valid->name;
        provider.type = valid->type;
        provider.baseUrl = valid->baseUrl;
        provider.models = valid->models;
        provider.created = provider.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
        // has_key is set only once the key is stored (below), so the catalog never claims a key it lacks.
        auto inserted = providerRepository::insert(tx->database(), provider, tx->nowMs());
        if (!inserted)
            return inserted.error();
        provider.id = *inserted;
        // The key is stored after this commit, not inside the transaction: a keychain may wait on an
        // unlock prompt, and the catalog's write lock must not be held meanwhile.
        if (auto committed = tx->commitAudited(
                QStringLiteral("provider.add"), QStringLiteral("provider:") + provider.name, describe(provider));
            !committed)
            return committed.error();
    }

    if (key) {
        auto entry = secretKey(provider.id);
        Result<void> stored = entry ? secrets->write(*entry, *key) : Result<void>(entry.error());
        if (!stored) {
            (void)removeRow(provider, QStringLiteral("its key could not be stored"));
            return Error::runtime(QStringLiteral("the provider was not added: %1").arg(stored.error().message));
        }
        auto updated = writeHasKey(provider, true, QStringLiteral("provider.key.set"));
        if (!updated)
            return updated.error();
        provider = *updated;
    }
    Q_EMIT providerAdded(provider);
    return provider;
}

Result<Provider> ProviderService::update(const QString& name, const ProviderSpec& spec)
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
    if (valid->name != existing->name) {
        auto clash = providerRepository::exists(tx->database(), valid->name);
        if (!clash)
            return clash.error();
        if (*clash) {
            return Error::conflict(
                QStringLiteral("name"), QStringLiteral("a provider called \"%1\" already exists").arg(valid->name));
        }
    }
    if (!existing->hasKey && providerType::requiresKey(valid->type, valid->baseUrl)) {
        return Error::invalid(QStringLiteral("key"),
            QStringLiteral("a %1 provider at %2 needs an API key; set one first")
                .arg(providerType::name(valid->type), valid->baseUrl.toString()));
    }

    Provider provider = *existing;
    provider.name = valid->name;
    provider.type = valid->type;
    provider.baseUrl = valid->baseUrl;
    if (provider.models != valid->models) {
        provider.models = valid->models;
        provider.modelsRefreshed = {}; // now entered by hand
    }
    provider.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    if (auto updated = providerRepository::update(tx->database(), provider, tx->nowMs()); !updated)
        return updated.error();
    // A rename carries into the aliases that name the provider, so none is left pointing nowhere.
    if (provider.name != name) {
        auto naming = aliasRepository::naming(tx->database(), name);
        if (!naming)
            return naming.error();
        for (ModelAlias alias : *naming) {
            for (ModelTarget& target : alias.targets) {
                if (target.provider == name)
                    target.provider = provider.name;
            }
            if (auto renamed = aliasRepository::setTargets(tx->database(), alias.id, alias.targets); !renamed)
                return renamed.error();
        }
    }
    QJsonObject details = describe(provider);
    if (provider.name != name)
        details.insert(QStringLiteral("renamed_from"), name);
    if (auto committed
        = tx->commitAudited(QStringLiteral("provider.update"), QStringLiteral("provider:") + provider.name, details);
        !committed)
        return committed.error();
    Q_EMIT providerUpdated(name, provider);
    return provider;
}

Result<void> ProviderService::removeRow(const Provider& provider, const QString& reason)
{
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    if (auto removed = providerRepository::remove(tx->database(), provider.id); !removed)
        return removed.error();
    QJsonObject details = describe(provider);
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    if (auto committed
        = tx->commitAudited(QStringLiteral("provider.remove"), QStringLiteral("provider:") + provider.name, details);
        !committed)
        return committed.error();
    return {};
}

Result<void> ProviderService::remove(const QString& name)
{
    auto existing = find(name);
    if (!existing)
        return existing.error();
    auto naming = aliasRepository::naming(m_catalog.database(), name);
    if (!naming)
        return naming.error();
    if (!naming->isEmpty()) {
        QStringList names;
        for (const ModelAlias& alias : *naming)
            names.append(alias.name);
        return Error::conflict(QStringLiteral("name"),
            QStringLiteral("the provider \"%1\" is named by the alias(es) %2; remove or change them first")
                .arg(name, names.join(QStringLiteral(", "))));
    }
    // The key goes first: if the store fails, the provider stays and the removal can be retried,
    // rather than leaving a key behind that nothing in the catalog points to.
    if (existing->hasKey) {
        auto secrets = store();
        if (!secrets)
            return secrets.error();
        auto entry = secretKey(existing->id);
        if (!entry)
            return entry.error();
        if (auto removed = (*secrets)->remove(*entry); !removed)
            return removed.error();
    }
    if (auto removed = removeRow(*existing, QString()); !removed)
        return removed.error();
    Q_EMIT providerRemoved(name);
    return {};
}

Result<Provider> ProviderService::writeHasKey(const Provider& provider, bool hasKey, const QString& action)
{
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    Provider changed = provider;
    changed.hasKey = hasKey;
    changed.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    auto updated = providerRepository::setHasKey(tx->database(), provider.id, hasKey, tx->nowMs());
    if (!updated)
        return updated.error();
    if (*updated != 1) {
        return Error::notFound(
            QStringLiteral("name"), QStringLiteral("no provider is called \"%1\"").arg(provider.name));
    }
    if (auto committed = tx->commitAudited(action, QStringLiteral("provider:") + provider.name); !committed)
        return committed.error();
    return changed;
}

Result<Provider> ProviderService::setKey(const QString& name, const SecretBytes& key)
{
    if (key.isEmpty())
        return Error::invalid(QStringLiteral("key"), QStringLiteral("the API key is empty"));
    auto existing = find(name);
    if (!existing)
        return existing.error();
    auto secrets = store();
    if (!secrets)
        return secrets.error();
    auto entry = secretKey(existing->id);
    if (!entry)
        return entry.error();
    if (auto stored = (*secrets)->write(*entry, key); !stored)
        return stored.error();
    auto updated = writeHasKey(*existing, true, QStringLiteral("provider.key.set"));
    if (!updated)
        return updated.error();
    Q_EMIT providerUpdated(name, *updated);
    return updated;
}

Result<Provider> ProviderService::clearKey(const QString& name)
{
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (providerType::requiresKey(existing->type, existing->baseUrl)) {
        return Error::invalid(QStringLiteral("key"),
            QStringLiteral("a %1 provider at %2 needs an API key; replace it instead")
                .arg(providerType::name(existing->type), existing->baseUrl.toString()));
    }
    if (existing->hasKey) {
        auto secrets = store();
        if (!secrets)
            return secrets.error();
        auto entry = secretKey(existing->id);
        if (!entry)
            return entry.error();
        if (auto removed = (*secrets)->remove(*entry); !removed)
            return removed.error();
    }
    auto updated = writeHasKey(*existing, false, QStringLiteral("provider.key.clear"));
    if (!updated)
        return updated.error();
    Q_EMIT providerUpdated(name, *updated);
    return updated;
}

Result<std::optional<SecretBytes>> ProviderService::readKey(const Provider& provider) const
{
    if (!provider.hasKey)
        return std::optional<SecretBytes>();
    auto secrets = store();
    if (!secrets)
        return secrets.error();
    auto entry = secretKey(provider.id);
    if (!entry)
        return entry.error();
    auto key = (*secrets)->read(*entry);
    if (!key)
        return key.error();
    if (!key->has_value()) {
        return Error::runtime(QStringLiteral("the key of the provider \"%1\" is missing from %2; set it again")
                                  .arg(provider.name, (*secrets)->description()));
    }
    return std::move(*key);
}

Result<Provider> ProviderService::setModels(const QString& name, const QStringList& models, bool listed)
{
    auto valid = validateModels(models);
    if (!valid)
        return valid.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto existing = find(name);
    if (!existing)
        return existing.error();
    Provider provider = *existing;
    provider.models = *valid;
    provider.modelsRefreshed = listed ? QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC) : QDateTime();
    provider.updated = QDateTime::fromMSecsSinceEpoch(tx->nowMs(), Qt::UTC);
    if (auto updated = providerRepository::setModels(
            tx->database(), provider.id, provider.models, provider.modelsRefreshed, tx->nowMs());
        !updated)
        return updated.error();
    if (auto committed
        = tx->commitAudited(QStringLiteral("provider.models"), QStringLiteral("provider:") + provider.name,
            {{QStringLiteral("models"), QJsonArray::fromStringList(provider.models)},
                {QStringLiteral("listed"), listed}});
        !committed)
        return committed.error();
    Q_EMIT providerUpdated(name, provider);
    return provider;
}

Result<QList<Provider>> ProviderService::list() const
{
    return providerRepository::list(m_catalog.database());
}

Result<Provider> ProviderService::find(const QString& name) const
{
    auto found = providerRepository::findByName(m_catalog.database(), name);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("name"), QStringLiteral("no provider is called \"%1\"").arg(name));
    return **found;
}

} // namespace gatehouse

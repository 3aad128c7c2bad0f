#pragma once

#include "core/catalog/Provider.h"
#include "core/common/Result.h"
#include "core/common/SecretBytes.h"

#include <QList>
#include <QObject>

#include <optional>

namespace gatehouse {

class Catalog;

namespace secrets {
class SecretStore;
}

// Adds, edits and removes AI providers, and keeps their API keys in a secret store (never in the
// catalog: the catalog only records that a key is set). Validates every field, writes in one
// transaction with its audit event, and signals after commit. Admin side only: the key calls block
// on the secret store (see SecretStore).
class ProviderService : public QObject
{
    Q_OBJECT

public:
    ProviderService(Catalog& catalog, QString actor, QObject* parent = nullptr);

    // Where keys go; not owned, may be null (then adding a keyed provider fails with `unavailable`).
    // `unavailable` is the reason no store could be chosen (SecretStoreSelector's error), reported
    // instead of a generic message.
    void setSecretStore(secrets::SecretStore* store, const QString& unavailable = {});
    secrets::SecretStore* secretStore() const { return m_secrets; }

    // Adds the provider and, if given, stores its key. Hosted types (every type but ollama) need a
    // key unless their base URL is on this machine. If the key cannot be stored, nothing is added.
    Result<Provider> add(const ProviderSpec& spec, std::optional<SecretBytes> key = std::nullopt);
    // Replaces name, type, base URL and models of the provider called `name` (the key stays).
    Result<Provider> update(const QString& name, const ProviderSpec& spec);
    // Removes the provider and its stored key. Refused while a model alias names it.
    Result<void> remove(const QString& name);

    // Stores (or replaces) the provider's key, or removes it.
    Result<Provider> setKey(const QString& name, const SecretBytes& key);
    Result<Provider> clearKey(const QString& name);
    // The stored key, read from the secret store; empty when none is set.
    Result<std::optional<SecretBytes>> readKey(const Provider& provider) const;

    // Records the provider's models; `listed` says they came from the provider's models endpoint
    // now (stamping models_refreshed_at) rather than by hand.
    Result<Provider> setModels(const QString& name, const QStringList& models, bool listed);

    Result<QList<Provider>> list() const;
    Result<Provider> find(const QString& name) const;

    // The secret store key of a provider: "gatehouse/<catalog id>/provider/<id>".
    Result<QString> secretKey(qint64 providerId) const;

Q_SIGNALS:
    void providerAdded(const gatehouse::Provider& provider);
    // Also after setKey, clearKey and setModels (previousName == provider.name then).
    void providerUpdated(const QString& previousName, const gatehouse::Provider& provider);
    void providerRemoved(const QString& name);

private:
    struct Validated
    {
        QString name;
        ProviderType type;
        QUrl baseUrl;
        QStringList models;
    };
    Result<Validated> validate(const ProviderSpec& spec) const;
    Result<secrets::SecretStore*> store() const;
    Result<Provider> writeHasKey(const Provider& provider, bool hasKey, const QString& action);
    Result<void> removeRow(const Provider& provider, const QString& reason);

    Catalog& m_catalog;
    QString m_actor;
    secrets::SecretStore* m_secrets = nullptr;
    QString m_unavailable;
};

} // namespace gatehouse

#pragma once

#include "core/catalog/AliasService.h"
#include "core/catalog/ApiService.h"
#include "core/catalog/AuditLog.h"
#include "core/catalog/CatalogChangeFeed.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/ProviderService.h"
#include "core/catalog/TokenService.h"
#include "core/common/Result.h"
#include "core/secrets/SecretStoreSelector.h"

#include <memory>

namespace gatehouse {
class Catalog;
class Clock;
} // namespace gatehouse

namespace gatehouse::ui {

// The core services every page works through, on the catalog the console opened. Pages never
// touch SQL: they call these and reread when `revisions` says the catalog moved.
class ConsoleServices
{
    // Declared first so that it outlives `providers`, which keeps a plain pointer to it.
    std::unique_ptr<secrets::SecretStore> m_secretStore;
    QString m_secretStoreNotice;
    QString m_secretStoreUnavailable;

public:
    ConsoleServices(Catalog& catalog, const Clock& clock, const QString& actor = defaultActor());
    ~ConsoleServices();
    Q_DISABLE_COPY_MOVE(ConsoleServices)

    // "console:<login name>", as the audit trail shows it.
    static QString defaultActor();

    // Where provider keys live, by the CLI's rules: SecretStoreSelector's answer for the data directory
    // (the keychain, else the encrypted file with a notice saying so, else the reason neither is there).
    void useSecretStoreSelection(Result<secrets::SecretStoreSelector::Selection> selection);
    // A store chosen by the caller (tests: an encrypted file with a known passphrase).
    void useSecretStore(std::unique_ptr<secrets::SecretStore> store, const QString& notice = {});
    // No store: adding a keyed provider fails with `reason`, and the AI Providers page shows it.
    void setSecretStoreUnavailable(const QString& reason);

    secrets::SecretStore* secretStore() const { return m_secretStore.get(); }
    // Empty for the keychain; says that keys are in the encrypted file otherwise.
    const QString& secretStoreNotice() const { return m_secretStoreNotice; }
    // Why no store is available; empty when one is.
    const QString& secretStoreUnavailable() const { return m_secretStoreUnavailable; }

    Catalog& catalog;
    const Clock& clock;
    ApiService apis;
    ConsumerService consumers;
    TokenService tokens;
    AuditLog audit;
    ProviderService providers;
    AliasService aliases;
    CatalogChangeFeed& revisions; // the catalog's own (Catalog::changes())
};

} // namespace gatehouse::ui

#pragma once

#include "core/common/Result.h"
#include "core/secrets/SecretStore.h"

#include <memory>

namespace gatehouse::secrets {

// Picks where provider keys live on this machine, in the original design's order: the OS keychain when a
// Secret Service answers; else the encrypted file when a passphrase is offered ($GATEHOUSE_SECRETS_PASSPHRASE
// or secrets.key in the data directory); else an Error saying how to get either.
class SecretStoreSelector
{
public:
    struct Selection
    {
        std::unique_ptr<SecretStore> store;
        // Empty for the keychain; for the fallback, a line saying so (show it to the admin).
        QString notice;
    };

    struct Options
    {
        int probeTimeoutMs = 1000;
        bool allowKeychain = true; // false: only the encrypted file (for tests and for a headless service)
    };

    static Result<Selection> select(const QString& dataDirectory, const Options& options);
    static Result<Selection> select(const QString& dataDirectory) { return select(dataDirectory, Options()); }
};

} // namespace gatehouse::secrets

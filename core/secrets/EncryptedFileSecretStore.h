#pragma once

#include "core/secrets/SecretStore.h"

#include <memory>

namespace gatehouse::secrets {

// Secrets in one file, `secrets.enc` in the data directory, for machines without a keychain
// (the original design). The whole set of entries is sealed with AES-256-GCM under a key derived by scrypt
// from a passphrase, with a fresh random salt and nonce on every write; the header (format, scrypt
// cost, salt, nonce) is authenticated too, so any change to the file is detected. Writes go to a
// new file renamed over the old one (QSaveFile), under a lock file shared with other processes.
// Plaintext buffers are wiped with OPENSSL_cleanse.
//
// The passphrase comes from $GATEHOUSE_SECRETS_PASSPHRASE, else from `secrets.key` in the data
// directory, which must be readable by its owner only.
class EncryptedFileSecretStore : public SecretStore
{
    Q_OBJECT

public:
    static constexpr char kPassphraseVariable[] = "GATEHOUSE_SECRETS_PASSPHRASE";
    static QString fileName() { return QStringLiteral("secrets.enc"); }
    static QString keyFileName() { return QStringLiteral("secrets.key"); }

    // scrypt's cost. The default (N = 2^15, r = 8, p = 1: 32 MiB, about 0.1 s) follows the scrypt
    // paper's interactive setting; tests may lower it. Reading uses the cost recorded in the file.
    struct Cost
    {
        int log2N = 15;
        int r = 8;
        int p = 1;
    };

    // `directory` holds secrets.enc. The passphrase is taken over and wiped with the store.
    EncryptedFileSecretStore(QString directory, SecretBytes passphrase, QObject* parent = nullptr);
    ~EncryptedFileSecretStore() override;

    // The passphrase from the environment, else from the key file in `directory`. NotFound when
    // neither exists; InvalidInput when the key file is readable by others or empty.
    static Result<SecretBytes> loadPassphrase(const QString& directory);
    // Whether a passphrase is offered at all (the variable is set or the key file exists).
    static bool passphraseOffered(const QString& directory);

    void setCost(Cost cost) { m_cost = cost; }
    QString filePath() const;
    QString description() const override;

    // Answers through a queued call, so that callers see the same order as with a keychain.
    void readAsync(const QString& key, ReadCallback done) override;
    void writeAsync(const QString& key, const SecretBytes& secret, DoneCallback done) override;
    void removeAsync(const QString& key, DoneCallback done) override;

    // The file needs no event loop: these run directly.
    Result<std::optional<SecretBytes>> read(const QString& key) override;
    Result<void> write(const QString& key, const SecretBytes& secret) override;
    Result<void> remove(const QString& key) override;

private:
    class Entries;
    Result<void> load(Entries& entries) const;
    Result<void> save(const Entries& entries) const;
    Result<void> change(const QString& key, const SecretBytes* secret);

    QString m_directory;
    SecretBytes m_passphrase;
    Cost m_cost;
};

} // namespace gatehouse::secrets

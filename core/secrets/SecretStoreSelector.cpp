#include "core/secrets/SecretStoreSelector.h"

#include "core/secrets/EncryptedFileSecretStore.h"
#include "core/secrets/KeychainSecretStore.h"

#include <QDir>

namespace gatehouse::secrets {

Result<SecretStoreSelector::Selection> SecretStoreSelector::select(const QString& dataDirectory, const Options& options)
{
    if (options.allowKeychain && KeychainSecretStore::probe(options.probeTimeoutMs))
        return Selection {std::make_unique<KeychainSecretStore>(), QString()};

    if (EncryptedFileSecretStore::passphraseOffered(dataDirectory)) {
        auto passphrase = EncryptedFileSecretStore::loadPassphrase(dataDirectory);
        if (!passphrase)
            return passphrase.error();
        auto store = std::make_unique<EncryptedFileSecretStore>(dataDirectory, std::move(*passphrase));
        QString notice = QStringLiteral("no keychain (Secret Service) answers on this machine; provider keys are "
                                        "kept in %1 instead")
                             .arg(store->description());
        return Selection {std::move(store), std::move(notice)};
    }

    return Error::runtime(QStringLiteral("no place to keep provider keys: no keychain (Secret Service) answers on "
                                         "the D-Bus session bus, and no passphrase is set for the encrypted file. "
                                         "Start a Secret Service (for example gnome-keyring-daemon), or set %1, or "
                                         "create %2 holding a passphrase (chmod 600)")
                              .arg(QString::fromLatin1(EncryptedFileSecretStore::kPassphraseVariable),
                                  QDir(dataDirectory).filePath(EncryptedFileSecretStore::keyFileName())));
}

} // namespace gatehouse::secrets

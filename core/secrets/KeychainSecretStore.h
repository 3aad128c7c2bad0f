#pragma once

#include "core/secrets/SecretStore.h"

class QTimer;

namespace gatehouse::secrets {

// Secrets in the OS keychain through QtKeychain: the Secret Service (GNOME Keyring, KeePassXC,
// KWallet's bridge) on Linux, the Keychain on macOS, the Credential Manager on Windows. QtKeychain's
// plaintext fallback is never enabled: without a keychain every call fails, and
// SecretStoreSelector picks the encrypted file instead.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // The QtKeychain service name under which every entry is filed.
    static QString serviceName() { return QStringLiteral("gatehouse"); }

    explicit KeychainSecretStore(QObject* parent = nullptr);

    QString description() const override;

    void readAsync(const QString& key, ReadCallback done) override;
    void writeAsync(const QString& key, const SecretBytes& secret, DoneCallback done) override;
    void removeAsync(const QString& key, DoneCallback done) override;

    // Whether a keychain answers on this machine: on Linux a Secret Service (or KWallet) owning its
    // name on the D-Bus session bus, asked with a timeout of `timeoutMs`. Elsewhere always true.
    static bool probe(int timeoutMs = 1000);

private:
    // Around each job: QtKeychain's libsecret backend answers through GLib's default main context,
    // which Qt's own Unix event dispatcher (gatehouse-cli's, see QT_NO_GLIB in app/cli/main.cpp) never
    // iterates. While jobs are pending on such a thread, a timer iterates it.
    void jobStarted();
    void jobFinished();

    QTimer* m_glibPump = nullptr;
    int m_pendingJobs = 0;
};

} // namespace gatehouse::secrets

#pragma once

#include "core/common/Result.h"
#include "core/common/SecretBytes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QEventLoop;

namespace gatehouse::secrets {

// Where provider keys live: the OS keychain (KeychainSecretStore) or, on a machine without one,
// an encrypted file (EncryptedFileSecretStore). Keys never go to SQL, logs or exports.
//
// Two ways in. The asynchronous calls report through a callback on this object's thread. The
// blocking calls wrap them for admin-side callers (CLI commands, a console dialog's accept) and
// may wait on a local QEventLoop: never call them on the gateway's request path, nor from a slot
// that can re-enter under the wait. An object belongs to the thread that made it.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    // A read of a missing key is not an error: the optional is empty.
    using ReadCallback = std::function<void(Result<std::optional<SecretBytes>>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    using QObject::QObject;

    // The keychain entry of a provider's API key: "gatehouse/<catalog id>/provider/<provider id>". The
    // catalog id (random, made once per catalog) keeps two data directories from sharing entries.
    static QString providerKey(const QString& catalogId, qint64 providerId);

    // Says where the secrets are, for messages: "the Secret Service keychain", "the encrypted file
    // /home/a/.local/share/gatehouse/secrets.enc".
    virtual QString description() const = 0;

    virtual void readAsync(const QString& key, ReadCallback done) = 0;
    // Stores (or replaces) `secret`; the store keeps its own copy.
    virtual void writeAsync(const QString& key, const SecretBytes& secret, DoneCallback done) = 0;
    // Removing a missing key succeeds.
    virtual void removeAsync(const QString& key, DoneCallback done) = 0;

    // Blocking forms, for admin-side callers only (see above).
    virtual Result<std::optional<SecretBytes>> read(const QString& key);
    virtual Result<void> write(const QString& key, const SecretBytes& secret);
    virtual Result<void> remove(const QString& key);

    // How long the blocking forms wait for an asynchronous answer (a keychain may show an unlock prompt).
    void setBlockingTimeoutMs(int ms) { m_blockingTimeoutMs = ms; }
    int blockingTimeoutMs() const { return m_blockingTimeoutMs; }

protected:
    // One blocking call's rendezvous with its callback, which may outlive the call after a timeout.
    struct Waiter
    {
        bool finished = false;
        QEventLoop* loop = nullptr;
        void finish();
    };
    // Runs a local loop until the waiter finishes or the timeout passes; false on timeout. Subclasses
    // whose answers need another event source pumped (QtKeychain's libsecret backend wants GLib's)
    // override it.
    virtual bool wait(Waiter& waiter);

private:
    int m_blockingTimeoutMs = 30'000;
};

} // namespace gatehouse::secrets

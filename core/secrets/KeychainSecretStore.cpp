#include "core/secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QAbstractEventDispatcher>
#include <QTimer>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>

#include <dlfcn.h>
#endif

namespace gatehouse::secrets {

namespace {

Error keychainError(const QKeychain::Job& job, const QString& what)
{
    return Error::runtime(QStringLiteral("the keychain could not %1: %2").arg(what, job.errorString()));
}

// Configures a job the way every call needs it: our service, the entry's key, and never the plaintext
// fallback (QtKeychain would otherwise write the secret into a QSettings file).
template <typename Job>
Job* makeJob(const QString& key)
{
    auto* job = new Job(KeychainSecretStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
// GLib is always loaded with QtKeychain (it links it); looking the one function we need up at run
// time spares us a build dependency on GLib's headers.
using GMainContextIteration = int (*)(void* context, int mayBlock);

GMainContextIteration glibIteration()
{
    static const auto function
        = reinterpret_cast<GMainContextIteration>(dlsym(RTLD_DEFAULT, "g_main_context_iteration"));
    return function;
}

bool dispatcherIteratesGlib()
{
    const QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
    return dispatcher && dispatcher->inherits("QEventDispatcherGlib");
}
#endif

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : SecretStore(parent)
{ }

QString KeychainSecretStore::description() const
{
#if defined(Q_OS_DARWIN)
    return QStringLiteral("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("the Windows Credential Manager");
#else
    return QStringLiteral("the Secret Service keychain");
#endif
}

void KeychainSecretStore::readAsync(const QString& key, ReadCallback done)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(key);
    // `this` as context: if the store dies first, the job still finishes and deletes itself.
    jobStarted();
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job* finished) {
        jobFinished();
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::EntryNotFound) {
            done(std::optional<SecretBytes>());
            return;
        }
        if (read->error() != QKeychain::NoError) {
            done(keychainError(*read, QStringLiteral("read a secret")));
            return;
        }
        done(std::optional<SecretBytes>(SecretBytes(read->binaryData())));
    });
    job->start();
}

void KeychainSecretStore::writeAsync(const QString& key, const SecretBytes& secret, DoneCallback done)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setBinaryData(secret.view().toByteArray());
    jobStarted();
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job* finished) {
        jobFinished();
        if (finished->error() != QKeychain::NoError) {
            done(keychainError(*finished, QStringLiteral("store a secret")));
            return;
        }
        done({});
    });
    job->start();
}

void KeychainSecretStore::removeAsync(const QString& key, DoneCallback done)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(key);
    jobStarted();
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job* finished) {
        jobFinished();
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            done(keychainError(*finished, QStringLiteral("delete a secret")));
            return;
        }
        done({});
    });
    job->start();
}

void KeychainSecretStore::jobStarted()
{
    ++m_pendingJobs;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (dispatcherIteratesGlib() || !glibIteration())
        return;
    if (!m_glibPump) {
        m_glibPump = new QTimer(this);
        m_glibPump->setInterval(2);
        connect(m_glibPump, &QTimer::timeout, this, [] {
            const GMainContextIteration iterate = glibIteration();
            while (iterate(nullptr, 0)) { }
        });
    }
    m_glibPump->start();
#endif
}

void KeychainSecretStore::jobFinished()
{
    if (--m_pendingJobs == 0 && m_glibPump)
        m_glibPump->stop();
}

bool KeychainSecretStore::probe(int timeoutMs)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // Without a session bus address, QtDBus would try to autolaunch one; a headless machine has none.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    // Ask the bus itself, with our own timeout: a Secret Service that is only activatable would be
    // started by the first call and might wait on an unlock prompt nobody sees.
    for (const char* service : {"org.freedesktop.secrets", "org.kde.kwalletd6", "org.kde.kwalletd5"}) {
        QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
            QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus"),
            QStringLiteral("NameHasOwner"));
        call << QString::fromLatin1(service);
        const QDBusReply<bool> owned = bus.call(call, QDBus::Block, timeoutMs);
        if (owned.isValid() && owned.value())
            return true;
    }
    return false;
#else
    Q_UNUSED(timeoutMs)
    return true;
#endif
}

} // namespace gatehouse::secrets

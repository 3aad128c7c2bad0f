// KeychainSecretStore against a real Secret Service: CTest runs this under tests/support/with-keyring.sh
// (a private D-Bus session with an unlocked GNOME Keyring).

#include "core/secrets/KeychainSecretStore.h"
#include "core/secrets/SecretStoreSelector.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace gatehouse;
using namespace gatehouse::secrets;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    // A fresh namespace per run, so that runs never see each other's entries.
    QString m_catalogId = QUuid::createUuid().toString(QUuid::WithoutBraces);

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "run under tests/support/with-keyring.sh (ctest does)");
        // gnome-keyring-daemon returns from --unlock before it owns its bus name.
        QTRY_VERIFY_WITH_TIMEOUT(KeychainSecretStore::probe(500), 10'000);
    }

    void selectorPrefersTheKeychain()
    {
        QTemporaryDir dir;
        qputenv("GATEHOUSE_SECRETS_PASSPHRASE", "would be the fallback");
        auto selected = SecretStoreSelector::select(dir.path());
        qunsetenv("GATEHOUSE_SECRETS_PASSPHRASE");
        QVERIFY(selected.ok());
        QVERIFY(qobject_cast<KeychainSecretStore*>(selected->store.get()));
        QVERIFY(selected->notice.isEmpty());
    }

    void roundTrip()
    {
        KeychainSecretStore store;
        const QString key = SecretStore::providerKey(m_catalogId, 1);
        QVERIFY(key.startsWith(QStringLiteral("gatehouse/") + m_catalogId + QStringLiteral("/provider/")));
        auto missing = store.read(key);
        QVERIFY2(missing.ok(), qPrintable(missing.ok() ? QString() : missing.error().message));
        QVERIFY(!missing->has_value());

        QVERIFY(store.write(key, SecretBytes(QByteArray("sk-first"))).ok());
        QCOMPARE((*store.read(key))->view(), QByteArrayView("sk-first"));
        QVERIFY(store.write(key, SecretBytes(QByteArray("sk-second\x01binary"))).ok());
        QCOMPARE((*store.read(key))->view(), QByteArrayView("sk-second\x01binary"));

        // Entries of another catalog are separate.
        const QString other = SecretStore::providerKey(QUuid::createUuid().toString(QUuid::WithoutBraces), 1);
        QVERIFY(!store.read(other)->has_value());

        QVERIFY(store.remove(key).ok());
        QVERIFY(!store.read(key)->has_value());
        QVERIFY(store.remove(key).ok()); // removing a missing entry is fine
    }

    void asyncCallbacks()
    {
        KeychainSecretStore store;
        const QString key = SecretStore::providerKey(m_catalogId, 2);
        bool written = false;
        store.writeAsync(key, SecretBytes(QByteArray("async")), [&](Result<void> result) { written = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10'000);
        QByteArray value;
        store.readAsync(key, [&](Result<std::optional<SecretBytes>> result) {
            value = result.ok() && result->has_value() ? (*result)->view().toByteArray() : QByteArray("?");
        });
        QTRY_VERIFY_WITH_TIMEOUT(!value.isEmpty(), 10'000);
        QCOMPARE(value, QByteArray("async"));
        QVERIFY(store.remove(key).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"

// SecretStoreSelector on a machine without a session bus (CTest clears DBUS_SESSION_BUS_ADDRESS), as CI is.

#include "core/secrets/EncryptedFileSecretStore.h"
#include "core/secrets/SecretStoreSelector.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::secrets;

class TestSecretStoreSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv(EncryptedFileSecretStore::kPassphraseVariable);
    }

    void withNeitherTheErrorSaysHowToFixIt()
    {
        QTemporaryDir dir;
        auto selected = SecretStoreSelector::select(dir.path(), {200, true});
        QVERIFY(!selected.ok());
        const QString message = selected.error().message;
        QVERIFY2(message.contains(QStringLiteral("Secret Service")), qPrintable(message));
        QVERIFY(message.contains(QString::fromLatin1(EncryptedFileSecretStore::kPassphraseVariable)));
        QVERIFY(message.contains(EncryptedFileSecretStore::keyFileName()));
    }

    void withAPassphraseTheFileIsTheFallback()
    {
        QTemporaryDir dir;
        qputenv(EncryptedFileSecretStore::kPassphraseVariable, "a passphrase");
        auto selected = SecretStoreSelector::select(dir.path(), {200, true});
        QVERIFY2(selected.ok(), qPrintable(selected.ok() ? QString() : selected.error().message));
        QVERIFY(qobject_cast<EncryptedFileSecretStore*>(selected->store.get()));
        QVERIFY(selected->notice.contains(QStringLiteral("no keychain")));
        QVERIFY(selected->notice.contains(EncryptedFileSecretStore::fileName()));
        // And it works.
        QVERIFY(selected->store->write(QStringLiteral("k"), SecretBytes(QByteArray("v"))).ok());
        QCOMPARE((*selected->store->read(QStringLiteral("k")))->view(), QByteArrayView("v"));
    }

    void anUnsafeKeyFileIsReported()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(EncryptedFileSecretStore::keyFileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("pass");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        auto selected = SecretStoreSelector::select(dir.path(), {200, true});
        QVERIFY(!selected.ok());
        QVERIFY(selected.error().message.contains(QStringLiteral("readable by others")));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreSelector)
#include "TestSecretStoreSelector.moc"

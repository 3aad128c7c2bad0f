// EncryptedFileSecretStore on real files in a temporary directory.

#include "core/secrets/EncryptedFileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gatehouse;
using namespace gatehouse::secrets;

namespace {

SecretBytes bytes(const QByteArray& value)
{
    return SecretBytes(QByteArray(value.constData(), value.size()));
}

} // namespace

class TestEncryptedFileSecretStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    std::unique_ptr<EncryptedFileSecretStore> store(const QByteArray& passphrase = "correct horse battery")
    {
        auto made = std::make_unique<EncryptedFileSecretStore>(m_dir->path(), bytes(passphrase));
        made->setCost({10, 8, 1}); // cheap for tests; the file records it
        return made;
    }
    QByteArray fileBytes() const
    {
        QFile file(QDir(m_dir->path()).filePath(EncryptedFileSecretStore::fileName()));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        qunsetenv(EncryptedFileSecretStore::kPassphraseVariable);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void roundTrip()
    {
        auto secrets = store();
        QVERIFY(!secrets->read(QStringLiteral("a"))->has_value()); // no file yet
        QVERIFY(secrets->write(QStringLiteral("gatehouse/x/provider/1"), bytes("sk-one")).ok());
        QVERIFY(secrets->write(QStringLiteral("gatehouse/x/provider/2"), bytes("sk-two")).ok());
        QVERIFY(secrets->write(QStringLiteral("gatehouse/x/provider/1"), bytes("sk-one-replaced")).ok());
        // Another object with the same passphrase (another process, later) reads them back.
        auto again = store();
        QCOMPARE((*again->read(QStringLiteral("gatehouse/x/provider/1")))->view(), QByteArrayView("sk-one-replaced"));
        QCOMPARE((*again->read(QStringLiteral("gatehouse/x/provider/2")))->view(), QByteArrayView("sk-two"));
        QVERIFY(again->remove(QStringLiteral("gatehouse/x/provider/2")).ok());
        QVERIFY(again->remove(QStringLiteral("never-there")).ok());
        QVERIFY(!secrets->read(QStringLiteral("gatehouse/x/provider/2"))->has_value());
        QVERIFY(secrets->description().contains(EncryptedFileSecretStore::fileName()));
    }

    void asyncCallsAnswerLater()
    {
        auto secrets = store();
        bool written = false;
        secrets->writeAsync(QStringLiteral("k"), bytes("v"), [&](Result<void> result) { written = result.ok(); });
        QVERIFY(!written); // queued, like a keychain
        QTRY_VERIFY(written);
        std::optional<QByteArray> value;
        secrets->readAsync(QStringLiteral("k"), [&](Result<std::optional<SecretBytes>> result) {
            value = result.ok() && result->has_value() ? (*result)->view().toByteArray() : QByteArray("?");
        });
        QTRY_VERIFY(value.has_value());
        QCOMPARE(*value, QByteArray("v"));
    }

    void nothingPlaintextOnDiskAndOwnerOnly()
    {
        auto secrets = store();
        const QByteArray key = "sk-ant-api03-VERYSECRETKEYMATERIAL";
        QVERIFY(secrets->write(QStringLiteral("gatehouse/abc/provider/7"), bytes(key)).ok());
        const QByteArray sealed = fileBytes();
        QVERIFY(!sealed.isEmpty());
        QVERIFY(!sealed.contains(key));
        QVERIFY(!sealed.contains("VERYSECRET"));
        QVERIFY(!sealed.contains("gatehouse/abc")); // entry names are sealed too
        QVERIFY(!sealed.contains("correct horse"));
        struct stat info
        { };
        QCOMPARE(::stat(QFile::encodeName(secrets->filePath()).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        // Every write draws a new salt and nonce: the same content seals differently.
        QVERIFY(secrets->write(QStringLiteral("gatehouse/abc/provider/7"), bytes(key)).ok());
        QVERIFY(fileBytes() != sealed);
        const QStringList leftovers = QDir(m_dir->path()).entryList(QDir::Files);
        QCOMPARE(leftovers, QStringList {EncryptedFileSecretStore::fileName()});
    }

    void wrongPassphraseFailsCleanly()
    {
        QVERIFY(store()->write(QStringLiteral("k"), bytes("value")).ok());
        const QByteArray before = fileBytes();
        auto wrong = store("not the passphrase");
        auto read = wrong->read(QStringLiteral("k"));
        QVERIFY(!read.ok());
        QVERIFY2(
            read.error().message.contains(QStringLiteral("passphrase is wrong")), qPrintable(read.error().message));
        QVERIFY(!read.error().message.contains(QStringLiteral("value")));
        // A write with the wrong passphrase must not replace what it could not read.
        QVERIFY(!wrong->write(QStringLiteral("k2"), bytes("other")).ok());
        QCOMPARE(fileBytes(), before);
    }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("header (scrypt cost)") << 6;
        QTest::newRow("salt") << 10;
        QTest::newRow("nonce") << 30;
        QTest::newRow("ciphertext") << 40;
        QTest::newRow("tag") << -1;
    }
    void tamperingIsDetected()
    {
        QFETCH(int, offset);
        QVERIFY(store()->write(QStringLiteral("k"), bytes("value")).ok());
        QByteArray sealed = fileBytes();
        const int at = offset < 0 ? int(sealed.size()) - 1 : offset;
        sealed[at] = char(sealed[at] ^ 0x01);
        QFile file(QDir(m_dir->path()).filePath(EncryptedFileSecretStore::fileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sealed);
        file.close();
        auto read = store()->read(QStringLiteral("k"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, Error::Kind::Runtime);
    }

    void truncatedOrForeignFileIsRefused()
    {
        QFile file(QDir(m_dir->path()).filePath(EncryptedFileSecretStore::fileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a secrets file at all, but long enough to have a header and a tag......");
        file.close();
        auto read = store()->read(QStringLiteral("k"));
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(QStringLiteral("not a Gatehouse secrets file")));
    }

    void passphraseFromEnvironmentOrKeyFile()
    {
        QCOMPARE(EncryptedFileSecretStore::loadPassphrase(m_dir->path()).error().kind, Error::Kind::NotFound);
        QVERIFY(!EncryptedFileSecretStore::passphraseOffered(m_dir->path()));

        const QString keyFile = QDir(m_dir->path()).filePath(EncryptedFileSecretStore::keyFileName());
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from the key file\n");
        file.close();
        QVERIFY(EncryptedFileSecretStore::passphraseOffered(m_dir->path()));
        // Readable by others: refused, with the fix in the message.
        QVERIFY(QFile::setPermissions(keyFile,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        auto refused = EncryptedFileSecretStore::loadPassphrase(m_dir->path());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600")));
        QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto loaded = EncryptedFileSecretStore::loadPassphrase(m_dir->path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->view(), QByteArrayView("from the key file"));

        qputenv(EncryptedFileSecretStore::kPassphraseVariable, "from the environment");
        QCOMPARE(
            EncryptedFileSecretStore::loadPassphrase(m_dir->path())->view(), QByteArrayView("from the environment"));
        qunsetenv(EncryptedFileSecretStore::kPassphraseVariable);
    }
};

QTEST_GUILESS_MAIN(TestEncryptedFileSecretStore)
#include "TestEncryptedFileSecretStore.moc"

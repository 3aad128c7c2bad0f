// What the gateway trusts for https upstreams: the system's CAs plus the operator's, and the
// loading of a CA file for `serve --upstream-ca`.

#include "core/gateway/UpstreamTls.h"
#include "tests/support/upstreams/TestCertificateAuthority.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using gatehouse::gateway::UpstreamTls;
using gatehouse::test::TestCertificateAuthority;

class TestUpstreamTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void extraCasAreAddedToTheSystemCas()
    {
        TestCertificateAuthority ca;
        QVERIFY(ca.isValid());
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        const QSslConfiguration configuration = UpstreamTls::clientConfiguration({ca.certificate()});
        const QList<QSslCertificate> trusted = configuration.caCertificates();
        QVERIFY(trusted.contains(ca.certificate()));
        QCOMPARE(trusted.size(), system.size() + 1);
        for (const QSslCertificate& certificate : system)
            QVERIFY(trusted.contains(certificate));
        QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void withoutExtraCasTheDefaultIsKept()
    {
        const QSslConfiguration configuration = UpstreamTls::clientConfiguration({});
        QCOMPARE(configuration.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
        QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void loadsEveryCertificateOfAPemFile()
    {
        TestCertificateAuthority first(QStringLiteral("First CA"));
        TestCertificateAuthority second(QStringLiteral("Second CA"));
        const QString path = write(QStringLiteral("two.pem"), first.certificatePem() + second.certificatePem());
        auto loaded = UpstreamTls::loadCaCertificates(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->size(), 2);
        QCOMPARE(loaded->at(0), first.certificate());
        QCOMPARE(loaded->at(1), second.certificate());
    }

    void refusesUnusableFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        TestCertificateAuthority ca;
        QByteArray corrupted = ca.certificatePem();
        corrupted.replace(40, 20, QByteArray(20, '!'));
        QTest::newRow("missing") << QByteArray() << QStringLiteral("cannot read");
        QTest::newRow("not PEM") << QByteArray("hello\n") << QStringLiteral("no PEM certificate");
        QTest::newRow("a key only") << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
                                    << QStringLiteral("no PEM certificate");
        QTest::newRow("one of two corrupted") << ca.certificatePem() + corrupted << QStringLiteral("only 1 parse");
    }

    void refusesUnusableFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        const QString path = contents.isEmpty() ? m_dir.filePath(QStringLiteral("absent.pem"))
                                                : write(QStringLiteral("bad.pem"), contents);
        auto loaded = UpstreamTls::loadCaCertificates(path);
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().isUsageError());
        QCOMPARE(loaded.error().field, QStringLiteral("upstream-ca"));
        QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamTls)
#include "TestUpstreamTls.moc"

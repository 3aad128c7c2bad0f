#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace gatehouse::test {

// A throwaway certificate authority made at test time with OpenSSL 3's C API, so that no key or
// certificate is ever committed and no `openssl` command is needed. It issues server certificates
// for the names and addresses a test asks for. Keys are EC P-256: fast to make, even under ASan.
class TestCertificateAuthority
{
public:
    struct Identity
    {
        QSslCertificate certificate;
        QSslKey key;
    };

    explicit TestCertificateAuthority(const QString& commonName = QStringLiteral("Gatehouse Test CA"));

    bool isValid() const { return !m_ca.certificate.isNull() && !m_ca.key.isNull(); }
    QSslCertificate certificate() const { return m_ca.certificate; }
    QByteArray certificatePem() const { return m_ca.certificate.toPem(); }

    // A server certificate signed by this CA, valid from an hour ago for a day, whose subject
    // alternative names are `dnsNames` and `addresses`. A null Identity on failure.
    Identity issueServer(const QStringList& dnsNames, const QList<QHostAddress>& addresses) const;
    // The usual loopback server: localhost, 127.0.0.1 and ::1.
    Identity issueLoopbackServer() const;

private:
    Identity m_ca;
    QByteArray m_caKeyPem; // the CA's private key, to sign with
};

} // namespace gatehouse::test

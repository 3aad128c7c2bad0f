#include "tests/support/upstreams/TestCertificateAuthority.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace gatehouse::test {

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertFree
{
    void operator()(X509* cert) const { X509_free(cert); }
};
struct BioFree
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;
using CertPtr = std::unique_ptr<X509, CertFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

QByteArray readBio(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

QByteArray keyToPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return readBio(bio.get());
}

QByteArray certToPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return readBio(bio.get());
}

KeyPtr keyFromPem(const QByteArray& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

CertPtr certFromPem(const QByteArray& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return CertPtr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

// A certificate for `key`'s public half with subject CN=`commonName`, signed by `issuerKey` as
// `issuer` (itself when both are null: a self-signed root).
CertPtr makeCertificate(EVP_PKEY* key, const QString& commonName, X509* issuer, EVP_PKEY* issuerKey,
    const QList<std::pair<int, QByteArray>>& extensions)
{
    CertPtr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return nullptr;
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return nullptr;
    serial[0] &= 0x7f; // positive
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    if (!serialSet)
        return nullptr;
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(
            name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Gatehouse tests"), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(
               name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0)
            != 1)
        return nullptr;
    X509* signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1 || X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    for (const auto& [nid, value] : extensions) {
        if (!addExtension(cert.get(), signer, nid, value.constData()))
            return nullptr;
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

} // namespace

TestCertificateAuthority::TestCertificateAuthority(const QString& commonName)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return;
    CertPtr cert = makeCertificate(key.get(), commonName, nullptr, nullptr,
        {{NID_basic_constraints, QByteArrayLiteral("critical,CA:TRUE")},
            {NID_key_usage, QByteArrayLiteral("critical,keyCertSign,cRLSign")},
            {NID_subject_key_identifier, QByteArrayLiteral("hash")}});
    if (!cert)
        return;
    m_caKeyPem = keyToPem(key.get());
    m_ca.key = QSslKey(m_caKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    m_ca.certificate = QSslCertificate(certToPem(cert.get()), QSsl::Pem);
}

TestCertificateAuthority::Identity TestCertificateAuthority::issueServer(
    const QStringList& dnsNames, const QList<QHostAddress>& addresses) const
{
    if (!isValid())
        return Identity();
    KeyPtr caKey = keyFromPem(m_caKeyPem);
    CertPtr caCert = certFromPem(m_ca.certificate.toPem());
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!caKey || !caCert || !key)
        return Identity();
    QStringList names;
    for (const QString& dns : dnsNames)
        names.append(QStringLiteral("DNS:") + dns);
    for (const QHostAddress& address : addresses)
        names.append(QStringLiteral("IP:") + address.toString());
    const QString commonName = dnsNames.isEmpty()
        ? (addresses.isEmpty() ? QStringLiteral("server") : addresses.first().toString())
        : dnsNames.first();
    QList<std::pair<int, QByteArray>> extensions {{NID_basic_constraints, QByteArrayLiteral("critical,CA:FALSE")},
        {NID_key_usage, QByteArrayLiteral("critical,digitalSignature")},
        {NID_ext_key_usage, QByteArrayLiteral("serverAuth")}, {NID_subject_key_identifier, QByteArrayLiteral("hash")},
        {NID_authority_key_identifier, QByteArrayLiteral("keyid:always")}};
    if (!names.isEmpty())
        extensions.append({NID_subject_alt_name, names.join(u',').toLatin1()});
    CertPtr cert = makeCertificate(key.get(), commonName, caCert.get(), caKey.get(), extensions);
    if (!cert)
        return Identity();
    Identity identity;
    identity.key = QSslKey(keyToPem(key.get()), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    identity.certificate = QSslCertificate(certToPem(cert.get()), QSsl::Pem);
    return identity;
}

TestCertificateAuthority::Identity TestCertificateAuthority::issueLoopbackServer() const
{
    return issueServer({QStringLiteral("localhost")},
        {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)});
}

} // namespace gatehouse::test

#include "core/gateway/UpstreamTls.h"

#include <QFile>

namespace gatehouse::gateway {

QSslConfiguration UpstreamTls::clientConfiguration(const QList<QSslCertificate>& extraCaCertificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!extraCaCertificates.isEmpty())
        configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + extraCaCertificates);
    return configuration;
}

Result<QList<QSslCertificate>> UpstreamTls::loadCaCertificates(const QString& path)
{
    const QString field = QStringLiteral("upstream-ca");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(field, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray pem = file.readAll();
    const qsizetype blocks = pem.count("-----BEGIN CERTIFICATE-----");
    if (blocks == 0)
        return Error::invalid(field, QStringLiteral("%1 holds no PEM certificate").arg(path));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    qsizetype valid = 0;
    for (const QSslCertificate& certificate : certificates) {
        if (!certificate.isNull())
            ++valid;
    }
    if (valid != blocks) {
        return Error::invalid(field,
            QStringLiteral("%1 holds %2 PEM certificate blocks, of which only %3 parse")
                .arg(path)
                .arg(blocks)
                .arg(valid));
    }
    return certificates;
}

} // namespace gatehouse::gateway

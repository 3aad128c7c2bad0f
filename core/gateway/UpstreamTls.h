#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace gatehouse::gateway {

// What the gateway trusts when it speaks TLS to an https upstream: the system's CAs, plus any
// private CAs the operator adds. Peer and host-name verification are always on.
class UpstreamTls
{
public:
    // The client configuration for upstream sockets. With no extra CAs it is Qt's default, which
    // loads the system CAs on demand; with extra CAs it holds the system CAs and the extras, because
    // setting any CA list turns Qt's on-demand loading of the system CAs off.
    static QSslConfiguration clientConfiguration(const QList<QSslCertificate>& extraCaCertificates);

    // Reads a PEM file holding one or more CA certificates. Fails (invalid input) when the file cannot
    // be read, holds no certificate, or holds a certificate block that does not parse.
    static Result<QList<QSslCertificate>> loadCaCertificates(const QString& path);
};

} // namespace gatehouse::gateway

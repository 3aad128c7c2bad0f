#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace gatehouse::gateway {

using HeaderPairs = QList<std::pair<QByteArray, QByteArray>>;

// Responses the gateway writes itself. Every error carries a JSON body.
namespace responses {

QByteArray reasonPhrase(int status);

// "HTTP/1.1 <status> <reason>\r\n" + headers + "\r\n" + body, with Content-Length and Content-Type.
QByteArray build(int status, const HeaderPairs& headers, QByteArrayView contentType, QByteArrayView body, bool close);

// {"error": code, "error_description": description} as a complete response.
QByteArray jsonError(
    int status, QByteArrayView code, const QString& description, const HeaderPairs& headers, bool close);

QByteArray jsonErrorBody(QByteArrayView code, const QString& description);

} // namespace responses

// Hop-by-hop headers (RFC 9110 section 7.6.1), which a proxy must not forward.
bool isHopByHopHeader(QByteArrayView name);

} // namespace gatehouse::gateway

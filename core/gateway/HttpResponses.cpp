#include "core/gateway/HttpResponses.h"

#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpHeaders.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::gateway {

namespace responses {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray build(int status, const HeaderPairs& headers, QByteArrayView contentType, QByteArrayView body, bool close)
{
    QByteArray out;
    {
        // Through the head writer, which refuses a field that could split the head.
        HttpHeadWriter writer(out, 160 + 64 * headers.size() + body.size());
        writer.append("HTTP/1.1 ").appendNumber(status).append(' ').append(reasonPhrase(status)).append("\r\n");
        if (!contentType.isEmpty())
            writer.field("Content-Type", contentType);
        writer.field("Content-Length", body.size());
        for (const auto& [name, value] : headers)
            writer.field(name, value);
        if (close)
            writer.append("Connection: close\r\n");
        writer.end();
        writer.append(body);
    }
    return out;
}

QByteArray jsonErrorBody(QByteArrayView code, const QString& description)
{
    const QJsonObject object {
        {QStringLiteral("error"), QString::fromLatin1(code)}, {QStringLiteral("error_description"), description}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray jsonError(
    int status, QByteArrayView code, const QString& description, const HeaderPairs& headers, bool close)
{
    return build(status, headers, "application/json", jsonErrorBody(code, description), close);
}

} // namespace responses

bool isHopByHopHeader(QByteArrayView name)
{
    // Called for every header of every message both ways: the length picks the candidates, so most
    // names are turned down without a comparison.
    switch (name.size()) {
    case 2:
        return HttpHeaders::namesEqual(name, "te");
    case 7:
        return HttpHeaders::namesEqual(name, "trailer") || HttpHeaders::namesEqual(name, "upgrade");
    case 10:
        return HttpHeaders::namesEqual(name, "connection") || HttpHeaders::namesEqual(name, "keep-alive");
    case 16:
        return HttpHeaders::namesEqual(name, "proxy-connection");
    case 17:
        return HttpHeaders::namesEqual(name, "transfer-encoding");
    case 18:
        return HttpHeaders::namesEqual(name, "proxy-authenticate");
    case 19:
        return HttpHeaders::namesEqual(name, "proxy-authorization");
    default:
        return false;
    }
}

} // namespace gatehouse::gateway

#include "core/gateway/UpstreamRequestHead.h"

#include "core/gateway/Admission.h"
#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpResponses.h"

namespace gatehouse::gateway {

namespace {

bool isCredentialHeader(QByteArrayView name)
{
    return HttpHeaders::namesEqual(name, "x-api-key") || HttpHeaders::namesEqual(name, "api-key")
        || HttpHeaders::namesEqual(name, "x-goog-api-key");
}

using Fate = UpstreamRequestHead::Fate;

Fate dropUnlessTrusted(bool fromTrustedProxy)
{
    return fromTrustedProxy ? Fate::Keep : Fate::Drop;
}

// The client's X-Forwarded-For values (when the peer is trusted, and its Connection header did not make them
// hop-by-hop), in order, then the peer's address.
void writeForwarded(HttpHeadWriter& writer, const HttpRequestHead& head, const QList<QByteArrayView>& listed,
    const ForwardingContext& context, QByteArrayView host)
{
    writer.append("X-Forwarded-For: ");
    if (context.fromTrustedProxy) {
        for (const HttpHeader& header : head.headers.all()) {
            if (HttpHeaders::namesEqual(header.name, "x-forwarded-for")
                && !UpstreamRequestHead::listsName(listed, header.name) && HttpHeadWriter::isFieldValue(header.value)
                && !header.value.trimmed().isEmpty())
                writer.append(header.value).append(", ");
        }
    }
    writer.append(context.clientAddress).append("\r\nX-Forwarded-Proto: http\r\n");
    if (!host.isEmpty())
        writer.field("X-Forwarded-Host", host);
    writer.field("X-Request-Id", context.requestId);
}

} // namespace

UpstreamRequestHead::Fate UpstreamRequestHead::fate(QByteArrayView name, QByteArrayView value, bool fromTrustedProxy)
{
    if (isHopByHopHeader(name))
        return Fate::Drop;
    // Called for every header of every request: the length picks the candidates, so most names are kept after
    // a comparison or two.
    switch (name.size()) {
    case 6:
        return HttpHeaders::namesEqual(name, "expect") ? Fate::Drop : Fate::Keep;
    case 7:
        return HttpHeaders::namesEqual(name, "api-key") && Admission::carriesToken(value) ? Fate::Drop : Fate::Keep;
    case 9:
        if (HttpHeaders::namesEqual(name, "forwarded") || HttpHeaders::namesEqual(name, "x-real-ip"))
            return dropUnlessTrusted(fromTrustedProxy);
        return HttpHeaders::namesEqual(name, "x-api-key") && Admission::carriesToken(value) ? Fate::Drop : Fate::Keep;
    case 12:
        return HttpHeaders::namesEqual(name, "x-request-id") ? Fate::Drop : Fate::Keep;
    case 13:
        return HttpHeaders::namesEqual(name, "authorization") || HttpHeaders::namesEqual(name, "x-http-method")
                || HttpHeaders::namesEqual(name, "x-rewrite-url")
            ? Fate::Drop
            : Fate::Keep;
    case 14:
        if (HttpHeaders::namesEqual(name, "content-length") || HttpHeaders::namesEqual(name, "x-original-url"))
            return Fate::Drop;
        if (HttpHeaders::namesEqual(name, "true-client-ip"))
            return dropUnlessTrusted(fromTrustedProxy);
        return HttpHeaders::namesEqual(name, "x-goog-api-key") && Admission::carriesToken(value) ? Fate::Drop
                                                                                                 : Fate::Keep;
    case 15:
        if (HttpHeaders::namesEqual(name, "x-forwarded-for"))
            return fromTrustedProxy ? Fate::Forwarding : Fate::Drop;
        return Fate::Keep;
    case 16:
        if (HttpHeaders::namesEqual(name, "x-forwarded-host"))
            return Fate::Drop;
        if (HttpHeaders::namesEqual(name, "x-forwarded-port"))
            return dropUnlessTrusted(fromTrustedProxy);
        return Fate::Keep;
    case 17:
        return HttpHeaders::namesEqual(name, "x-forwarded-proto") || HttpHeaders::namesEqual(name, "x-method-override")
            ? Fate::Drop
            : Fate::Keep;
    case 18:
        return HttpHeaders::namesEqual(name, "x-forwarded-prefix") ? dropUnlessTrusted(fromTrustedProxy) : Fate::Keep;
    case 22:
        return HttpHeaders::namesEqual(name, "x-http-method-override") ? Fate::Drop : Fate::Keep;
    default:
        return Fate::Keep;
    }
}

bool UpstreamRequestHead::listsName(const QList<QByteArrayView>& names, QByteArrayView name)
{
    for (QByteArrayView listed : names) {
        if (HttpHeaders::namesEqual(listed, name))
            return true;
    }
    return false;
}

QList<QByteArrayView> UpstreamRequestHead::connectionTokens(const HttpHeaders& headers)
{
    // "close" and "keep-alive" name no other header (Keep-Alive is hop-by-hop anyway), so the usual
    // "Connection: keep-alive" yields an empty list.
    QList<QByteArrayView> tokens;
    for (const HttpHeader& header : headers.all()) {
        if (!HttpHeaders::namesEqual(header.name, "connection"))
            continue;
        QByteArrayView rest = header.value;
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView token = (comma < 0 ? rest : rest.first(comma)).trimmed();
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
            if (!token.isEmpty() && !HttpHeaders::namesEqual(token, "close")
                && !HttpHeaders::namesEqual(token, "keep-alive"))
                tokens.append(token);
        }
    }
    return tokens;
}

void UpstreamRequestHead::buildApi(const HttpRequestHead& head, const Route& route, QByteArrayView target,
    const ForwardingContext& context, QByteArray& out)
{
    if (route.stripPrefix && route.prefix != "/")
        target = target.sliced(route.prefix.size());

    HttpHeadWriter writer(out, 256 + target.size() + 64 * head.headers.size());
    writer.append(head.method).append(' ').append(route.upstreamBasePath);
    if (target.isEmpty() || target.startsWith('?'))
        writer.append('/');
    writer.append(target).append(" HTTP/1.1\r\n");
    writer.field("Host", route.upstreamHostHeader);

    const QList<QByteArrayView> listed = connectionTokens(head.headers);
    QByteArrayView host;
    bool hasHost = false;
    for (const HttpHeader& header : head.headers.all()) {
        if (HttpHeaders::namesEqual(header.name, "host")) {
            // Ours to set; the client's first one (whatever its Connection header says) becomes X-Forwarded-Host.
            if (!hasHost)
                host = header.value;
            hasHost = true;
            continue;
        }
        if (fate(header.name, header.value, context.fromTrustedProxy) != Fate::Keep || listsName(listed, header.name))
            continue;
        writer.field(header);
    }
    writeForwarded(writer, head, listed, context, host);
    if (head.chunked)
        writer.append("Transfer-Encoding: chunked\r\n");
    else if (head.contentLength >= 0)
        writer.field("Content-Length", head.contentLength);
    writer.end();
    writer.finish();
}

void UpstreamRequestHead::buildNative(const HttpRequestHead& head, const Route& provider, QByteArrayView nativeTarget,
    const QList<std::pair<QByteArray, QByteArray>>& credential, qint64 bodyBytes, const ForwardingContext& context,
    QByteArray& out)
{
    HttpHeadWriter writer(out, 512 + nativeTarget.size() + 64 * head.headers.size());
    writer.append(head.method)
        .append(' ')
        .append(provider.upstreamBasePath)
        .append(nativeTarget)
        .append(" HTTP/1.1\r\n");
    writer.field("Host", provider.upstreamHostHeader);
    const QList<QByteArrayView> listed = connectionTokens(head.headers);
    for (const HttpHeader& header : head.headers.all()) {
        // No credential of the client's, whatever it holds (the provider's own is added below), and nothing about
        // the client's network: a provider is a third party, not the team's own upstream.
        if (HttpHeaders::namesEqual(header.name, "host") || isCredentialHeader(header.name)
            || listsName(listed, header.name) || fate(header.name, header.value, false) != Fate::Keep)
            continue;
        writer.field(header);
    }
    for (const auto& [name, value] : credential)
        writer.field(name, value);
    writer.field("X-Request-Id", context.requestId);
    if (bodyBytes > 0 || head.expectsBody())
        writer.field("Content-Length", bodyBytes);
    writer.end();
    writer.finish();
}

} // namespace gatehouse::gateway

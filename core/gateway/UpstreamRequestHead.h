#pragma once

#include "core/gateway/HttpMessageHead.h"
#include "core/gateway/Route.h"

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::gateway {

// How the gateway stands between the client and the upstream: who the client is, and whether what it says about
// earlier hops can be believed.
struct ForwardingContext
{
    QByteArrayView clientAddress; // the peer's address, as text
    bool fromTrustedProxy = false; // the peer is a `serve --trusted-proxy`: its forwarding headers are kept
    QByteArrayView requestId;
};

// The head the gateway sends upstream, built from the client's head as a pure function of it.
//
// The header policy, one place for every route: hop-by-hop headers and those the client's Connection header lists
// are dropped; Host, framing (Content-Length, Transfer-Encoding, Expect), X-Request-Id, X-Forwarded-Proto and
// X-Forwarded-Host are the gateway's; the client's credential (Authorization, and a Gatehouse token in any
// credential-carrying header) never leaves; method and URL overrides (X-HTTP-Method-Override, X-Method-Override,
// X-HTTP-Method, X-Original-URL, X-Rewrite-URL) are dropped, since an upstream that obeys them would run another
// method or path than the one the token was checked for. The gateway is the edge: X-Forwarded-For is replaced by the
// peer's address, and Forwarded, X-Real-IP, True-Client-IP, X-Forwarded-Port and X-Forwarded-Prefix are dropped,
// unless the peer is a trusted proxy, whose X-Forwarded-For is appended to and whose other forwarding headers pass.
class UpstreamRequestHead
{
public:
    enum class Fate { Keep, Drop, Forwarding };

    // What becomes of one client header on its way upstream (Forwarding: X-Forwarded-For, joined by the caller).
    // `listed`: the names the client's Connection header made hop-by-hop.
    static Fate fate(QByteArrayView name, QByteArrayView value, bool fromTrustedProxy);

    // An API request: `method target HTTP/1.1`, the route's Host, the kept headers, the forwarding headers and the
    // framing, appended to `out`. `target` is the normalised request-target; the route's prefix is stripped and its
    // base path prepended here.
    static void buildApi(const HttpRequestHead& head, const Route& route, QByteArrayView target,
        const ForwardingContext& context, QByteArray& out);

    // A native AI request: the provider's base path and `nativeTarget`, its Host, the kept headers less every
    // credential header (the provider's own is added from `credential`), and a Content-Length of `bodyBytes`.
    static void buildNative(const HttpRequestHead& head, const Route& provider, QByteArrayView nativeTarget,
        const QList<std::pair<QByteArray, QByteArray>>& credential, qint64 bodyBytes, const ForwardingContext& context,
        QByteArray& out);

    // The names a Connection header lists (other than close and keep-alive), which are hop-by-hop too.
    static QList<QByteArrayView> connectionTokens(const HttpHeaders& headers);
    // Whether `name` is one of `names` (as connectionTokens() gives them), in any letter case.
    static bool listsName(const QList<QByteArrayView>& names, QByteArrayView name);
};

} // namespace gatehouse::gateway

#include "core/gateway/UpstreamRequestHead.h"

#include "core/tokens/TokenFormat.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::gateway;
using gatehouse::tokens::TokenFormat;

namespace {

HttpRequestHead head(QByteArray method, QByteArray target, const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    HttpRequestHead head;
    head.method = std::move(method);
    head.target = std::move(target);
    for (const auto& [name, value] : headers)
        head.headers.append(name, value);
    return head;
}

Route route(QByteArray prefix, bool stripPrefix = false, QByteArray basePath = {})
{
    Route route;
    route.name = QStringLiteral("billing");
    route.prefix = std::move(prefix);
    route.stripPrefix = stripPrefix;
    route.upstreamHost = "upstream.internal";
    route.upstreamBasePath = std::move(basePath);
    route.upstreamHostHeader = "upstream.internal:9000";
    return route;
}

QList<QByteArray> lines(const QByteArray& out)
{
    QList<QByteArray> lines = out.split('\n');
    for (QByteArray& line : lines)
        line.chop(line.endsWith('\r') ? 1 : 0);
    return lines;
}

// The header lines whose name is `name` (any letter case), values only.
QList<QByteArray> values(const QByteArray& out, QByteArrayView name)
{
    QList<QByteArray> found;
    for (const QByteArray& line : lines(out)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && QByteArrayView(line).first(colon).compare(name, Qt::CaseInsensitive) == 0)
            found.append(line.mid(colon + 1).trimmed());
    }
    return found;
}

} // namespace

// The head the gateway sends upstream is a pure function of the client's head, the route and who the peer is: the
// one header policy for every route (see UpstreamRequestHead.h), tested here without a socket.
class TestUpstreamRequestHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theRequestLineCarriesTheNormalisedTarget_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<bool>("strip");
        QTest::addColumn<QByteArray>("basePath");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("requestLine");
        QTest::newRow("as is") << QByteArray("/billing") << false << QByteArray() << QByteArray("/billing/x?y=1")
                               << QByteArray("GET /billing/x?y=1 HTTP/1.1");
        QTest::newRow("stripped") << QByteArray("/billing") << true << QByteArray() << QByteArray("/billing/x")
                                  << QByteArray("GET /x HTTP/1.1");
        QTest::newRow("stripped to nothing")
            << QByteArray("/billing") << true << QByteArray() << QByteArray("/billing") << QByteArray("GET / HTTP/1.1");
        QTest::newRow("stripped to a query") << QByteArray("/billing") << true << QByteArray("/v2")
                                             << QByteArray("/billing?a=b") << QByteArray("GET /v2/?a=b HTTP/1.1");
        QTest::newRow("base path") << QByteArray("/billing") << true << QByteArray("/v2") << QByteArray("/billing/x")
                                   << QByteArray("GET /v2/x HTTP/1.1");
        QTest::newRow("root prefix") << QByteArray("/") << true << QByteArray() << QByteArray("/x")
                                     << QByteArray("GET /x HTTP/1.1");
    }
    void theRequestLineCarriesTheNormalisedTarget()
    {
        QFETCH(QByteArray, prefix);
        QFETCH(bool, strip);
        QFETCH(QByteArray, basePath);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, requestLine);
        QByteArray out;
        UpstreamRequestHead::buildApi(head("GET", target, {{"Host", "gw"}}), route(prefix, strip, basePath), target,
            {"127.0.0.1", false, "req-1"}, out);
        QCOMPARE(lines(out).first(), requestLine);
        QVERIFY(out.endsWith("\r\n\r\n"));
    }

    void theGatewaySetsHostFramingAndTheRequestId()
    {
        QByteArray out;
        HttpRequestHead client = head("POST", "/billing/x",
            {{"Host", "gw.example"}, {"Host", "second"}, {"Content-Length", "999"}, {"Expect", "100-continue"},
                {"X-Request-Id", "forged"}, {"Accept", "application/json"}});
        client.contentLength = 5;
        UpstreamRequestHead::buildApi(client, route("/billing"), "/billing/x", {"10.0.0.9", false, "req-7"}, out);
        QCOMPARE(values(out, "host"), QList<QByteArray>({"upstream.internal:9000"}));
        QCOMPARE(values(out, "x-forwarded-host"), QList<QByteArray>({"gw.example"}));
        QCOMPARE(values(out, "content-length"), QList<QByteArray>({"5"}));
        QVERIFY(values(out, "expect").isEmpty());
        QCOMPARE(values(out, "x-request-id"), QList<QByteArray>({"req-7"}));
        QCOMPARE(values(out, "accept"), QList<QByteArray>({"application/json"}));
    }

    void aChunkedBodyStaysChunked()
    {
        QByteArray out;
        HttpRequestHead client = head("POST", "/billing/x", {{"Transfer-Encoding", "chunked"}});
        client.chunked = true;
        UpstreamRequestHead::buildApi(client, route("/billing"), "/billing/x", {"10.0.0.9", false, "r"}, out);
        QCOMPARE(values(out, "transfer-encoding"), QList<QByteArray>({"chunked"}));
        QVERIFY(values(out, "content-length").isEmpty());
    }

    // The client's credential never leaves, nor what would make the upstream run another method or path.
    void credentialsAndOverridesAreDropped()
    {
        const QByteArray token = TokenFormat::mint().view().toByteArray();
        QByteArray out;
        UpstreamRequestHead::buildApi(
            head("GET", "/billing/x",
                {{"Authorization", "Bearer " + token}, {"X-Api-Key", token}, {"api-key", token},
                    {"x-goog-api-key", token}, {"X-HTTP-Method-Override", "DELETE"}, {"X-Method-Override", "DELETE"},
                    {"X-HTTP-Method", "DELETE"}, {"X-Original-URL", "/admin"}, {"X-Rewrite-URL", "/admin"},
                    {"X-Api-Key", "the-upstreams-own"}}),
            route("/billing"), "/billing/x", {"10.0.0.9", false, "r"}, out);
        QVERIFY2(!out.contains(token), out.constData());
        for (const char* name : {"authorization", "x-http-method-override", "x-method-override", "x-http-method",
                 "x-original-url", "x-rewrite-url"})
            QVERIFY2(values(out, name).isEmpty(), name);
        // A key that is not a Gatehouse token is the upstream's business.
        QCOMPARE(values(out, "x-api-key"), QList<QByteArray>({"the-upstreams-own"}));
    }

    void hopByHopHeadersAndThoseConnectionListsAreDropped()
    {
        QByteArray out;
        UpstreamRequestHead::buildApi(
            head("GET", "/billing/x",
                {{"Connection", "keep-alive, X-Secret-Hop"}, {"Keep-Alive", "timeout=5"}, {"TE", "trailers"},
                    {"Upgrade", "h2c"}, {"Proxy-Authorization", "x"}, {"X-Secret-Hop", "1"}, {"X-Kept", "2"}}),
            route("/billing"), "/billing/x", {"10.0.0.9", false, "r"}, out);
        for (const char* name : {"connection", "keep-alive", "te", "upgrade", "proxy-authorization", "x-secret-hop"})
            QVERIFY2(values(out, name).isEmpty(), name);
        QCOMPARE(values(out, "x-kept"), QList<QByteArray>({"2"}));
    }

    // The gateway is the edge: what a client says about earlier hops is replaced, unless the peer is trusted.
    void forwardingHeadersDependOnThePeer_data()
    {
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<bool>("othersKept");
        QTest::newRow("edge") << false << QByteArray("10.0.0.9") << false;
        QTest::newRow("trusted proxy") << true << QByteArray("203.0.113.7, 10.0.0.9") << true;
    }
    void forwardingHeadersDependOnThePeer()
    {
        QFETCH(bool, trusted);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(bool, othersKept);
        QByteArray out;
        UpstreamRequestHead::buildApi(head("GET", "/billing/x",
                                          {{"X-Forwarded-For", "203.0.113.7"}, {"Forwarded", "for=203.0.113.7"},
                                              {"X-Real-IP", "203.0.113.7"}, {"True-Client-IP", "203.0.113.7"}}),
            route("/billing"), "/billing/x", {"10.0.0.9", trusted, "r"}, out);
        QCOMPARE(values(out, "x-forwarded-for"), QList<QByteArray>({forwardedFor}));
        QCOMPARE(values(out, "x-forwarded-proto"), QList<QByteArray>({"http"}));
        for (const char* name : {"forwarded", "x-real-ip", "true-client-ip"})
            QCOMPARE(values(out, name).size(), othersKept ? 1 : 0);
    }

    void fateIsDecidedByNameInAnyLetterCase()
    {
        using Fate = UpstreamRequestHead::Fate;
        QCOMPARE(UpstreamRequestHead::fate("AUTHORIZATION", "x", true), Fate::Drop);
        QCOMPARE(UpstreamRequestHead::fate("x-forwarded-for", "1.2.3.4", false), Fate::Drop);
        QCOMPARE(UpstreamRequestHead::fate("X-Forwarded-For", "1.2.3.4", true), Fate::Forwarding);
        QCOMPARE(UpstreamRequestHead::fate("Accept", "*/*", false), Fate::Keep);
        QCOMPARE(UpstreamRequestHead::fate("Content-Length", "3", false), Fate::Drop);
    }
};

QTEST_APPLESS_MAIN(TestUpstreamRequestHead)
#include "TestUpstreamRequestHead.moc"

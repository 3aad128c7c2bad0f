// The API routes tried as an attacker would: paths that another reading would send elsewhere, framing and header
// tricks, and tokens echoed back. Against a recording upstream, each refused request must never reach it, and each
// forwarded one must reach it exactly as the gateway decided (normalised path, edge headers).

#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

class TestHostileApiInput : public QObject
{
    Q_OBJECT

private:
    LoopbackUpstream m_upstream;
    std::unique_ptr<test::GatewayHarness> m_gateway;
    QByteArray m_token; // api:public:read api:api:read api:billing

    RawHttpClient::Response call(QByteArray method, QByteArray target, Headers headers = {}, QByteArray body = {})
    {
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token});
        return RawHttpClient::request(
            m_gateway->port(), std::move(method), std::move(target), std::move(headers), std::move(body));
    }

    // Sends `bytes` as they are on a fresh connection and reads one response.
    std::optional<RawHttpClient::Response> raw(const QByteArray& bytes)
    {
        RawHttpClient client;
        if (!client.connectTo(m_gateway->port()) || !client.send(bytes))
            return std::nullopt;
        return client.readResponse();
    }

    static QJsonObject json(const RawHttpClient::Response& response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_upstream.start()); }

    void init()
    {
        m_gateway = std::make_unique<test::GatewayHarness>();
        // Two APIs of one origin, nested prefixes, and one that strips its prefix onto a base path.
        QVERIFY(m_gateway->addApi(QStringLiteral("public"), m_upstream.url(), QStringLiteral("/public")));
        QVERIFY(m_gateway->addApi(QStringLiteral("admin"), m_upstream.url(), QStringLiteral("/admin")));
        QVERIFY(m_gateway->addApi(QStringLiteral("api"), m_upstream.url(), QStringLiteral("/api")));
        QVERIFY(m_gateway->addApi(QStringLiteral("apiadmin"), m_upstream.url(), QStringLiteral("/api/admin")));
        QUrl billing = m_upstream.url();
        billing.setPath(QStringLiteral("/v2"));
        QVERIFY(m_gateway->addApi(QStringLiteral("billing"), billing, QStringLiteral("/billing"), true));
        QVERIFY(m_gateway->start());
        m_token = m_gateway->issueToken(
            {QStringLiteral("api:public:read"), QStringLiteral("api:api:read"), QStringLiteral("api:billing")});
        QVERIFY(!m_token.isEmpty());
    }

    void cleanup() { m_gateway.reset(); }

    // Each of these reached the admin API's upstream as written on the code before RequestPath.
    void pathsAreDecidedOnce_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("forwarded"); // what the upstream gets; empty: nothing reaches it

        QTest::newRow("dot-dot") << QByteArray("/public/../admin/secret") << 403 << QByteArray();
        QTest::newRow("encoded dot-dot") << QByteArray("/public/%2e%2e/admin/secret") << 403 << QByteArray();
        QTest::newRow("mixed-case encoded dot-dot") << QByteArray("/public/%2E%2e/admin/secret") << 403 << QByteArray();
        QTest::newRow("encoded slash") << QByteArray("/public/..%2fadmin/secret") << 400 << QByteArray();
        QTest::newRow("encoded slash upper") << QByteArray("/public/..%2Fadmin/secret") << 400 << QByteArray();
        QTest::newRow("encoded backslash") << QByteArray("/public/..%5cadmin/secret") << 400 << QByteArray();
        QTest::newRow("dot-dot with parameters") << QByteArray("/public/..;/admin/secret") << 400 << QByteArray();
        QTest::newRow("encoded dot-dot with parameters")
            << QByteArray("/public/%2e%2e;x/admin/secret") << 400 << QByteArray();
        QTest::newRow("backslash") << QByteArray("/public/..\\admin/secret") << 400 << QByteArray();
        QTest::newRow("double slash into a nested API") << QByteArray("/api//admin/users") << 403 << QByteArray();
        QTest::newRow("dot segment into a nested API") << QByteArray("/api/./admin/users") << 403 << QByteArray();
        QTest::newRow("climbs out of the base path") << QByteArray("/billing/../../admin") << 400 << QByteArray();
        QTest::newRow("fragment") << QByteArray("/public/x#y") << 400 << QByteArray();
        QTest::newRow("encoded NUL") << QByteArray("/public/x%00y") << 400 << QByteArray();
        QTest::newRow("bad escape") << QByteArray("/public/x%zz") << 400 << QByteArray();
        QTest::newRow("absolute form") << QByteArray("http://evil/public/x") << 400 << QByteArray();
        // Allowed, and forwarded in their normal form.
        QTest::newRow("merged slashes") << QByteArray("/public//x") << 200 << QByteArray("/public/x");
        QTest::newRow("unreserved decoded")
            << QByteArray("/public/%7Euser/%41") << 200 << QByteArray("/public/~user/A");
        QTest::newRow("dot segment inside") << QByteArray("/public/a/./b/../c") << 200 << QByteArray("/public/a/c");
        QTest::newRow("query untouched") << QByteArray("/public/x?a=/../b&c=%2F") << 200
                                         << QByteArray("/public/x?a=/../b&c=%2F");
        QTest::newRow("stripped onto the base path") << QByteArray("/billing/a/../b") << 200 << QByteArray("/v2/b");
    }

    void pathsAreDecidedOnce()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, forwarded);
        const int before = m_upstream.requestCount();
        const auto response = call("GET", target);
        QCOMPARE(response.status, status);
        if (status != 200) {
            // Every refusal carries a JSON body that says why.
            QVERIFY(!json(response).value(QStringLiteral("error")).toString().isEmpty());
            QTest::qWait(20);
            QCOMPARE(m_upstream.requestCount(), before);
            return;
        }
        QCOMPARE(m_upstream.requestCount(), before + 1);
        QCOMPARE(m_upstream.requests().last().target, forwarded);
        // The log shows the path that was decided on, not the raw one.
        const auto rows = m_gateway->logRows();
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.last().event.path.split('?').first(),
            forwarded.startsWith("/v2") ? "/billing/b" : forwarded.split('?').first());
    }

    void theGatewayIsTheEdge()
    {
        const auto response = call("GET", "/public/x",
            {{"X-Forwarded-For", "203.0.113.9"}, {"Forwarded", "for=203.0.113.9"}, {"X-Real-IP", "203.0.113.9"},
                {"True-Client-IP", "203.0.113.9"}, {"X-Forwarded-Port", "1"}, {"X-Forwarded-Prefix", "/admin"},
                {"X-HTTP-Method-Override", "DELETE"}, {"X-Method-Override", "DELETE"}, {"X-HTTP-Method", "DELETE"},
                {"X-Original-URL", "/admin/secret"}, {"X-Rewrite-URL", "/admin/secret"}, {"X-Custom", "kept"},
                {"x-api-key", "upstream-key"}});
        QCOMPARE(response.status, 200);
        const auto received = m_upstream.requests().last();
        QCOMPARE(received.header("X-Forwarded-For"), QByteArray("127.0.0.1"));
        for (const char* dropped : {"Forwarded", "X-Real-IP", "True-Client-IP", "X-Forwarded-Port",
                 "X-Forwarded-Prefix", "X-HTTP-Method-Override", "X-Method-Override", "X-HTTP-Method", "X-Original-URL",
                 "X-Rewrite-URL", "Authorization"})
            QVERIFY2(received.header(dropped).isEmpty(), dropped);
        QCOMPARE(received.header("X-Custom"), QByteArray("kept"));
        // A key of the upstream's own is the client's business; a Gatehouse token in the same header is not.
        QCOMPARE(received.header("x-api-key"), QByteArray("upstream-key"));
    }

    void aGatehouseTokenNeverLeavesInAnyCredentialHeader()
    {
        const QByteArray other = m_gateway->issueToken({QStringLiteral("api:admin")});
        const auto response
            = call("GET", "/public/x", {{"x-api-key", other}, {"api-key", other}, {"X-Goog-Api-Key", "GTH_" + other}});
        QCOMPARE(response.status, 200);
        const auto received = m_upstream.requests().last();
        QVERIFY(received.header("x-api-key").isEmpty());
        QVERIFY(received.header("api-key").isEmpty());
        QVERIFY(received.header("x-goog-api-key").isEmpty());
        for (const auto& [name, value] : received.headers)
            QVERIFY2(!value.contains(m_token) && !value.contains(other), name.constData());
    }

    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty transfer-encoding")
            << QByteArray("POST /public/x HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: \r\nContent-Length: 3\r\n\r\nabc");
        QTest::newRow("whitespace transfer-encoding") << QByteArray(
            "POST /public/x HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding:   \r\nContent-Length: 3\r\n\r\nabc");
        QTest::newRow("transfer-encoding and content-length") << QByteArray(
            "POST /public/x HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n");
        QTest::newRow("two content-lengths")
            << QByteArray("POST /public/x HTTP/1.1\r\nHost: gw\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        QTest::newRow("obsolete line folding")
            << QByteArray("GET /public/x HTTP/1.1\r\nHost: gw\r\nX-A: a\r\n b\r\n\r\n");
        QTest::newRow("bare LF") << QByteArray("GET /public/x HTTP/1.1\nHost: gw\n\n");
        QTest::newRow("space before colon") << QByteArray("GET /public/x HTTP/1.1\r\nHost : gw\r\n\r\n");
    }

    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, bytes);
        const int before = m_upstream.requestCount();
        // With a valid token, so that only the framing can be what refuses it.
        const qsizetype firstLineEnd = bytes.indexOf('\n') + 1;
        bytes.insert(firstLineEnd, "Authorization: Bearer " + m_token + (bytes.contains("\r\n") ? "\r\n" : "\n"));
        const auto response = raw(bytes);
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QVERIFY(!QJsonDocument::fromJson(response->body).object().isEmpty());
        QTest::qWait(20);
        QCOMPARE(m_upstream.requestCount(), before);
    }

    void noAnswerEchoesAToken_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("query, lower case") << QByteArray("/public/x?access_token=") << 400;
        QTest::newRow("query, upper case") << QByteArray("/public/x?ACCESS_TOKEN=") << 400;
        QTest::newRow("query of no API") << QByteArray("/nothing?Access_Token=") << 404;
        QTest::newRow("query, another name") << QByteArray("/public/x?token=") << 400;
        QTest::newRow("query, prefix in capitals") << QByteArray("/public/x?t=GTH_") << 400;
        QTest::newRow("path of no API") << QByteArray("/nothing/") << 404;
    }

    void noAnswerEchoesAToken()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const QByteArray secret = m_gateway->issueToken({QStringLiteral("api:admin")});
        // The token, or its body after a prefix the test already wrote.
        target += target.endsWith("GTH_") ? secret.mid(4) : secret;
        const int before = m_upstream.requestCount();
        const auto response
            = RawHttpClient::request(m_gateway->port(), "GET", target, {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(response.status, status);
        QVERIFY(!response.body.contains(secret.mid(4)));
        for (const auto& [name, value] : response.headers)
            QVERIFY2(!value.contains(secret.mid(4)), name.constData());
        QCOMPARE(m_upstream.requestCount(), before);
        // Nor does the log.
        for (const auto& row : m_gateway->logRows())
            QVERIFY(!row.event.path.contains(secret.mid(4)));
    }
};

QTEST_GUILESS_MAIN(TestHostileApiInput)
#include "TestHostileApiInput.moc"

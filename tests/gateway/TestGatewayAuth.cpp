// RFC 6750 at the gateway: every outcome with its exact status, challenge and JSON body, and
// never a request to the upstream for a refused one.

#include "core/tokens/TokenFormat.h"
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

class TestGatewayAuth : public QObject
{
    Q_OBJECT

private:
    LoopbackUpstream m_upstream;
    std::unique_ptr<test::GatewayHarness> m_gateway;
    QByteArray m_readToken; // api:billing:read
    QByteArray m_writeToken; // api:billing

    RawHttpClient::Response call(QByteArray method, QByteArray target, Headers headers)
    {
        return RawHttpClient::request(m_gateway->port(), std::move(method), std::move(target), std::move(headers));
    }

    static QJsonObject body(const RawHttpClient::Response& response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

private Q_SLOTS:
    void init()
    {
        if (!m_upstream.isRunning())
            QVERIFY(m_upstream.start());
        m_gateway = std::make_unique<test::GatewayHarness>();
        QVERIFY(m_gateway->addApi(QStringLiteral("billing"), m_upstream.url()));
        QVERIFY(m_gateway->start());
        m_readToken = m_gateway->issueToken({QStringLiteral("api:billing:read")});
        m_writeToken = m_gateway->issueToken({QStringLiteral("api:billing")});
        QVERIFY(!m_readToken.isEmpty());
    }

    void cleanup() { m_gateway.reset(); }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QList<QByteArray>>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QString>("error");

        const QByteArray bare = "Bearer realm=\"gatehouse\"";
        QTest::newRow("no token") << QByteArray("GET") << QByteArray("/billing/x") << QList<QByteArray>() << 401 << bare
                                  << QStringLiteral("unauthorized");
        QTest::newRow("other scheme") << QByteArray("GET") << QByteArray("/billing/x")
                                      << QList<QByteArray> {"Basic dXNlcjpwdw=="} << 401 << bare
                                      << QStringLiteral("unauthorized");
        QTest::newRow("bearer without token")
            << QByteArray("GET") << QByteArray("/billing/x") << QList<QByteArray> {"Bearer"} << 400
            << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_request\"") << QStringLiteral("invalid_request");
        QTest::newRow("two tokens") << QByteArray("GET") << QByteArray("/billing/x") << QList<QByteArray> {"Bearer a b"}
                                    << 400 << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_request\"")
                                    << QStringLiteral("invalid_request");
        QTest::newRow("two headers") << QByteArray("GET") << QByteArray("/billing/x")
                                     << QList<QByteArray> {"Bearer gth_a", "Bearer gth_b"} << 400
                                     << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_request\"")
                                     << QStringLiteral("invalid_request");
        QTest::newRow("token in query") << QByteArray("GET") << QByteArray("/billing/x?access_token=gth_x")
                                        << QList<QByteArray>() << 400
                                        << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_request\"")
                                        << QStringLiteral("invalid_request");
        QTest::newRow("not a gatehouse token")
            << QByteArray("GET") << QByteArray("/billing/x") << QList<QByteArray> {"Bearer abc.def"} << 401
            << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_token\"") << QStringLiteral("invalid_token");
        QTest::newRow("unknown token") << QByteArray("GET") << QByteArray("/billing/x")
                                       << QList<QByteArray> {"Bearer "
                                              + tokens::TokenFormat::mint().view().toByteArray()}
                                       << 401 << QByteArray("Bearer realm=\"gatehouse\", error=\"invalid_token\"")
                                       << QStringLiteral("invalid_token");
    }

    void refusals()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QList<QByteArray>, authorization);
        QFETCH(int, status);
        QFETCH(QByteArray, challenge);
        QFETCH(QString, error);
        const int before = m_upstream.requestCount();
        Headers headers;
        for (const QByteArray& value : authorization)
            headers.append({"Authorization", value});
        const auto response = call(method, target, headers);
        QCOMPARE(response.status, status);
        QVERIFY2(
            response.header("WWW-Authenticate").startsWith(challenge), response.header("WWW-Authenticate").constData());
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(body(response).value(QStringLiteral("error")).toString(), error);
        QVERIFY(!body(response).value(QStringLiteral("error_description")).toString().isEmpty());
        QCOMPARE(m_upstream.requestCount(), before);
    }

    void noTokenChallengeHasNoErrorCode()
    {
        const auto response = call("GET", "/billing/x", {});
        QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Bearer realm=\"gatehouse\""));
    }

    void mistypedTokenIsRejectedByItsChecksum()
    {
        QByteArray typo = m_readToken;
        typo[20] = typo[20] == 'x' ? 'y' : 'x';
        const auto response = call("GET", "/billing/x", {{"Authorization", "Bearer " + typo}});
        QCOMPARE(response.status, 401);
        QVERIFY(
            body(response).value(QStringLiteral("error_description")).toString().contains(QStringLiteral("checksum")));
    }

    void readScopeAllowsReadsOnly()
    {
        auto response = call("GET", "/billing/invoices", {{"Authorization", "Bearer " + m_readToken}});
        QCOMPARE(response.status, 200);
        response = call("HEAD", "/billing/invoices", {{"Authorization", "Bearer " + m_readToken}});
        QCOMPARE(response.status, 200);
        const int before = m_upstream.requestCount();
        response = call("POST", "/billing/invoices", {{"Authorization", "Bearer " + m_readToken}});
        QCOMPARE(response.status, 403);
        QCOMPARE(response.header("WWW-Authenticate"),
            QByteArray(
                "Bearer realm=\"gatehouse\", error=\"insufficient_scope\", error_description=\"the token's scopes "
                "do not allow POST on the API \\\"billing\\\"\", scope=\"api:billing:write\""));
        QCOMPARE(body(response).value(QStringLiteral("scope")).toString(), QStringLiteral("api:billing:write"));
        QCOMPARE(m_upstream.requestCount(), before);
        response = call("DELETE", "/billing/invoices/1", {{"Authorization", "Bearer " + m_writeToken}});
        QCOMPARE(response.status, 200);
    }

    void expiredTokenIsRefusedWithItsReason()
    {
        const QByteArray shortLived = m_gateway->issueToken({QStringLiteral("api:billing")}, 60'000);
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + shortLived}}).status, 200);
        m_gateway->catalog.clock.advanceMs(61'000);
        const auto response = call("GET", "/billing/x", {{"Authorization", "Bearer " + shortLived}});
        QCOMPARE(response.status, 401);
        QVERIFY(
            body(response).value(QStringLiteral("error_description")).toString().contains(QStringLiteral("expired")));
    }

    void revocationIsSeenByTheVeryNextRequest()
    {
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + m_writeToken}}).status, 200);
        QVERIFY(m_gateway->catalog.tokens.revoke(m_gateway->tokenId(m_writeToken), QStringLiteral("test")).ok());
        const auto response = call("GET", "/billing/x", {{"Authorization", "Bearer " + m_writeToken}});
        QCOMPARE(response.status, 401);
        QCOMPARE(body(response).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_token"));
        QVERIFY(
            body(response).value(QStringLiteral("error_description")).toString().contains(QStringLiteral("revoked")));
    }

    void rotationGraceKeepsTheOldTokenWorking()
    {
        auto rotated = m_gateway->catalog.tokens.rotate(m_gateway->tokenId(m_writeToken), 60'000);
        QVERIFY(rotated.ok());
        const QByteArray replacement = rotated->plaintext.view().toByteArray();
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + m_writeToken}}).status, 200);
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + replacement}}).status, 200);
        m_gateway->catalog.clock.advanceMs(60'001);
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + m_writeToken}}).status, 401);
        QCOMPARE(call("GET", "/billing/x", {{"Authorization", "Bearer " + replacement}}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestGatewayAuth)
#include "TestGatewayAuth.moc"

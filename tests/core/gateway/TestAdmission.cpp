// The admission decision apart from any socket: a hand-made snapshot, parsed heads, and what the gateway decides
// for each, table by table: paths, credentials, scopes, the AI routes' endpoints and models, limits and budgets.

#include "core/gateway/Admission.h"
#include "core/gateway/RateLimiter.h"
#include "core/tokens/TokenFormat.h"
#include "core/tokens/TokenHash.h"
#include "core/usage/UsageLedger.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::gateway;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;

Route route(qint64 id, const char* name, const char* prefix)
{
    Route r;
    r.apiId = id;
    r.name = QString::fromLatin1(name);
    r.prefix = prefix;
    return r;
}

struct Fixture
{
    QByteArray readToken; // api:public:read api:api:read
    QByteArray aiToken; // ai:fake/cheap ai:local/*
    QByteArray adminToken; // ai:fake:admin
    QByteArray limitedToken; // api:public, 1 request a minute
    QByteArray revokedToken;
    std::shared_ptr<const Snapshot> snapshot;
    RateLimiter rateLimiter;
    RateLimiter aiRequestLimiter;
    RateLimiter aiTokenLimiter;
    UsageLedger usage;

    Fixture()
    {
        QList<TokenGrant> grants;
        auto grant = [&](qint64 id, const QStringList& scopes, QByteArray& plaintext) -> TokenGrant& {
            plaintext = tokens::TokenFormat::mint().view().toByteArray();
            TokenGrant g;
            g.id = id;
            g.consumerId = 1;
            g.secretHash = tokens::sha256(plaintext);
            g.scopes = *tokens::ScopeSet::parse(scopes);
            grants.append(g);
            return grants.last();
        };
        grant(1, {QStringLiteral("api:public:read"), QStringLiteral("api:api:read")}, readToken);
        grant(2, {QStringLiteral("ai:fake/cheap"), QStringLiteral("ai:local/*")}, aiToken);
        grant(3, {QStringLiteral("ai:fake:admin")}, adminToken);
        grant(4, {QStringLiteral("api:public")}, limitedToken).rateLimit = *RateLimit::parse(u"1/m");
        grant(5, {QStringLiteral("api:public")}, revokedToken).revokedAtMs = kNow - 1;

        AiProviderRoute fake;
        fake.id = 1;
        fake.name = QStringLiteral("fake");
        fake.type = QStringLiteral("openai-compatible");
        fake.models = {QStringLiteral("cheap"), QStringLiteral("expensive")};
        AiProviderRoute local;
        local.id = 2;
        local.name = QStringLiteral("local");
        local.type = QStringLiteral("ollama");
        AiProviderRoute gemini;
        gemini.id = 3;
        gemini.name = QStringLiteral("gem");
        gemini.type = QStringLiteral("gemini");
        snapshot = std::make_shared<Snapshot>(1,
            QList<Route> {route(1, "public", "/public"), route(2, "admin", "/admin"), route(3, "api", "/api"),
                route(4, "apiadmin", "/api/admin")},
            grants, AiCatalog(QStringLiteral("c"), {fake, local, gemini}, {}));
    }

    Admission::Context context()
    {
        return Admission::Context {*snapshot, rateLimiter, aiRequestLimiter, aiTokenLimiter, usage, kNow};
    }

    QByteArray token(const QByteArray& which) const
    {
        if (which == "read")
            return readToken;
        if (which == "ai")
            return aiToken;
        if (which == "admin")
            return adminToken;
        if (which == "limited")
            return limitedToken;
        if (which == "revoked")
            return revokedToken;
        return which;
    }
};

HttpRequestHead head(const QByteArray& method, const QByteArray& target, const QByteArray& token,
    const QList<std::pair<QByteArray, QByteArray>>& extra = {})
{
    HttpRequestHead h;
    h.method = method;
    h.target = target;
    h.headers.append("Host", "gw");
    if (!token.isEmpty())
        h.headers.append("Authorization", QByteArray("Bearer " + token));
    for (const auto& [name, value] : extra)
        h.headers.append(name, value);
    return h;
}

} // namespace

class TestAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apiRequests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status"); // 0: forwarded
        QTest::addColumn<QByteArray>("reason"); // the refusal's reject reason
        QTest::addColumn<QByteArray>("routed"); // the API it routed to ("" for none)
        QTest::addColumn<QByteArray>("forwarded"); // the target the upstream would get

        QTest::newRow("allowed") << QByteArray("GET") << QByteArray("/public/x") << QByteArray("read") << 0
                                 << QByteArray() << QByteArray("public") << QByteArray("/public/x");
        QTest::newRow("write with a read scope") << QByteArray("POST") << QByteArray("/public/x") << QByteArray("read")
                                                 << 403 << QByteArray("scope") << QByteArray("public") << QByteArray();
        QTest::newRow("dot-dot routes to the API it names")
            << QByteArray("GET") << QByteArray("/public/../admin/secret") << QByteArray("read") << 403
            << QByteArray("scope") << QByteArray("admin") << QByteArray();
        QTest::newRow("encoded dot-dot") << QByteArray("GET") << QByteArray("/public/%2e%2e/admin/secret")
                                         << QByteArray("read") << 403 << QByteArray("scope") << QByteArray("admin")
                                         << QByteArray();
        QTest::newRow("encoded slash") << QByteArray("GET") << QByteArray("/public/..%2fadmin/secret")
                                       << QByteArray("read") << 400 << QByteArray("bad_target") << QByteArray()
                                       << QByteArray();
        QTest::newRow("path parameters on dot-dot")
            << QByteArray("GET") << QByteArray("/public/..;/admin/secret") << QByteArray("read") << 400
            << QByteArray("bad_target") << QByteArray() << QByteArray();
        QTest::newRow("backslash") << QByteArray("GET") << QByteArray("/public/..\\admin/secret") << QByteArray("read")
                                   << 400 << QByteArray("bad_target") << QByteArray() << QByteArray();
        QTest::newRow("merged slashes reach the nested API")
            << QByteArray("GET") << QByteArray("/api//admin/users") << QByteArray("read") << 403 << QByteArray("scope")
            << QByteArray("apiadmin") << QByteArray();
        QTest::newRow("dot segment reaches the nested API")
            << QByteArray("GET") << QByteArray("/api/./admin/users") << QByteArray("read") << 403 << QByteArray("scope")
            << QByteArray("apiadmin") << QByteArray();
        QTest::newRow("climbing above the root")
            << QByteArray("GET") << QByteArray("/public/../../admin") << QByteArray("read") << 400
            << QByteArray("bad_target") << QByteArray() << QByteArray();
        QTest::newRow("normalised and forwarded")
            << QByteArray("GET") << QByteArray("/public//a/./b/../%7Ec?q=/../") << QByteArray("read") << 0
            << QByteArray() << QByteArray("public") << QByteArray("/public/a/~c?q=/../");
        QTest::newRow("no API") << QByteArray("GET") << QByteArray("/nothing") << QByteArray("read") << 404
                                << QByteArray("no_route") << QByteArray() << QByteArray();
        QTest::newRow("no token") << QByteArray("GET") << QByteArray("/public/x") << QByteArray() << 401
                                  << QByteArray("missing") << QByteArray("public") << QByteArray();
        QTest::newRow("revoked") << QByteArray("GET") << QByteArray("/public/x") << QByteArray("revoked") << 401
                                 << QByteArray("revoked") << QByteArray("public") << QByteArray();
        QTest::newRow("token in the query, any case")
            << QByteArray("GET") << QByteArray("/public/x?ACCESS_TOKEN=abc") << QByteArray("read") << 400
            << QByteArray("query_token") << QByteArray("public") << QByteArray();
        QTest::newRow("gatehouse token in the query")
            << QByteArray("GET") << QByteArray("/public/x?k=GtH_abcdefghijklmnopqrstuvwxyz0123456789")
            << QByteArray("read") << 400 << QByteArray("query_token") << QByteArray("public") << QByteArray();
        QTest::newRow("a word that ends in gth_ is no token")
            << QByteArray("GET") << QByteArray("/public/x?strength_minimum_value_abcdefgh=3") << QByteArray("read") << 0
            << QByteArray() << QByteArray("public") << QByteArray("/public/x?strength_minimum_value_abcdefgh=3");
    }

    void apiRequests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, routed);
        QFETCH(QByteArray, forwarded);
        Fixture f;
        Admission::Context context = f.context();
        const AdmissionDecision decision = Admission::admitHead(head(method, target, f.token(token)), context);
        QCOMPARE(decision.route ? decision.route->name.toUtf8() : QByteArray(), routed);
        if (status == 0) {
            QCOMPARE(decision.action, AdmissionDecision::Action::Forward);
            QCOMPARE(decision.target.target(), forwarded);
            QVERIFY(decision.token);
            return;
        }
        QCOMPARE(decision.action, AdmissionDecision::Action::Refuse);
        QCOMPARE(decision.status, status);
        QCOMPARE(decision.rejectReason, reason);
        // Every refusal has a JSON body; credential refusals an RFC 6750 challenge.
        QVERIFY(decision.body.startsWith('{'));
        if (status == 401 || status == 403) {
            QVERIFY(!decision.headers.isEmpty());
            QCOMPARE(decision.headers.first().first, QByteArray("WWW-Authenticate"));
        }
    }

    void rateLimitsAreTaken()
    {
        Fixture f;
        Admission::Context context = f.context();
        const auto first = Admission::admitHead(head("GET", "/public/x", f.limitedToken), context);
        QCOMPARE(first.action, AdmissionDecision::Action::Forward);
        QVERIFY(!first.rateHeaders.isEmpty());
        const auto second = Admission::admitHead(head("GET", "/public/x", f.limitedToken), context);
        QCOMPARE(second.status, 429);
        QCOMPARE(second.rejectReason, QByteArray("rate_limited"));
    }

    void nativeAiRequests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("headStatus"); // 0: the body is read
        QTest::addColumn<int>("bodyStatus"); // 0: forwarded
        QTest::addColumn<QString>("model");

        QTest::newRow("allowed model") << QByteArray("POST") << QByteArray("/ai/fake/v1/chat/completions")
                                       << QByteArray("ai") << QByteArray("{\"model\":\"cheap\"}") << 0 << 0
                                       << QStringLiteral("cheap");
        QTest::newRow("the query names no model")
            << QByteArray("POST") << QByteArray("/ai/fake/v1/chat/completions?x=/models/cheap") << QByteArray("ai")
            << QByteArray("{\"model\":\"expensive\"}") << 0 << 403 << QString();
        QTest::newRow("model with CRLF") << QByteArray("POST") << QByteArray("/ai/fake/v1/chat/completions")
                                         << QByteArray("ai") << QByteArray("{\"model\":\"cheap\\r\\nX-A: b\"}") << 0
                                         << 400 << QString();
        QTest::newRow("no model") << QByteArray("POST") << QByteArray("/ai/fake/v1/chat/completions")
                                  << QByteArray("ai") << QByteArray("{}") << 0 << 400 << QString();
        QTest::newRow("files under an inference scope")
            << QByteArray("DELETE") << QByteArray("/ai/fake/v1/files/file-x") << QByteArray("ai") << QByteArray() << 403
            << 0 << QString();
        QTest::newRow("files with the admin scope") << QByteArray("DELETE") << QByteArray("/ai/fake/v1/files/file-x")
                                                    << QByteArray("admin") << QByteArray() << 0 << 0 << QString();
        QTest::newRow("ollama delete") << QByteArray("DELETE") << QByteArray("/ai/local/api/delete") << QByteArray("ai")
                                       << QByteArray("{\"model\":\"x\"}") << 403 << 0 << QString();
        QTest::newRow("ollama chat") << QByteArray("POST") << QByteArray("/ai/local/api/chat") << QByteArray("ai")
                                     << QByteArray("{\"model\":\"llama3\"}") << 0 << 0 << QStringLiteral("llama3");
        QTest::newRow("unknown endpoint")
            << QByteArray("POST") << QByteArray("/ai/fake/v1/nonsense") << QByteArray("ai")
            << QByteArray("{\"model\":\"cheap\"}") << 404 << 0 << QString();
        QTest::newRow("no such provider") << QByteArray("POST") << QByteArray("/ai/none/v1/chat/completions")
                                          << QByteArray("ai") << QByteArray() << 404 << 0 << QString();
    }

    void nativeAiRequests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, body);
        QFETCH(int, headStatus);
        QFETCH(int, bodyStatus);
        QFETCH(QString, model);
        Fixture f;
        Admission::Context context = f.context();
        AdmissionDecision decision = Admission::admitHead(head(method, target, f.token(token)), context);
        if (headStatus != 0) {
            QCOMPARE(decision.action, AdmissionDecision::Action::Refuse);
            QCOMPARE(decision.status, headStatus);
            return;
        }
        QCOMPARE(decision.action, AdmissionDecision::Action::ReadAiBody);
        QCOMPARE(decision.kind, AdmissionDecision::Kind::AiNative);
        decision = Admission::admitNativeBody(std::move(decision), body, context);
        if (bodyStatus != 0) {
            QCOMPARE(decision.action, AdmissionDecision::Action::Refuse);
            QCOMPARE(decision.status, bodyStatus);
            for (const auto& [name, value] : decision.headers)
                QVERIFY(!value.contains('\r') && !value.contains('\n'));
            return;
        }
        QCOMPARE(decision.action, AdmissionDecision::Action::Forward);
        QCOMPARE(decision.model, model);
    }

    void theGatewaysOwnRoutesTakeOnlyTheAuthorizationHeader()
    {
        Fixture f;
        Admission::Context context = f.context();
        const auto decision = Admission::admitHead(
            head("POST", "/ai/v1/chat/completions", QByteArray(), {{"x-api-key", f.aiToken}}), context);
        QCOMPARE(decision.status, 401);
        // On a native route the SDK's own key header carries it, and only one credential is taken.
        const auto native = Admission::admitHead(
            head("POST", "/ai/fake/v1/chat/completions", f.aiToken, {{"x-api-key", f.aiToken}}), context);
        QCOMPARE(native.status, 400);
    }

    void redactsTokens()
    {
        Fixture f;
        QCOMPARE(Admission::redactTokens(QByteArray("/a/" + f.readToken + "/b")), QByteArray("/a/gth_[redacted]/b"));
        QCOMPARE(Admission::redactTokens(QByteArray("/a/GTH_" + f.readToken.mid(4) + "?x=" + f.aiToken)),
            QByteArray("/a/gth_[redacted]?x=gth_[redacted]"));
        // Cut short, or with its underscore percent-encoded, it is still a token; inside a word it is not.
        QCOMPARE(
            Admission::redactTokens(QByteArray("/a/gth%5F" + f.readToken.mid(4, 20))), QByteArray("/a/gth_[redacted]"));
        QCOMPARE(Admission::redactTokens("/a/b_c?strength_min=3&length_abcdefghijklmnopqrstuvwxyz=1"),
            QByteArray("/a/b_c?strength_min=3&length_abcdefghijklmnopqrstuvwxyz=1"));
        QVERIFY(Admission::carriesToken(QByteArray("Bearer " + f.readToken.toUpper())));
        QVERIFY(!Admission::carriesToken("gth_short"));
        QVERIFY(!Admission::carriesToken("sk-abc_def"));
    }
};

QTEST_GUILESS_MAIN(TestAdmission)
#include "TestAdmission.moc"

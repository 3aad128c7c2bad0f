#include "core/catalog/TokenService.h"

#include "core/tokens/TokenFormat.h"
#include "core/tokens/TokenHash.h"
#include "tests/support/TestCatalog.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

class TestTokenService : public QObject
{
    Q_OBJECT

private:
    static TokenRequest request(const test::TestCatalog& t, int days = 30)
    {
        return {QStringLiteral("mobile-app"), QStringLiteral("phone"), {QStringLiteral("api:billing:read")},
            t.expiryInDays(days)};
    }

private Q_SLOTS:
    void createStoresOnlyTheHash()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        t.addBillingApiAndConsumer();
        QSignalSpy created(&t.tokens, &TokenService::tokenCreated);
        auto issued = t.tokens.create(request(t));
        QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
        const QByteArray plaintext = issued->plaintext.view().toByteArray();
        QCOMPARE(tokens::TokenFormat::check(plaintext), tokens::TokenFormat::Defect::None);
        QCOMPARE(issued->token.secretHash, tokens::sha256(plaintext));
        QCOMPARE(issued->token.hint, QString::fromLatin1(plaintext.right(4)));
        QCOMPARE(issued->token.consumerName, QStringLiteral("mobile-app"));
        QCOMPARE(issued->token.scopes, QStringList {QStringLiteral("api:billing:read")});
        QCOMPARE(created.count(), 1);
        QCOMPARE(t.tokens.state(issued->token), TokenState::Active);

        auto found = t.tokens.findBySecret(plaintext);
        QVERIFY(found.ok());
        QCOMPARE(found->id, issued->token.id);
        QCOMPARE(found->expires, t.clock.now().addDays(30));

        // Neither the catalog nor its WAL holds the plaintext or its random body.
        t.catalog.close();
        QDirIterator files(t.directory(), QDir::Files);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(plaintext.mid(4, 20)), qPrintable(file.fileName()));
            ++scanned;
        }
        QVERIFY(scanned >= 1);
    }

    void createValidatesBeforeWriting_data()
    {
        QTest::addColumn<QString>("consumer");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("field");
        QTest::newRow("no scopes") << QStringLiteral("mobile-app") << QStringList() << 7 << QStringLiteral("scope");
        QTest::newRow("bad scope") << QStringLiteral("mobile-app") << QStringList {QStringLiteral("billing")} << 7
                                   << QStringLiteral("scope");
        QTest::newRow("unknown api") << QStringLiteral("mobile-app") << QStringList {QStringLiteral("api:nope")} << 7
                                     << QStringLiteral("scope");
        QTest::newRow("unknown consumer") << QStringLiteral("ghost") << QStringList {QStringLiteral("api:billing")} << 7
                                          << QStringLiteral("consumer");
        QTest::newRow("past expiry") << QStringLiteral("mobile-app") << QStringList {QStringLiteral("api:billing")}
                                     << -1 << QStringLiteral("ttl");
    }

    void createValidatesBeforeWriting()
    {
        QFETCH(QString, consumer);
        QFETCH(QStringList, scopes);
        QFETCH(int, days);
        QFETCH(QString, field);
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        const qint64 revision = t.revision();
        auto issued = t.tokens.create({consumer, QString(), scopes, t.expiryInDays(days)});
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().field, field);
        QVERIFY(issued.error().isUsageError());
        QCOMPARE(t.rowCount(QStringLiteral("tokens")), 0);
        QCOMPARE(t.revision(), revision);
    }

    void expiryIsRequiredUnlessNeverIsExplicit()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto missing = t.tokens.create(
            {QStringLiteral("mobile-app"), QString(), {QStringLiteral("api:billing")}, tokens::Expiry {}});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, QStringLiteral("ttl"));
        tokens::Expiry never;
        never.never = true;
        auto forever
            = t.tokens.create({QStringLiteral("mobile-app"), QString(), {QStringLiteral("api:billing")}, never});
        QVERIFY(forever.ok());
        QVERIFY(forever->token.neverExpires());
        t.clock.advanceDays(36500);
        QCOMPARE(t.tokens.state(*t.tokens.find(forever->token.id)), TokenState::Active);
        QVERIFY(forever->token.name.startsWith(QStringLiteral("mobile-app "))); // default name
    }

    void statesFollowTheClock()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto issued = t.tokens.create(request(t, 10));
        QVERIFY(issued.ok());
        const qint64 id = issued->token.id;
        auto stateNow = [&] { return t.tokens.state(*t.tokens.find(id)); };
        QCOMPARE(stateNow(), TokenState::Active);
        t.clock.advanceDays(4);
        QCOMPARE(stateNow(), TokenState::Expiring);
        TokenFilter expiring;
        expiring.state = TokenState::Expiring;
        QCOMPARE(t.tokens.list(expiring)->size(), 1);
        TokenFilter active;
        active.state = TokenState::Active; // every usable token
        QCOMPARE(t.tokens.list(active)->size(), 1);
        t.clock.advanceDays(6);
        QCOMPARE(stateNow(), TokenState::Expired);
        QCOMPARE(t.tokens.list(active)->size(), 0);
        TokenFilter expired;
        expired.state = TokenState::Expired;
        QCOMPARE(t.tokens.list(expired)->size(), 1);
    }

    void listFiltersByConsumer()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        QVERIFY(t.consumers.add(QStringLiteral("data-team")).ok());
        QVERIFY(t.tokens.create(request(t)).ok());
        QVERIFY(
            t.tokens
                .create({QStringLiteral("data-team"), QString(), {QStringLiteral("api:billing")}, t.expiryInDays(1)})
                .ok());
        TokenFilter filter;
        filter.consumer = QStringLiteral("data-team");
        auto tokens = t.tokens.list(filter);
        QCOMPARE(tokens->size(), 1);
        QCOMPARE(tokens->first().consumerName, QStringLiteral("data-team"));
        QCOMPARE(t.tokens.list()->size(), 2);
    }

    void revokeIsImmediateIdempotentAndAudited()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto issued = t.tokens.create(request(t));
        QVERIFY(issued.ok());
        QSignalSpy revoked(&t.tokens, &TokenService::tokenRevoked);
        const qint64 before = t.revision();
        auto token = t.tokens.revoke(issued->token.id, QStringLiteral("leaked"));
        QVERIFY(token.ok());
        QCOMPARE(t.tokens.state(*token), TokenState::Revoked);
        QCOMPARE(token->revokeReason, QStringLiteral("leaked"));
        QCOMPARE(revoked.count(), 1);
        QCOMPARE(t.revision(), before + 1);
        QCOMPARE(t.audit.list()->first().action, QStringLiteral("token.revoke"));
        QCOMPARE(t.audit.list()->first().details.value(QStringLiteral("reason")).toString(), QStringLiteral("leaked"));

        t.clock.advanceSecs(10);
        auto again = t.tokens.revoke(issued->token.id, QStringLiteral("again"));
        QVERIFY(again.ok());
        QCOMPARE(again->revokeReason, QStringLiteral("leaked")); // the first revocation stands
        QCOMPARE(again->revoked, token->revoked);
        QCOMPARE(revoked.count(), 1);
        QCOMPARE(t.revision(), before + 1);

        auto missing = t.tokens.revoke(9999);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }

    void rotateWithGraceKeepsTheOldTokenUntilItEnds()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto original = t.tokens.create(request(t, 30));
        QVERIFY(original.ok());
        t.clock.advanceDays(10);
        QSignalSpy rotated(&t.tokens, &TokenService::tokenRotated);
        auto replacement = t.tokens.rotate(original->token.id, 3600'000);
        QVERIFY(replacement.ok());
        QCOMPARE(rotated.count(), 1);
        QCOMPARE(replacement->token.rotatedFrom, original->token.id);
        QCOMPARE(replacement->token.scopes, original->token.scopes);
        QCOMPARE(replacement->token.consumerId, original->token.consumerId);
        QCOMPARE(replacement->token.expires, t.clock.now().addDays(30)); // the same lifetime, from now
        QVERIFY(replacement->plaintext.view() != original->plaintext.view());

        auto old = t.tokens.find(original->token.id);
        QCOMPARE(old->graceEnds, t.clock.now().addSecs(3600));
        QCOMPARE(t.tokens.state(*old), TokenState::Active);
        t.clock.advanceSecs(3599);
        QCOMPARE(t.tokens.state(*old), TokenState::Active);
        t.clock.advanceSecs(1);
        QCOMPARE(t.tokens.state(*old), TokenState::Revoked);
        QCOMPARE(t.tokens.state(*t.tokens.find(replacement->token.id)), TokenState::Active);
    }

    void rotateWithoutGraceStopsTheOldTokenAtOnce()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto original = t.tokens.create(request(t));
        QVERIFY(original.ok());
        QVERIFY(t.tokens.rotate(original->token.id).ok());
        QCOMPARE(t.tokens.state(*t.tokens.find(original->token.id)), TokenState::Revoked);
    }

    void rotateRefusesUnusableOrAlreadyRotatedTokens()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto original = t.tokens.create(request(t));
        QVERIFY(t.tokens.rotate(original->token.id, 60'000).ok());
        auto twice = t.tokens.rotate(original->token.id, 60'000);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().kind, Error::Kind::Conflict);
        QVERIFY(twice.error().message.contains(QStringLiteral("already rotated")));

        auto revoked = t.tokens.create(request(t));
        QVERIFY(t.tokens.revoke(revoked->token.id).ok());
        const qint64 revision = t.revision();
        auto refused = t.tokens.rotate(revoked->token.id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QCOMPARE(t.revision(), revision);
        QVERIFY(!t.tokens.rotate(revoked->token.id, -5).ok());
    }

    void lookupRejectsMalformedTokensBeforeTheCatalog()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto issued = t.tokens.create(request(t));
        QByteArray typo = issued->plaintext.view().toByteArray();
        typo[10] = typo[10] == 'a' ? 'b' : 'a';
        auto malformed = t.tokens.findBySecret(typo);
        QVERIFY(!malformed.ok());
        QCOMPARE(malformed.error().kind, Error::Kind::InvalidInput);
        auto unknown = t.tokens.findBySecret(tokens::TokenFormat::mint().view());
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
        QVERIFY(t.tokens.findByHash(issued->token.secretHash).ok());
    }

    void aiLimitsAreStoredChangedAndCarriedByRotation()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        t.addBillingApiAndConsumer();
        TokenRequest limited = request(t);
        limited.aiLimits.budget = {100'000, 2'000'000};
        limited.aiLimits.requestsPerMinute = 60;
        limited.aiLimits.tokensPerMinute = 50'000;
        auto issued = t.tokens.create(limited);
        QVERIFY(issued);
        QCOMPARE(t.tokens.find(issued->token.id)->aiLimits, limited.aiLimits);
        QCOMPARE(t.audit.list()->first().details.value(QStringLiteral("budget_daily_tokens")).toInteger(), 100'000);

        // Changed: the rate limit and the AI limits together; 0 lifts a limit.
        QSignalSpy changed(&t.tokens, &TokenService::tokenLimitsChanged);
        AiLimits lifted = limited.aiLimits;
        lifted.requestsPerMinute = 0;
        lifted.budget.dailyTokens = 5000;
        auto updated = t.tokens.setLimits(issued->token.id, {QStringLiteral("10/s"), lifted});
        QVERIFY2(updated, updated ? "" : qPrintable(updated.error().toString()));
        QCOMPARE(changed.count(), 1);
        const Token stored = *t.tokens.find(issued->token.id);
        QCOMPARE(stored.aiLimits, lifted);
        QCOMPARE(stored.rateLimit, QStringLiteral("10/s"));
        const AuditEvent audited = t.audit.list()->first();
        QCOMPARE(audited.action, QStringLiteral("token.limits"));
        QVERIFY(!audited.details.contains(QStringLiteral("ai_requests_per_minute")));

        // Invalid values change nothing.
        AiLimits negative;
        negative.tokensPerMinute = -1;
        QVERIFY(!t.tokens.setLimits(issued->token.id, {QString(), negative}));
        QVERIFY(!t.tokens.setLimits(issued->token.id, {QStringLiteral("fast"), {}}));
        QVERIFY(!t.tokens.setLimits(9999, {}));
        QCOMPARE(t.tokens.find(issued->token.id)->aiLimits, lifted);
        QCOMPARE(changed.count(), 1);

        // A rotated token keeps its limits.
        auto rotated = t.tokens.rotate(issued->token.id);
        QVERIFY(rotated);
        QCOMPARE(t.tokens.find(rotated->token.id)->aiLimits, lifted);
        QCOMPARE(t.tokens.find(rotated->token.id)->rateLimit, QStringLiteral("10/s"));
    }

    void createRejectsInvalidAiLimits()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        t.addBillingApiAndConsumer();
        TokenRequest bad = request(t);
        bad.aiLimits.requestsPerMinute = aiLimits::kMaxRequestsPerMinute + 1;
        auto refused = t.tokens.create(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("ai-rpm"));
        QCOMPARE(t.rowCount(QStringLiteral("tokens")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "TestTokenService.moc"

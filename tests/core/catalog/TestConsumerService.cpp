#include "core/catalog/ConsumerService.h"

#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

class TestConsumerService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListAndFind()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        QSignalSpy added(&t.consumers, &ConsumerService::consumerAdded);
        auto consumer = t.consumers.add(QStringLiteral("mobile-app"), QStringLiteral("  The phone apps "));
        QVERIFY(consumer.ok());
        QCOMPARE(consumer->description, QStringLiteral("The phone apps"));
        QCOMPARE(added.count(), 1);
        auto listed = t.consumers.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().activeTokens, 0);
        QVERIFY(!listed->first().lastUsed.isValid());
        QCOMPARE(t.audit.list()->first().action, QStringLiteral("consumer.add"));
    }

    void invalidAndDuplicateWriteNothing()
    {
        test::TestCatalog t;
        auto bad = t.consumers.add(QStringLiteral("Mobile App"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("name"));
        auto longDescription
            = t.consumers.add(QStringLiteral("ok"), QString(ConsumerService::kMaxDescriptionLength + 1, u'x'));
        QVERIFY(!longDescription.ok());
        QCOMPARE(longDescription.error().field, QStringLiteral("description"));
        QVERIFY(t.consumers.add(QStringLiteral("ok")).ok());
        auto duplicate = t.consumers.add(QStringLiteral("ok"));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().kind, Error::Kind::Conflict);
        QCOMPARE(t.rowCount(QStringLiteral("consumers")), 1);
        QCOMPARE(t.rowCount(QStringLiteral("audit_events")), 1);
        QCOMPARE(t.revision(), 1);
    }

    void activeTokensAreCounted()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        const QStringList scopes {QStringLiteral("api:billing")};
        QVERIFY(t.tokens.create({QStringLiteral("mobile-app"), QStringLiteral("a"), scopes, t.expiryInDays(1)}).ok());
        QVERIFY(t.tokens.create({QStringLiteral("mobile-app"), QStringLiteral("b"), scopes, t.expiryInDays(30)}).ok());
        QCOMPARE(t.consumers.find(QStringLiteral("mobile-app"))->activeTokens, 2);
        t.clock.advanceDays(2); // "a" has expired
        QCOMPARE(t.consumers.find(QStringLiteral("mobile-app"))->activeTokens, 1);
    }

    void removeIsRefusedWhileTokensAreActive()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        QVERIFY(
            t.tokens
                .create({QStringLiteral("mobile-app"), QString(), {QStringLiteral("api:billing")}, t.expiryInDays(7)})
                .ok());
        const qint64 revision = t.revision();
        auto refused = t.consumers.remove(QStringLiteral("mobile-app"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QVERIFY(refused.error().message.contains(QStringLiteral("--revoke-tokens")));
        QCOMPARE(t.rowCount(QStringLiteral("consumers")), 1);
        QCOMPARE(t.revision(), revision);
    }

    void removeWithRevokeTokensRevokesThenDeletes()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        auto issued = t.tokens.create(
            {QStringLiteral("mobile-app"), QString(), {QStringLiteral("api:billing")}, t.expiryInDays(7)});
        QVERIFY(issued.ok());
        QSignalSpy removed(&t.consumers, &ConsumerService::consumerRemoved);
        QVERIFY(t.consumers.remove(QStringLiteral("mobile-app"), ConsumerService::TokenPolicy::RevokeActive).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(t.rowCount(QStringLiteral("consumers")), 0);
        QCOMPARE(t.rowCount(QStringLiteral("tokens")), 0);
        auto events = t.audit.list();
        QCOMPARE(events->at(0).action, QStringLiteral("consumer.remove"));
        QCOMPARE(events->at(1).action, QStringLiteral("token.revoke"));
        QCOMPARE(events->at(1).subject, QStringLiteral("token:%1").arg(issued->token.id));
    }

    void removeWithOnlyExpiredTokensSucceeds()
    {
        test::TestCatalog t;
        t.addBillingApiAndConsumer();
        QVERIFY(
            t.tokens
                .create({QStringLiteral("mobile-app"), QString(), {QStringLiteral("api:billing")}, t.expiryInDays(1)})
                .ok());
        t.clock.advanceDays(3);
        QVERIFY(t.consumers.remove(QStringLiteral("mobile-app")).ok());
    }

    void updateRenames()
    {
        test::TestCatalog t;
        QVERIFY(t.consumers.add(QStringLiteral("old")).ok());
        QVERIFY(t.consumers.add(QStringLiteral("taken")).ok());
        auto clash = t.consumers.update(QStringLiteral("old"), QStringLiteral("taken"), QString());
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().kind, Error::Kind::Conflict);
        auto renamed = t.consumers.update(QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("described"));
        QVERIFY(renamed.ok());
        QCOMPARE(t.consumers.find(QStringLiteral("new"))->description, QStringLiteral("described"));
        QVERIFY(!t.consumers.find(QStringLiteral("old")).ok());
    }

    void budgetIsStoredAndKeptUnlessChanged()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        auto added = t.consumers.add(QStringLiteral("team"), QString(), {100'000, 0});
        QVERIFY(added);
        QCOMPARE(added->budget, (UsageBudget {100'000, 0}));
        QCOMPARE(t.consumers.find(QStringLiteral("team"))->budget, (UsageBudget {100'000, 0}));

        // An update that does not name a budget keeps it; one that does replaces it.
        QVERIFY(t.consumers.update(QStringLiteral("team"), QStringLiteral("team"), QStringLiteral("the team")));
        QCOMPARE(t.consumers.find(QStringLiteral("team"))->budget, (UsageBudget {100'000, 0}));
        auto updated = t.consumers.update(
            QStringLiteral("team"), QStringLiteral("team"), QStringLiteral("the team"), UsageBudget {0, 3'000'000});
        QVERIFY(updated);
        QCOMPARE(updated->budget, (UsageBudget {0, 3'000'000}));
        QCOMPARE(t.consumers.list()->first().budget, (UsageBudget {0, 3'000'000}));
        QCOMPARE(t.audit.list()->first().details.value(QStringLiteral("budget_monthly_tokens")).toInteger(), 3'000'000);

        // A negative budget is refused, and nothing changes.
        QVERIFY(!t.consumers.update(QStringLiteral("team"), QStringLiteral("team"), QString(), UsageBudget {-5, 0}));
        QVERIFY(!t.consumers.add(QStringLiteral("other"), QString(), {0, -1}));
        QCOMPARE(t.consumers.find(QStringLiteral("team"))->budget, (UsageBudget {0, 3'000'000}));
        QCOMPARE(t.consumers.list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConsumerService)
#include "TestConsumerService.moc"

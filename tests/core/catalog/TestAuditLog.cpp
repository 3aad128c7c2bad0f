#include "core/catalog/AuditLog.h"

#include "tests/support/TestCatalog.h"

#include <QTest>

using namespace gatehouse;

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every change leaves exactly one audit event and one revision step, in commit order.
    void everyChangeIsAuditedAndBumpsTheRevision()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        t.addBillingApiAndConsumer();
        tokens::Expiry expiry;
        expiry.at = t.clock.now().addDays(7);
        auto issued = t.tokens.create(
            {QStringLiteral("mobile-app"), QStringLiteral("ci"), {QStringLiteral("api:billing:read")}, expiry});
        QVERIFY(issued.ok());
        auto rotated = t.tokens.rotate(issued->token.id, 3600'000);
        QVERIFY(rotated.ok());
        QVERIFY(t.tokens.revoke(rotated->token.id, QStringLiteral("done")).ok());
        QVERIFY(t.apis
                    .update(QStringLiteral("billing"),
                        {QStringLiteral("billing"), QStringLiteral("https://b.example"), QString(), false, 10'000})
                    .ok());
        QVERIFY(
            t.consumers.update(QStringLiteral("mobile-app"), QStringLiteral("mobile-app"), QStringLiteral("new text"))
                .ok());
        QVERIFY(t.consumers.remove(QStringLiteral("mobile-app"), ConsumerService::TokenPolicy::RevokeActive).ok());
        QVERIFY(t.apis.remove(QStringLiteral("billing")).ok());

        auto events = t.audit.list({1000, QString()});
        QVERIFY(events.ok());
        QStringList actions;
        for (auto it = events->crbegin(); it != events->crend(); ++it)
            actions.append(it->action);
        // The consumer removal revokes the rotated-away token, still in its grace period.
        QCOMPARE(actions,
            (QStringList {QStringLiteral("api.add"), QStringLiteral("consumer.add"), QStringLiteral("token.create"),
                QStringLiteral("token.rotate"), QStringLiteral("token.revoke"), QStringLiteral("api.update"),
                QStringLiteral("consumer.update"), QStringLiteral("token.revoke"), QStringLiteral("consumer.remove"),
                QStringLiteral("api.remove")}));
        // Ten audit events, but nine transactions: the consumer removal revokes in the same one.
        QCOMPARE(t.revision(), 9);
        for (const AuditEvent& event : *events)
            QCOMPARE(event.actor, QStringLiteral("test:admin"));
    }

    void filterAndLimit()
    {
        test::TestCatalog t;
        for (const char* name : {"alpha", "beta", "gamma"})
            QVERIFY(t.consumers.add(QString::fromLatin1(name)).ok());
        QCOMPARE(t.audit.list({2, QString()})->size(), 2);
        auto beta = t.audit.list({100, QStringLiteral("beta")});
        QCOMPARE(beta->size(), 1);
        QCOMPARE(beta->first().subject, QStringLiteral("consumer:beta"));
        QCOMPARE(t.audit.list({100, QStringLiteral("100%_")})->size(), 0); // LIKE wildcards are literal
        QCOMPARE(t.audit.list()->first().subject, QStringLiteral("consumer:gamma")); // newest first
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"

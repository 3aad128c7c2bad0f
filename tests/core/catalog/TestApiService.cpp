#include "core/catalog/ApiService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/SqlQuery.h"
#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

class TestApiService : public QObject
{
    Q_OBJECT

private:
    static ApiSpec billing()
    {
        return {QStringLiteral("billing"), QStringLiteral("https://billing.example.com/v2/"), QString(), true, 30'000};
    }

private Q_SLOTS:
    void addValidatesNormalisesAndAudits()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        QSignalSpy added(&t.apis, &ApiService::apiAdded);
        auto api = t.apis.add(billing());
        QVERIFY2(api.ok(), qPrintable(api.ok() ? QString() : api.error().toString()));
        QCOMPARE(api->prefix, QStringLiteral("/billing")); // default prefix is /NAME
        QCOMPARE(api->upstream.toString(), QStringLiteral("https://billing.example.com/v2"));
        QCOMPARE(api->created, t.clock.now());
        QCOMPARE(added.count(), 1);
        QCOMPARE(t.revision(), 1);

        auto events = t.audit.list();
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().action, QStringLiteral("api.add"));
        QCOMPARE(events->first().subject, QStringLiteral("api:billing"));
        QCOMPARE(events->first().actor, QStringLiteral("test:admin"));

        auto found = t.apis.find(QStringLiteral("billing"));
        QVERIFY(found.ok());
        QCOMPARE(found->timeoutMs, 30'000);
        QVERIFY(found->stripPrefix);
    }

    void invalidInputNamesTheFieldAndWritesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<qint64>("timeoutMs");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad name") << QStringLiteral("Bad Name") << QStringLiteral("https://x.example") << QString()
                                  << qint64(30'000) << QStringLiteral("name");
        QTest::newRow("bad url") << QStringLiteral("ok") << QStringLiteral("gopher://x") << QString() << qint64(30'000)
                                 << QStringLiteral("upstream");
        QTest::newRow("bad prefix") << QStringLiteral("ok") << QStringLiteral("https://x.example")
                                    << QStringLiteral("/a/../b") << qint64(30'000) << QStringLiteral("prefix");
        QTest::newRow("timeout too short") << QStringLiteral("ok") << QStringLiteral("https://x.example") << QString()
                                           << qint64(10) << QStringLiteral("timeout");
        QTest::newRow("timeout too long") << QStringLiteral("ok") << QStringLiteral("https://x.example") << QString()
                                          << qint64(86'400'000) << QStringLiteral("timeout");
    }

    void invalidInputNamesTheFieldAndWritesNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, upstream);
        QFETCH(QString, prefix);
        QFETCH(qint64, timeoutMs);
        QFETCH(QString, field);
        test::TestCatalog t;
        QSignalSpy added(&t.apis, &ApiService::apiAdded);
        auto api = t.apis.add({name, upstream, prefix, false, timeoutMs});
        QVERIFY(!api.ok());
        QCOMPARE(api.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(api.error().field, field);
        QCOMPARE(t.rowCount(QStringLiteral("apis")), 0);
        QCOMPARE(t.rowCount(QStringLiteral("audit_events")), 0);
        QCOMPARE(t.revision(), 0);
        QCOMPARE(added.count(), 0);
    }

    void duplicatesConflictAndWriteNothing()
    {
        test::TestCatalog t;
        QVERIFY(t.apis.add(billing()).ok());
        auto sameName = t.apis.add({QStringLiteral("billing"), QStringLiteral("https://other.example"),
            QStringLiteral("/other"), false, 30'000});
        QVERIFY(!sameName.ok());
        QCOMPARE(sameName.error().kind, Error::Kind::Conflict);
        QCOMPARE(sameName.error().field, QStringLiteral("name"));
        auto samePrefix = t.apis.add({QStringLiteral("other"), QStringLiteral("https://other.example"),
            QStringLiteral("billing/"), false, 30'000});
        QVERIFY(!samePrefix.ok());
        QCOMPARE(samePrefix.error().field, QStringLiteral("prefix"));
        QCOMPARE(t.rowCount(QStringLiteral("apis")), 1);
        QCOMPARE(t.rowCount(QStringLiteral("audit_events")), 1);
        QCOMPARE(t.revision(), 1);
    }

    void updateRenamesAndKeepsCreationTime()
    {
        test::TestCatalog t;
        QVERIFY(t.apis.add(billing()).ok());
        t.clock.advanceSecs(60);
        QSignalSpy updated(&t.apis, &ApiService::apiUpdated);
        auto api = t.apis.update(QStringLiteral("billing"),
            {QStringLiteral("invoices"), QStringLiteral("http://127.0.0.1:9000"), QStringLiteral("/inv"), false,
                5'000});
        QVERIFY(api.ok());
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toString(), QStringLiteral("billing"));
        QVERIFY(!t.apis.find(QStringLiteral("billing")).ok());
        auto found = t.apis.find(QStringLiteral("invoices"));
        QVERIFY(found.ok());
        QCOMPARE(found->prefix, QStringLiteral("/inv"));
        QCOMPARE(found->created.secsTo(found->updated), 60);
        QCOMPARE(t.revision(), 2);
        QCOMPARE(t.audit.list()->first().details.value(QStringLiteral("renamed_from")).toString(),
            QStringLiteral("billing"));
    }

    void updateOfMissingApiIsNotFound()
    {
        test::TestCatalog t;
        auto api = t.apis.update(QStringLiteral("ghost"), billing());
        QVERIFY(!api.ok());
        QCOMPARE(api.error().kind, Error::Kind::NotFound);
        QCOMPARE(t.revision(), 0);
    }

    void removeDeletesAndAudits()
    {
        test::TestCatalog t;
        QVERIFY(t.apis.add(billing()).ok());
        QSignalSpy removed(&t.apis, &ApiService::apiRemoved);
        QVERIFY(t.apis.remove(QStringLiteral("billing")).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(t.rowCount(QStringLiteral("apis")), 0);
        QCOMPARE(t.audit.list()->first().action, QStringLiteral("api.remove"));
        auto again = t.apis.remove(QStringLiteral("billing"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::NotFound);
        QCOMPARE(t.revision(), 2);
    }

    void signalArrivesAfterCommit()
    {
        test::TestCatalog t;
        // A second connection, as another process would have: it sees the row only once committed.
        Catalog observer(t.clock);
        QVERIFY(observer.open(t.filePath()).ok());
        bool visibleInSlot = false;
        connect(&t.apis, &ApiService::apiAdded, this, [&] {
            auto query = sql::exec(observer.database(), QStringLiteral("SELECT count(*) FROM apis"));
            visibleInSlot = query && query->next() && query->value(0).toInt() == 1;
        });
        QVERIFY(t.apis.add(billing()).ok());
        QVERIFY(visibleInSlot);
    }

    void listIsSortedByName()
    {
        test::TestCatalog t;
        QVERIFY(
            t.apis.add({QStringLiteral("zeta"), QStringLiteral("https://z.example"), QString(), false, 30'000}).ok());
        QVERIFY(
            t.apis.add({QStringLiteral("alpha"), QStringLiteral("https://a.example"), QString(), false, 30'000}).ok());
        auto apis = t.apis.list();
        QVERIFY(apis.ok());
        QCOMPARE(apis->size(), 2);
        QCOMPARE(apis->at(0).name, QStringLiteral("alpha"));
        QCOMPARE(apis->at(1).name, QStringLiteral("zeta"));
    }
};

QTEST_GUILESS_MAIN(TestApiService)
#include "TestApiService.moc"

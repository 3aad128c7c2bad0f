#include "core/catalog/Catalog.h"
#include "core/catalog/sql/CatalogConnection.h"
#include "core/catalog/sql/Migrations.h"
#include "core/catalog/sql/SqlQuery.h"
#include "tests/support/ManualClock.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    // A connection that runs no migration, to write the file as an older Gatehouse would have left it (or to
    // look at it unaltered, read-only).
    static CatalogConnection rawConnection(const QString& path, CatalogConnection::Access access)
    {
        auto connection
            = CatalogConnection::open(CatalogLocation::sqliteFile(path), QStringLiteral("test-migrations"), access);
        if (!connection)
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(connection.error().message));
        return std::move(*connection);
    }

    static QStringList schemaObjects(const QSqlDatabase& db)
    {
        auto query = sql::exec(db, QStringLiteral("SELECT type || ':' || name FROM sqlite_master ORDER BY name"));
        QStringList names;
        while (query && query->next())
            names.append(query->value(0).toString());
        return names;
    }

private Q_SLOTS:
    void emptyFileMigratesToLatest()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        Catalog catalog(clock);
        QVERIFY(catalog.openInDirectory(dir.path()).ok());
        auto version = migrations::currentVersion(catalog.database());
        QVERIFY(version.ok());
        QCOMPARE(*version, migrations::latestVersion());
        QVERIFY(migrations::latestVersion() >= 2);
        auto revision = catalog.revision();
        QVERIFY(revision.ok());
        QCOMPARE(*revision, 0);

        auto mode = sql::exec(catalog.database(), QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
        auto keys = sql::exec(catalog.database(), QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(keys && keys->next());
        QCOMPARE(keys->value(0).toInt(), 1);
        const QStringList objects = schemaObjects(catalog.database());
        for (const char* table : {"table:apis", "table:consumers", "table:tokens", "table:audit_events",
                 "table:catalog_state", "table:schema_version", "index:tokens_by_expiry"})
            QVERIFY2(objects.contains(QString::fromLatin1(table)), table);
        QCOMPARE(QFile::permissions(catalog.filePath()) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    }

    void eachEarlierVersionMigratesAndKeepsData_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 1; version < migrations::latestVersion(); ++version)
            QTest::addRow("from v%d", version) << version;
    }

    void eachEarlierVersionMigratesAndKeepsData()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(Catalog::fileName());
        {
            const CatalogConnection old = rawConnection(path, CatalogConnection::Access::ReadWrite);
            const QSqlDatabase db = old.database();
            auto migrated = migrations::migrate(db, from);
            QVERIFY(migrated.ok());
            QCOMPARE(*migrated, from);
            QVERIFY(sql::exec(db,
                QStringLiteral("INSERT INTO consumers (name, description, created_at) "
                               "VALUES ('old-app', 'from before', 1)")));
        }

        test::ManualClock clock;
        Catalog catalog(clock);
        QVERIFY(catalog.open(path).ok());
        QCOMPARE(*migrations::currentVersion(catalog.database()), migrations::latestVersion());
        auto kept
            = sql::exec(catalog.database(), QStringLiteral("SELECT description FROM consumers WHERE name = 'old-app'"));
        QVERIFY(kept && kept->next());
        QCOMPARE(kept->value(0).toString(), QStringLiteral("from before"));
    }

    // Version 5 drops the request log's index on time for spans (RequestLogSpans.h): the rows logged before it
    // must lie in one, or no time range would find them.
    void requestLogRowsFromBeforeSpansAreCoveredByOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(Catalog::fileName());
        {
            const CatalogConnection v4 = rawConnection(path, CatalogConnection::Access::ReadWrite);
            const QSqlDatabase db = v4.database();
            QCOMPARE(migrations::migrate(db, 4).value(), 4);
            for (qint64 at : {125'000, 61'000, 70'000}) {
                QVERIFY(sql::exec(db,
                    QStringLiteral("INSERT INTO request_log (at, request_id, method, path, status, latency_us, "
                                   "bytes_in, bytes_out) VALUES (?, 'r', 'GET', '/', 200, 1, 0, 0)"),
                    {at}));
            }
        }

        test::ManualClock clock;
        Catalog catalog(clock);
        QVERIFY(catalog.open(path).ok());
        auto spans = sql::exec(catalog.database(),
            QStringLiteral("SELECT minute, first_id, last_id, min_at, max_at FROM request_log_spans"));
        QVERIFY(spans && spans->next());
        QCOMPARE(spans->value(0).toLongLong(), 2); // the minute of the newest row
        QCOMPARE(spans->value(1).toLongLong(), 1);
        QCOMPARE(spans->value(2).toLongLong(), 3);
        QCOMPARE(spans->value(3).toLongLong(), 61'000);
        QCOMPARE(spans->value(4).toLongLong(), 125'000);
        QVERIFY(!spans->next());
        QVERIFY(!schemaObjects(catalog.database()).contains(QStringLiteral("index:request_log_by_time")));
    }

    void anEmptyRequestLogGetsNoSpan()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        Catalog catalog(clock);
        QVERIFY(catalog.openInDirectory(dir.path()).ok());
        auto spans = sql::exec(catalog.database(), QStringLiteral("SELECT count(*) FROM request_log_spans"));
        QVERIFY(spans && spans->next());
        QCOMPARE(spans->value(0).toInt(), 0);
    }

    void newerSchemaIsRefusedAndNotAltered()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(Catalog::fileName());
        test::ManualClock clock;
        {
            Catalog catalog(clock);
            QVERIFY(catalog.open(path).ok());
            QVERIFY(sql::exec(catalog.database(), QStringLiteral("UPDATE schema_version SET version = ?"),
                {migrations::latestVersion() + 1}));
        }
        QStringList before;
        {
            const CatalogConnection peek = rawConnection(path, CatalogConnection::Access::ReadOnly);
            before = schemaObjects(peek.database());
        }

        Catalog catalog(clock);
        auto opened = catalog.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::Runtime);
        QVERIFY2(opened.error().message.contains(QStringLiteral("newer")), qPrintable(opened.error().message));
        QVERIFY(!catalog.isOpen());

        const CatalogConnection after = rawConnection(path, CatalogConnection::Access::ReadOnly);
        QCOMPARE(schemaObjects(after.database()), before);
        auto version = migrations::currentVersion(after.database());
        QCOMPARE(*version, migrations::latestVersion() + 1);
    }

    void twoConnectionsOpeningANewFileBothSucceed()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        Catalog first(clock);
        Catalog second(clock);
        QVERIFY(first.openInDirectory(dir.path()).ok());
        QVERIFY(second.openInDirectory(dir.path()).ok());
        QCOMPARE(*migrations::currentVersion(second.database()), migrations::latestVersion());
    }

    void unopenableFileIsARuntimeError()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        Catalog catalog(clock);
        auto opened = catalog.open(dir.filePath(QStringLiteral("missing/dir/catalog.sqlite3")));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::Runtime);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"

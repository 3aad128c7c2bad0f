#include "core/catalog/sql/CatalogConnection.h"

#include "core/catalog/sql/SqlQuery.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace gatehouse;

namespace {

QVariant scalar(const QSqlDatabase& db, const QString& statement)
{
    auto query = sql::exec(db, statement);
    if (!query || !query->next())
        return {};
    return query->value(0);
}

} // namespace

class TestCatalogConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readWriteAppliesTheCatalogSettings()
    {
        QTemporaryDir dir;
        const auto location = CatalogLocation::sqliteFile(dir.filePath(QStringLiteral("c.sqlite3")));
        auto connection
            = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadWrite);
        QVERIFY2(connection.ok(), qPrintable(connection ? QString() : connection.error().message));
        const QSqlDatabase db = connection->database();
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), CatalogConnection::kBusyTimeoutMs);
        QCOMPARE(connection->location(), location);
    }

    void readOnlyWaitsLikeTheOthersButCannotWrite()
    {
        QTemporaryDir dir;
        const auto location = CatalogLocation::sqliteFile(dir.filePath(QStringLiteral("c.sqlite3")));
        auto writer = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadWrite);
        QVERIFY(writer.ok());
        QVERIFY(sql::exec(writer->database(), QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
        QVERIFY(sql::exec(writer->database(), QStringLiteral("INSERT INTO t VALUES (7)")).ok());

        auto reader = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadOnly);
        QVERIFY(reader.ok());
        const QSqlDatabase db = reader->database();
        QCOMPARE(scalar(db, QStringLiteral("SELECT x FROM t")).toInt(), 7);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), CatalogConnection::kBusyTimeoutMs);
        QVERIFY(!sql::exec(db, QStringLiteral("INSERT INTO t VALUES (8)")).ok());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    }

    void aMissingFileOrNoLocationIsARuntimeError()
    {
        QTemporaryDir dir;
        auto missing = CatalogConnection::open(CatalogLocation::sqliteFile(dir.filePath(QStringLiteral("no/dir/c"))),
            QStringLiteral("test"), CatalogConnection::Access::ReadWrite);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::Runtime);
        QVERIFY(missing.error().message.contains(QStringLiteral("no/dir/c")));
        auto none
            = CatalogConnection::open(CatalogLocation(), QStringLiteral("test"), CatalogConnection::Access::ReadOnly);
        QVERIFY(!none.ok());
        // A failed open leaves no connection behind in Qt's registry.
        for (const QString& name : QSqlDatabase::connectionNames())
            QVERIFY2(!name.startsWith(QStringLiteral("gatehouse-test-")), qPrintable(name));
    }

    void theConnectionIsRemovedWhenItsObjectGoes()
    {
        QTemporaryDir dir;
        const auto location = CatalogLocation::sqliteFile(dir.filePath(QStringLiteral("c.sqlite3")));
        QString name;
        {
            auto opened
                = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadWrite);
            QVERIFY(opened.ok());
            CatalogConnection moved = std::move(*opened);
            name = moved.name();
            QVERIFY(name.startsWith(QStringLiteral("gatehouse-test-")));
            QVERIFY(QSqlDatabase::connectionNames().contains(name));
            QVERIFY(moved.isOpen());
        }
        QVERIFY(!QSqlDatabase::connectionNames().contains(name));

        auto closedEarly
            = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadOnly);
        QVERIFY(closedEarly.ok());
        name = closedEarly->name();
        closedEarly->close();
        QVERIFY(!closedEarly->isOpen());
        QVERIFY(!QSqlDatabase::connectionNames().contains(name));
        closedEarly->close(); // twice is harmless
    }

    void eachThreadOpensItsOwn()
    {
        QTemporaryDir dir;
        const auto location = CatalogLocation::sqliteFile(dir.filePath(QStringLiteral("c.sqlite3")));
        auto setup = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadWrite);
        QVERIFY(setup.ok());
        QVERIFY(sql::exec(setup->database(), QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
        QVERIFY(sql::exec(setup->database(), QStringLiteral("INSERT INTO t VALUES (1), (2), (3)")).ok());

        struct Seen
        {
            QString name;
            bool registeredWhileOpen = false;
            int rows = -1;
        };
        Seen seen[2];
        std::unique_ptr<QThread> threads[2];
        for (int i = 0; i < 2; ++i) {
            threads[i].reset(QThread::create([&location, out = &seen[i]] {
                auto connection
                    = CatalogConnection::open(location, QStringLiteral("test"), CatalogConnection::Access::ReadOnly);
                if (!connection)
                    return;
                out->name = connection->name();
                out->registeredWhileOpen = QSqlDatabase::connectionNames().contains(out->name);
                out->rows = scalar(connection->database(), QStringLiteral("SELECT count(*) FROM t")).toInt();
            }));
            threads[i]->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(10'000));
        for (const Seen& s : seen) {
            QCOMPARE(s.rows, 3);
            QVERIFY(s.registeredWhileOpen);
            // Removed by its own thread when its object went.
            QVERIFY(!QSqlDatabase::connectionNames().contains(s.name));
        }
        QVERIFY(seen[0].name != seen[1].name);
        QVERIFY(seen[0].name != setup->name());
    }

    void writesBeginImmediateOnSqlite()
    {
        const auto location = CatalogLocation::sqliteFile(QStringLiteral("/tmp/x.sqlite3"));
        QCOMPARE(CatalogConnection::beginWriteStatement(location), QStringLiteral("BEGIN IMMEDIATE"));
        QCOMPARE(location.kind(), CatalogLocation::Kind::SqliteFile);
        QCOMPARE(location.sqliteFilePath(), QStringLiteral("/tmp/x.sqlite3"));
        QVERIFY(CatalogLocation().isNull());
        QVERIFY(CatalogLocation().sqliteFilePath().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogConnection)
#include "TestCatalogConnection.moc"

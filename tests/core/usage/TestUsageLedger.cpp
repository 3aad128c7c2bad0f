// The figures the AI budgets are checked against: UTC days and months, their roll-over, the catalog's daily sums
// (from a real SQLite file), and which budget refuses when several are spent.

#include "core/catalog/Catalog.h"
#include "core/usage/UsageLedger.h"
#include "tests/support/TestCatalog.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace gatehouse;
using gatehouse::UsageLedger;

namespace {

qint64 at(int year, int month, int day, int hour = 12, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TestUsageLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resetTimesAreUtcMidnights()
    {
        QCOMPARE(UsageLedger::nextDayStartMs(at(2026, 11, 15, 23, 59)), at(2026, 11, 16, 0));
        QCOMPARE(UsageLedger::nextDayStartMs(at(2026, 11, 16, 0)), at(2026, 11, 17, 0));
        QCOMPARE(UsageLedger::nextMonthStartMs(at(2026, 11, 15)), at(2026, 12, 1, 0));
        QCOMPARE(UsageLedger::nextMonthStartMs(at(2026, 12, 31, 23, 59)), at(2027, 1, 1, 0));
        QCOMPARE(UsageLedger::dayKey(at(2026, 11, 15, 0)) + 1, UsageLedger::dayKey(at(2026, 11, 16, 0)));
        QCOMPARE(UsageLedger::monthKey(at(2026, 12, 31)) + 1, UsageLedger::monthKey(at(2027, 1, 1)));
    }

    void addsPerTokenAndConsumerAndRollsOver()
    {
        UsageLedger ledger;
        ledger.add(1, 10, 100, at(2026, 11, 15, 9));
        ledger.add(2, 10, 50, at(2026, 11, 15, 10));
        ledger.add(1, 10, 0, at(2026, 11, 15, 10)); // nothing spent: nothing changes
        QCOMPARE(ledger.token(1, at(2026, 11, 15, 11)), (UsageLedger::Spent {100, 100}));
        QCOMPARE(ledger.consumer(10, at(2026, 11, 15, 11)), (UsageLedger::Spent {150, 150}));
        QCOMPARE(ledger.token(3, at(2026, 11, 15, 11)), (UsageLedger::Spent {}));

        // The next day keeps the month's figures and starts the day's at zero, before and after new spending.
        QCOMPARE(ledger.token(1, at(2026, 11, 16, 1)), (UsageLedger::Spent {0, 100}));
        ledger.add(1, 10, 7, at(2026, 11, 16, 1));
        QCOMPARE(ledger.token(1, at(2026, 11, 16, 2)), (UsageLedger::Spent {7, 107}));
        QCOMPARE(ledger.token(2, at(2026, 11, 16, 2)), (UsageLedger::Spent {0, 50}));
        QCOMPARE(ledger.consumer(10, at(2026, 11, 16, 2)), (UsageLedger::Spent {7, 157}));

        // A late event of yesterday counts for the month only; one of last month not at all.
        ledger.add(1, 10, 3, at(2026, 11, 15, 23));
        ledger.add(1, 10, 1000, at(2026, 10, 31, 23));
        QCOMPARE(ledger.token(1, at(2026, 11, 16, 2)), (UsageLedger::Spent {7, 110}));

        // A new month starts from nothing.
        QCOMPARE(ledger.token(1, at(2026, 12, 1, 0)), (UsageLedger::Spent {}));
        ledger.add(2, 10, 5, at(2026, 12, 1, 1));
        QCOMPARE(ledger.token(1, at(2026, 12, 1, 2)), (UsageLedger::Spent {}));
        QCOMPARE(ledger.consumer(10, at(2026, 12, 1, 2)), (UsageLedger::Spent {5, 5}));
    }

    void readsTheDayAndMonthFromTheCatalog()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        const QString insert = QStringLiteral(
            "INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, model_id, requests, tokens_in, "
            "tokens_out) VALUES (?, ?, ?, 1, ?, 1, ?, ?)");
        const QList<QVariantList> rows {
            {QStringLiteral("2026-11-15"), 1, 10, 1, 100, 20}, // today, two models
            {QStringLiteral("2026-11-15"), 1, 10, 2, 5, 5},
            {QStringLiteral("2026-11-03"), 1, 10, 1, 1000, 0}, // earlier this month
            {QStringLiteral("2026-10-31"), 1, 10, 1, 9999, 0}, // last month: not counted
            {QStringLiteral("2026-11-16"), 1, 10, 1, 7777, 0}, // a later day (a clock set back): not counted
            {QStringLiteral("2026-11-15"), 2, 10, 1, 1, 1}, // the consumer's other token
            {QStringLiteral("2026-11-15"), 3, QVariant(QMetaType::fromType<qint64>()), 1, 4, 0}, // no consumer
        };
        for (const QVariantList& row : rows) {
            QSqlQuery query(t.catalog.database());
            QVERIFY(query.prepare(insert));
            for (const QVariant& value : row)
                query.addBindValue(value);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }

        auto totals = UsageLedger::read(t.catalog.database(), at(2026, 11, 15, 18));
        QVERIFY2(totals, totals ? "" : qPrintable(totals.error().toString()));
        // The same sums through the catalog object, and through a read-only connection of the reader's own (what
        // the console's background reads use), which is gone again afterwards.
        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        for (const auto& other : {UsageLedger::read(t.catalog, at(2026, 11, 15, 18)),
                 UsageLedger::read(t.catalog.location(), at(2026, 11, 15, 18))}) {
            QVERIFY2(other, other ? "" : qPrintable(other.error().toString()));
            QCOMPARE(other->tokens, totals->tokens);
            QCOMPARE(other->consumers, totals->consumers);
        }
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
        QVERIFY(!UsageLedger::read(CatalogLocation::sqliteFile(QStringLiteral("/nonexistent/dir/c.sqlite3")), 0));
        QCOMPARE(totals->tokens.value(1), (UsageLedger::Spent {130, 1130}));
        QCOMPARE(totals->tokens.value(2), (UsageLedger::Spent {2, 2}));
        QCOMPARE(totals->tokens.value(3), (UsageLedger::Spent {4, 4}));
        QCOMPARE(totals->consumers.value(10), (UsageLedger::Spent {132, 1132}));
        QCOMPARE(totals->consumers.size(), 1);

        UsageLedger ledger;
        ledger.add(1, 10, 5000, at(2026, 11, 15, 17)); // replaced: the catalog's sums are the whole truth
        ledger.replace(std::move(*totals));
        QCOMPARE(ledger.token(1, at(2026, 11, 15, 18)), (UsageLedger::Spent {130, 1130}));
        ledger.add(1, 10, 10, at(2026, 11, 15, 18));
        QCOMPARE(ledger.consumer(10, at(2026, 11, 15, 18)), (UsageLedger::Spent {142, 1142}));
    }

    void checkNamesTheBudgetThatResetsLast()
    {
        UsageLedger ledger;
        const qint64 now = at(2026, 11, 15, 18);
        ledger.add(1, 10, 500, now);
        ledger.add(2, 10, 500, now);

        // No budget, or budgets not yet spent: allowed.
        QVERIFY(ledger.check(1, {}, 10, {}, now).allowed);
        QVERIFY(ledger.check(1, {501, 0}, 10, {0, 1001}, now).allowed);

        // The token's day is spent: refused until midnight.
        UsageLedger::Verdict verdict = ledger.check(1, {500, 0}, 10, {}, now);
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.budget, QStringLiteral("token_daily"));
        QCOMPARE(verdict.limit, 500);
        QCOMPARE(verdict.used, 500);
        QCOMPARE(verdict.resetAtMs, at(2026, 11, 16, 0));

        // The consumer's month (1000 over both tokens) and the token's day: the month decides when it may go on.
        verdict = ledger.check(1, {400, 0}, 10, {0, 1000}, now);
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.budget, QStringLiteral("consumer_monthly"));
        QCOMPARE(verdict.used, 1000);
        QCOMPARE(verdict.resetAtMs, at(2026, 12, 1, 0));

        verdict = ledger.check(2, {0, 0}, 10, {900, 0}, now);
        QCOMPARE(verdict.budget, QStringLiteral("consumer_daily"));
        verdict = ledger.check(2, {0, 200}, 10, {}, now);
        QCOMPARE(verdict.budget, QStringLiteral("token_monthly"));
    }
};

QTEST_GUILESS_MAIN(TestUsageLedger)
#include "TestUsageLedger.moc"

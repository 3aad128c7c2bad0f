#include "core/tokens/Duration.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::tokens;

namespace {

// A fixed "now" so that every expiry below is exact; no test depends on the wall clock.
const QDateTime kNow(QDate(2030, 6, 15), QTime(12, 0), Qt::UTC);

} // namespace

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << QStringLiteral("90s") << qint64(90 * kSecondMs);
        QTest::newRow("minutes") << QStringLiteral("15m") << qint64(15 * kMinuteMs);
        QTest::newRow("hour") << QStringLiteral("1h") << kHourMs;
        QTest::newRow("days") << QStringLiteral("7d") << 7 * kDayMs;
        QTest::newRow("weeks") << QStringLiteral("2w") << 14 * kDayMs;
        QTest::newRow("milliseconds") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("compound") << QStringLiteral("1h30m") << 90 * kMinuteMs;
        QTest::newRow("full compound") << QStringLiteral("1w2d3h4m5s6ms")
                                       << kWeekMs + 2 * kDayMs + 3 * kHourMs + 4 * kMinuteMs + 5 * kSecondMs + 6;
        QTest::newRow("upper-case units") << QStringLiteral("1H30M") << 90 * kMinuteMs;
        QTest::newRow("upper-case ms") << QStringLiteral("5MS") << qint64(5);
        QTest::newRow("leading zeros") << QStringLiteral("007d") << 7 * kDayMs;
        QTest::newRow("zero part") << QStringLiteral("1h0m") << kHourMs;
        QTest::newRow("surrounding space") << QStringLiteral(" 90d ") << 90 * kDayMs;
        QTest::newRow("100 years") << QStringLiteral("36525d") << kMaxDurationMs;
        QTest::newRow("one millisecond") << QStringLiteral("1ms") << qint64(1);
    }

    void parsesDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = parseDurationMs(text, u"ttl");
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, ms);
    }

    void rejectsDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        const QString notDuration = QStringLiteral("is not a duration (use 15m, 1h, 7d or 90d)");
        QTest::newRow("empty") << QString() << QStringLiteral("a duration is required");
        QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("a duration is required");
        QTest::newRow("unknown unit") << QStringLiteral("7x") << notDuration;
        QTest::newRow("years") << QStringLiteral("1y") << notDuration;
        QTest::newRow("no unit") << QStringLiteral("90") << notDuration;
        QTest::newRow("no number") << QStringLiteral("h") << notDuration;
        QTest::newRow("negative") << QStringLiteral("-5m") << notDuration;
        QTest::newRow("decimal") << QStringLiteral("1.5h") << notDuration;
        QTest::newRow("inner space") << QStringLiteral("1h 30m") << notDuration;
        QTest::newRow("word") << QStringLiteral("soon") << notDuration;
        QTest::newRow("long unit name") << QStringLiteral("5min") << notDuration;
        QTest::newRow("trailing number") << QStringLiteral("1h30") << notDuration;
        QTest::newRow("non-ASCII digit") << QStringLiteral("\u0661h") << notDuration;
        QTest::newRow("zero") << QStringLiteral("0s") << QStringLiteral("longer than zero");
        QTest::newRow("zero compound") << QStringLiteral("0h0m") << QStringLiteral("longer than zero");
        QTest::newRow("small first") << QStringLiteral("30m1h") << QStringLiteral("largest first");
        QTest::newRow("unit twice") << QStringLiteral("1h1h") << QStringLiteral("largest first");
        QTest::newRow("over 100 years") << QStringLiteral("36526d") << QStringLiteral("100 years");
        QTest::newRow("huge number") << QStringLiteral("99999999999999999999999w") << QStringLiteral("100 years");
        QTest::newRow("sum over 100 years") << QStringLiteral("5218w1d") << QStringLiteral("100 years");
    }

    void rejectsDurations()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto parsed = parseDurationMs(text, u"grace");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(parsed.error().field, QStringLiteral("grace"));
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        if (!text.trimmed().isEmpty())
            QVERIFY2(parsed.error().message.contains(QLatin1Char('"') + text.trimmed() + QLatin1Char('"')),
                qPrintable(parsed.error().message));
    }

    void formatsDurations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("minutes") << 15 * kMinuteMs << QStringLiteral("15m");
        QTest::newRow("hour") << kHourMs << QStringLiteral("1h");
        QTest::newRow("compound") << 90 * kMinuteMs << QStringLiteral("1h30m");
        QTest::newRow("week as days") << kWeekMs << QStringLiteral("7d");
        QTest::newRow("ninety days") << 90 * kDayMs << QStringLiteral("90d");
        QTest::newRow("seconds") << 90 * kSecondMs << QStringLiteral("1m30s");
        QTest::newRow("milliseconds") << qint64(1500) << QStringLiteral("1s500ms");
        QTest::newRow("everything") << kDayMs + kHourMs + kMinuteMs + kSecondMs + 1 << QStringLiteral("1d1h1m1s1ms");
        QTest::newRow("negative") << -kHourMs << QStringLiteral("-1h");
    }

    void formatsDurations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(ms), text);
        if (ms > 0) // what is printed reads back
            QCOMPARE(*parseDurationMs(text, u"d"), ms);
    }

    void parsesExpiries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("never");
        QTest::addColumn<QDateTime>("at");
        QTest::newRow("never") << QStringLiteral("never") << true << QDateTime();
        QTest::newRow("duration") << QStringLiteral("90d") << false << kNow.addDays(90);
        QTest::newRow("compound duration") << QStringLiteral("1h30m") << false << kNow.addSecs(5400);
        QTest::newRow("ISO with Z") << QStringLiteral("2030-12-31T18:00:00Z") << false
                                    << QDateTime(QDate(2030, 12, 31), QTime(18, 0), Qt::UTC);
        QTest::newRow("ISO with milliseconds")
            << QStringLiteral("2030-06-15T12:00:00.250Z") << false << kNow.addMSecs(250);
        QTest::newRow("ISO with offset") << QStringLiteral("2030-12-31T18:00:00+02:00") << false
                                         << QDateTime(QDate(2030, 12, 31), QTime(16, 0), Qt::UTC);
        QTest::newRow("ISO with negative offset") << QStringLiteral("2030-12-31T18:00:00-05:30") << false
                                                  << QDateTime(QDate(2030, 12, 31), QTime(23, 30), Qt::UTC);
        QTest::newRow("bare date") << QStringLiteral("2031-01-31") << false
                                   << QDateTime(QDate(2031, 1, 31), QTime(0, 0), Qt::UTC);
        QTest::newRow("tomorrow") << QStringLiteral("2030-06-16") << false
                                  << QDateTime(QDate(2030, 6, 16), QTime(0, 0), Qt::UTC);
    }

    void parsesExpiries()
    {
        QFETCH(QString, text);
        QFETCH(bool, never);
        QFETCH(QDateTime, at);
        const auto expiry = parseExpiry(text, kNow, u"ttl");
        QVERIFY2(expiry.ok(), qPrintable(expiry.ok() ? QString() : expiry.error().toString()));
        QCOMPARE(expiry->never, never);
        QCOMPARE(expiry->at.isValid(), !never);
        if (!never) {
            QCOMPARE(expiry->at, at);
            QCOMPARE(expiry->at.timeSpec(), Qt::UTC);
        }
    }

    void rejectsExpiries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("an expiry is required");
        QTest::newRow("blank") << QStringLiteral(" ") << QStringLiteral("an expiry is required");
        QTest::newRow("garbage") << QStringLiteral("soon") << QStringLiteral("is not a TTL");
        QTest::newRow("Never in capitals") << QStringLiteral("Never") << QStringLiteral("is not a TTL");
        QTest::newRow("unknown unit") << QStringLiteral("7x") << QStringLiteral("is not a TTL");
        QTest::newRow("zero duration") << QStringLiteral("0d") << QStringLiteral("longer than zero");
        QTest::newRow("too long") << QStringLiteral("40000d") << QStringLiteral("100 years");
        QTest::newRow("today, midnight passed") << QStringLiteral("2030-06-15") << QStringLiteral("in the past");
        QTest::newRow("past date") << QStringLiteral("2020-01-01") << QStringLiteral("in the past");
        QTest::newRow("past time") << QStringLiteral("2030-06-15T11:59:59Z") << QStringLiteral("in the past");
        QTest::newRow("exactly now") << QStringLiteral("2030-06-15T12:00:00Z") << QStringLiteral("in the past");
        QTest::newRow("past by offset") << QStringLiteral("2030-06-15T13:30:00+02:00") << QStringLiteral("in the past");
        QTest::newRow("no zone") << QStringLiteral("2030-12-31T18:00:00") << QStringLiteral("no time zone");
        QTest::newRow("impossible date") << QStringLiteral("2031-02-30") << QStringLiteral("is not a date");
        QTest::newRow("slashes") << QStringLiteral("2031/01/31") << QStringLiteral("is not a TTL");
        QTest::newRow("bad time") << QStringLiteral("2031-01-31T25:00:00Z") << QStringLiteral("not an ISO 8601 time");
        QTest::newRow("date and junk") << QStringLiteral("2031-01-31xyz") << QStringLiteral("not an ISO 8601 time");
    }

    void rejectsExpiries()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto expiry = parseExpiry(text, kNow, u"ttl");
        QVERIFY(!expiry.ok());
        QCOMPARE(expiry.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(expiry.error().field, QStringLiteral("ttl"));
        QVERIFY2(expiry.error().message.contains(reason), qPrintable(expiry.error().message));
        if (!text.trimmed().isEmpty())
            QVERIFY2(expiry.error().message.contains(text.trimmed()), qPrintable(expiry.error().message));
    }

    void expiryIsUtcWhateverNowIs()
    {
        const QDateTime localNow = kNow.toOffsetFromUtc(3 * 3600);
        const auto expiry = parseExpiry(u"1d", localNow, u"ttl");
        QVERIFY(expiry.ok());
        QCOMPARE(expiry->at.timeSpec(), Qt::UTC);
        QCOMPARE(expiry->at, kNow.addDays(1));
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "TestDuration.moc"

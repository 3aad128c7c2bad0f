#include "ui/common/TimeText.h"

#include <QTest>

using namespace gatehouse::ui;

class TestTimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relative_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(20) << QStringLiteral("just now");
        QTest::newRow("one minute") << qint64(60) << QStringLiteral("in 1 minute");
        QTest::newRow("minutes ago") << qint64(-5 * 60) << QStringLiteral("5 minutes ago");
        QTest::newRow("hours") << qint64(3 * 3600 + 59) << QStringLiteral("in 3 hours");
        QTest::newRow("one day") << qint64(86400) << QStringLiteral("in 1 day");
        QTest::newRow("days") << qint64(13 * 86400) << QStringLiteral("in 13 days");
        QTest::newRow("weeks ago") << qint64(-21 * 86400) << QStringLiteral("3 weeks ago");
        QTest::newRow("months") << qint64(90 * 86400) << QStringLiteral("in 3 months");
        QTest::newRow("years") << qint64(800 * 86400) << QStringLiteral("in 2 years");
    }

    void relative()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
        QCOMPARE(timeText::relative(now.addSecs(seconds), now), text);
    }

    void invalidTimesReadEmpty()
    {
        QVERIFY(timeText::relative({}, QDateTime::currentDateTimeUtc()).isEmpty());
        QVERIFY(timeText::absolute({}).isEmpty());
    }

    void absoluteIsLocalWithZone()
    {
        qputenv("TZ", "UTC");
        const QDateTime when(QDate(2026, 11, 29), QTime(14, 5, 9), Qt::UTC);
        QVERIFY(timeText::absolute(when).startsWith(QStringLiteral("2026-11-29 14:05:09")));
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "TestTimeText.moc"

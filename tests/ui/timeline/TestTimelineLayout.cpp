#include "ui/timeline/TimelineLayout.h"

#include <QTest>

#include <algorithm>

using namespace gatehouse;
using ui::TimelineLayout;

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
const QDateTime kStart(QDate(2026, 1, 10), QTime(12, 0), Qt::UTC);
constexpr qint64 kSpanMs = 10 * kDayMs; // 1000 px of plot: one pixel is 14.4 minutes

Token token(qint64 id, qint64 consumerId, const QString& consumer, const QDateTime& created,
    const QDateTime& expires = {}, const QDateTime& revoked = {})
{
    Token t;
    t.id = id;
    t.consumerId = consumerId;
    t.consumerName = consumer;
    t.name = QStringLiteral("token %1").arg(id);
    t.created = created;
    t.expires = expires;
    t.revoked = revoked;
    return t;
}

// A plot 1000 px wide from x = 170 and 600 px high from y = 30, showing ten days from kStart.
TimelineLayout layout()
{
    TimelineLayout l;
    l.setViewportSize(QSize(TimelineLayout::kLabelWidth + 1000, TimelineLayout::kAxisHeight + 600));
    l.setVisibleRange(kStart.toMSecsSinceEpoch(), kSpanMs);
    return l;
}

QStringList rowTexts(const TimelineLayout& l)
{
    QStringList out;
    for (const auto& row : l.rows())
        out.append(row.isHeader ? QStringLiteral("[%1]").arg(row.consumer) : l.tokens().at(row.tokenIndex).name);
    return out;
}

} // namespace

class TestTimelineLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeToXRoundTrip()
    {
        const TimelineLayout l = layout();
        QCOMPARE(l.plotRect(), QRectF(170, 30, 1000, 600));
        QCOMPARE(l.xForTime(kStart.toMSecsSinceEpoch()), 170.0);
        QCOMPARE(l.xForTime(kStart.toMSecsSinceEpoch() + kSpanMs), 1170.0);
        QCOMPARE(l.xForTime(kStart.toMSecsSinceEpoch() + kSpanMs / 2), 670.0);
        QCOMPARE(l.timeForX(670), kStart.toMSecsSinceEpoch() + kSpanMs / 2);
        for (qint64 offset : {0LL, 1LL, 12345678LL, 3 * kDayMs + 17, kSpanMs - 1, -kDayMs, kSpanMs + kDayMs}) {
            const qint64 t = kStart.toMSecsSinceEpoch() + offset;
            QVERIFY2(std::abs(l.timeForX(l.xForTime(t)) - t) <= 1, qPrintable(QString::number(offset)));
        }
    }

    void zoomClampsAtOneHourAndOneYear()
    {
        TimelineLayout l = layout();
        l.zoom(1e6, 400);
        QCOMPARE(l.spanMs(), TimelineLayout::kMinSpanMs);
        QCOMPARE(l.spanMs(), kHourMs);
        l.zoom(2, 400);
        QCOMPARE(l.spanMs(), kHourMs);
        l.zoom(1e-6, 400);
        QCOMPARE(l.spanMs(), TimelineLayout::kMaxSpanMs);
        QCOMPARE(l.spanMs(), 365 * kDayMs);
        l.zoom(0.5, 400);
        QCOMPARE(l.spanMs(), 365 * kDayMs);
        l.zoom(1e-30, 400); // far past what 64 bits of milliseconds hold
        QCOMPARE(l.spanMs(), 365 * kDayMs);
        l.zoom(1e30, 400);
        QCOMPARE(l.spanMs(), kHourMs);
        l.zoom(0, 400); // ignored
        QCOMPARE(l.spanMs(), kHourMs);
        l.setVisibleRange(kStart.toMSecsSinceEpoch(), 1);
        QCOMPARE(l.spanMs(), kHourMs);
        l.setVisibleRange(kStart.toMSecsSinceEpoch(), 10 * 365 * kDayMs);
        QCOMPARE(l.spanMs(), 365 * kDayMs);
    }

    void zoomKeepsTheTimeUnderTheCursor()
    {
        TimelineLayout l = layout();
        const double cursorX = 420;
        const qint64 under = l.timeForX(cursorX);
        l.zoom(2, cursorX);
        QCOMPARE(l.spanMs(), kSpanMs / 2);
        QVERIFY(std::abs(l.timeForX(cursorX) - under) <= 1);
        QVERIFY(l.startMs() > kStart.toMSecsSinceEpoch());
        l.zoom(0.25, cursorX);
        QCOMPARE(l.spanMs(), kSpanMs * 2);
        QVERIFY(std::abs(l.timeForX(cursorX) - under) <= 1);
        // At the clamp the anchor still holds.
        l.zoom(1e9, cursorX);
        QCOMPARE(l.spanMs(), kHourMs);
        QVERIFY(std::abs(l.timeForX(cursorX) - under) <= 1);
    }

    void panMovesTheRange()
    {
        TimelineLayout l = layout();
        l.panByPixels(100); // dragging right shows what came before
        QCOMPARE(l.startMs(), kStart.toMSecsSinceEpoch() - kDayMs);
        QCOMPARE(l.spanMs(), kSpanMs);
        l.panByPixels(-300);
        QCOMPARE(l.startMs(), kStart.toMSecsSinceEpoch() + 2 * kDayMs);
        l.placeTime(kStart.toMSecsSinceEpoch(), 0.25);
        QCOMPARE(l.xForTime(kStart.toMSecsSinceEpoch()), 420.0);
    }

    void lanesAreGroupedByConsumerInAStableOrder()
    {
        const QDateTime t0 = kStart;
        QList<Token> tokens = {
            token(5, 3, QStringLiteral("web"), t0.addDays(2)),
            token(1, 2, QStringLiteral("mobile"), t0.addDays(3)),
            token(2, 1, QStringLiteral("Batch"), t0.addDays(1)),
            token(3, 2, QStringLiteral("mobile"), t0.addDays(1)),
            token(4, 3, QStringLiteral("web"), t0.addDays(2)),
            token(6, 1, QStringLiteral("Batch"), t0),
        };
        const QStringList expected = {QStringLiteral("[Batch]"), QStringLiteral("token 6"), QStringLiteral("token 2"),
            QStringLiteral("[mobile]"), QStringLiteral("token 3"), QStringLiteral("token 1"), QStringLiteral("[web]"),
            QStringLiteral("token 4"), QStringLiteral("token 5")};
        TimelineLayout l = layout();
        l.setTokens(tokens);
        QCOMPARE(rowTexts(l), expected);
        QCOMPARE(l.rows().at(0).tokenCount, 2);
        QCOMPARE(l.contentHeight(), 3 * TimelineLayout::kHeaderHeight + 6 * TimelineLayout::kLaneHeight);

        std::reverse(tokens.begin(), tokens.end());
        l.setTokens(tokens);
        QCOMPARE(rowTexts(l), expected);
        std::rotate(tokens.begin(), tokens.begin() + 2, tokens.end());
        l.setTokens(tokens);
        QCOMPARE(rowTexts(l), expected);
        QCOMPARE(l.rowOfToken(3), 4);
        QCOMPARE(l.rowOfToken(99), -1);
    }

    void hitTestFindsTheTokenInsideItsBarOnly()
    {
        TimelineLayout l = layout();
        l.setTokens({token(7, 1, QStringLiteral("acme"), kStart.addDays(1), kStart.addDays(3)),
            token(8, 1, QStringLiteral("acme"), kStart.addDays(4), kStart.addDays(5))});
        // Row 0 is acme's header (y 30..52); token 7's lane is y 52..72 with its bar at 56..68,
        // x 270..470; token 8's lane is y 72..92 with its bar at 76..88, x 570..670.
        QCOMPARE(l.rowTopY(1), 52);
        const auto bar = l.barOf(1);
        QVERIFY(bar);
        QCOMPARE(bar->rect, QRectF(270, 56, 200, 12));
        QCOMPARE(l.tokenAt(QPointF(300, 60)), std::optional<qint64>(7));
        QCOMPARE(l.tokenAt(QPointF(469, 67)), std::optional<qint64>(7));
        QCOMPARE(l.tokenAt(QPointF(600, 80)), std::optional<qint64>(8));
        QCOMPARE(l.tokenAt(QPointF(500, 60)), std::nullopt); // after token 7's expiry
        QCOMPARE(l.tokenAt(QPointF(260, 60)), std::nullopt); // before its creation
        QCOMPARE(l.tokenAt(QPointF(300, 54)), std::nullopt); // in its lane, above the bar
        QCOMPARE(l.tokenAt(QPointF(300, 40)), std::nullopt); // the header
        QCOMPARE(l.tokenAt(QPointF(300, 10)), std::nullopt); // the axis
        QCOMPARE(l.tokenAt(QPointF(100, 60)), std::nullopt); // the label column
        QCOMPARE(l.tokenAt(QPointF(300, 200)), std::nullopt); // below every lane

        // After a pan the same point finds what moved under it.
        l.panByPixels(-300);
        QCOMPARE(l.tokenAt(QPointF(300, 80)), std::optional<qint64>(8));
        QCOMPARE(l.tokenAt(QPointF(300, 60)), std::nullopt);
    }

    void barsEndAtRevocationOrRunOnWhenTheyNeverExpire()
    {
        TimelineLayout l = layout();
        l.setTokens({token(1, 1, QStringLiteral("a"), kStart.addDays(1), kStart.addDays(30), kStart.addDays(2)),
            token(2, 1, QStringLiteral("a"), kStart.addDays(1)),
            token(3, 1, QStringLiteral("a"), kStart.addDays(-30), kStart.addDays(-20)),
            token(4, 1, QStringLiteral("a"), kStart.addDays(1), kStart.addDays(3), kStart.addDays(5))});
        const auto revoked = l.barOf(l.rowOfToken(1));
        QVERIFY(revoked && revoked->revokedAtEnd && !revoked->runsOn);
        QCOMPARE(revoked->rect.right(), 370.0);
        const auto never = l.barOf(l.rowOfToken(2));
        QVERIFY(never && never->runsOn && !never->revokedAtEnd);
        QCOMPARE(never->rect.right(), 1170.0);
        QVERIFY(!l.barOf(l.rowOfToken(3))); // entirely before the range: nothing to paint
        QVERIFY(!l.barOf(0)); // a header has no bar
        // Revoked after it had expired: the bar ends at the expiry.
        const auto expiredFirst = l.barOf(l.rowOfToken(4));
        QVERIFY(expiredFirst && !expiredFirst->revokedAtEnd);
        QCOMPARE(expiredFirst->rect.right(), 470.0);
    }

    void scrollingShowsOnlyTheRowsInView()
    {
        QList<Token> tokens;
        for (int i = 1; i <= 1000; ++i)
            tokens.append(token(i, 1, QStringLiteral("bulk"), kStart.addSecs(i)));
        TimelineLayout l = layout();
        l.setTokens(tokens);
        QCOMPARE(l.maxScrollY(), TimelineLayout::kHeaderHeight + 1000 * TimelineLayout::kLaneHeight - 600);
        auto [first, last] = l.visibleRows();
        QCOMPARE(first, 0);
        QCOMPARE(last, 29); // the header (22 px), then lanes of 20 px down to content y 599
        l.setScrollY(1000);
        std::tie(first, last) = l.visibleRows();
        QCOMPARE(first, 49); // content y 1000 lies in the 49th lane (22 + 48 * 20 = 982)
        QCOMPARE(last, 79);
        QCOMPARE(l.rowAtY(30), 49);
        QCOMPARE(l.rowTopY(49), 30 - 18);
        l.setScrollY(1'000'000);
        QCOMPARE(l.scrollY(), l.maxScrollY());
        std::tie(first, last) = l.visibleRows();
        QCOMPARE(last, 1000);
        l.setScrollY(-5);
        QCOMPARE(l.scrollY(), 0);
    }
};

QTEST_MAIN(TestTimelineLayout)
#include "TestTimelineLayout.moc"

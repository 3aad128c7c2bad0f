#include "ui/timeline/TokenTimeline.h"

#include "tests/support/ManualClock.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace gatehouse;
using ui::TimelineLayout;
using ui::TokenTimeline;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// One consumer's header (y 30..52), then one lane of 20 px per token in id order: the bar of
// the n-th token (from 1) is centred on this y.
int barY(int n)
{
    return TimelineLayout::kAxisHeight + TimelineLayout::kHeaderHeight + (n - 1) * TimelineLayout::kLaneHeight
        + TimelineLayout::kLaneHeight / 2;
}

QString describe(QColor colour)
{
    return colour.name();
}

} // namespace

class TestTokenTimeline : public QObject
{
    Q_OBJECT

    test::ManualClock m_clock; // now: 2026-01-15 12:00 UTC
    std::unique_ptr<TokenTimeline> m_timeline;

    Token token(qint64 id, int createdDays, std::optional<int> expiresDays, std::optional<int> revokedDays = {})
    {
        const QDateTime now = m_clock.now();
        Token t;
        t.id = id;
        t.consumerId = 1;
        t.consumerName = QStringLiteral("acme");
        t.name = QStringLiteral("token %1").arg(id);
        t.scopes = {QStringLiteral("api:billing:read")};
        t.created = now.addDays(createdDays);
        if (expiresDays)
            t.expires = now.addDays(*expiresDays);
        if (revokedDays)
            t.revoked = now.addDays(*revokedDays);
        return t;
    }

    QImage render() const { return m_timeline->viewport()->grab().toImage(); }

    QColor pixel(const QImage& image, int x, int y) const { return QColor(image.pixel(x, y)); }

private Q_SLOTS:
    // A plot 1000 px wide (x 170..1170) showing from five days ago to five days ahead: one day
    // is 100 px and now lies at x = 670.
    void init()
    {
        m_timeline = std::make_unique<TokenTimeline>();
        m_timeline->resize(TimelineLayout::kLabelWidth + 1000, TimelineLayout::kAxisHeight + 600);
        m_timeline->setNow(m_clock.now());
        m_timeline->setVisibleRange(m_clock.now().toMSecsSinceEpoch() - 5 * kDayMs, 10 * kDayMs);
        Token rotated = token(6, -4, 30, 2); // rotated away: works for two more days
        rotated.graceEnds = rotated.revoked;
        m_timeline->setTokens({
            token(1, -4, 30), // active
            token(2, -4, -2), // expired two days ago (x = 470)
            token(3, -4, 30, -1), // revoked yesterday
            token(4, -4, 3), // expiring in three days
            token(5, -4, std::nullopt), // never expires
            rotated,
        });
        m_timeline->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_timeline.get()));
        QCOMPARE(m_timeline->viewport()->size(), QSize(1170, 630));
        QCOMPARE(m_timeline->timelineLayout().xForTime(m_clock.now().toMSecsSinceEpoch()), 670.0);
    }

    void cleanup() { m_timeline.reset(); }

    void barsAreColouredByState()
    {
        const QImage image = render();
        const auto& colours = m_timeline->colours();
        QCOMPARE(describe(pixel(image, 400, barY(1))), describe(colours.active));
        QCOMPARE(describe(pixel(image, 320, barY(2))), describe(colours.expired));
        QCOMPARE(describe(pixel(image, 500, barY(3))), describe(colours.revoked));
        QCOMPARE(describe(pixel(image, 800, barY(4))), describe(colours.expiring));
        QCOMPARE(describe(pixel(image, 1100, barY(5))), describe(colours.active));
        QCOMPARE(describe(pixel(image, 400, barY(6))), describe(colours.active)); // in its grace period
        // Before creation there is no bar.
        QCOMPARE(describe(pixel(image, 250, barY(1))), describe(colours.background));
        // The expired bar ends at its expiry (x = 470).
        QCOMPARE(describe(pixel(image, 465, barY(2))), describe(colours.expired));
        QCOMPARE(describe(pixel(image, 475, barY(2))), describe(colours.background));
    }

    void theNowLineHasItsOwnColour()
    {
        const QImage image = render();
        const auto& colours = m_timeline->colours();
        QCOMPARE(describe(pixel(image, 670, 400)), describe(colours.now)); // below every lane
        QCOMPARE(describe(pixel(image, 669, barY(1))), describe(colours.now)); // drawn over the bars
        QCOMPARE(describe(pixel(image, 675, 400)), describe(colours.background));
        // Moving time moves the line: one day later it is 100 px to the right.
        m_clock.advanceDays(1);
        m_timeline->setNow(m_clock.now());
        const QImage later = render();
        QCOMPARE(describe(pixel(later, 770, 400)), describe(colours.now));
        QCOMPARE(describe(pixel(later, 670, 400)), describe(colours.background));
        // ...and states with it: token 6's grace ends in a day, token 4 still expires in two.
        QCOMPARE(describe(pixel(later, 800, barY(6))), describe(colours.active));
        QCOMPARE(describe(pixel(later, 800, barY(4))), describe(colours.expiring));
        // Two more days: token 6 is revoked (its grace is over) and token 4 has expired.
        m_clock.advanceDays(2);
        m_timeline->setNow(m_clock.now());
        const QImage after = render();
        QCOMPARE(describe(pixel(after, 800, barY(6))), describe(colours.revoked));
        QCOMPARE(describe(pixel(after, 800, barY(4))), describe(colours.expired));
    }

    void theBackgroundFollowsThePalette()
    {
        QSignalSpy changed(m_timeline.get(), &TokenTimeline::coloursChanged);
        QPalette dark = m_timeline->palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
        m_timeline->setPalette(dark);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_timeline->colours().background, QColor(0x20, 0x20, 0x24));
        const QImage image = render();
        QCOMPARE(describe(pixel(image, 600, barY(3))), QStringLiteral("#202024"));
        QCOMPARE(describe(pixel(image, 400, barY(1))), describe(m_timeline->colours().active));
    }

    void aRevokedBarStopsAtItsRevocation()
    {
        const QImage image = render();
        const auto& colours = m_timeline->colours();
        // Revoked yesterday: x = 570, with the revocation mark just inside the end.
        QCOMPARE(describe(pixel(image, 560, barY(3))), describe(colours.revoked));
        QCOMPARE(describe(pixel(image, 569, barY(3))), describe(colours.revocationMark));
        QCOMPARE(describe(pixel(image, 572, barY(3))), describe(colours.background));
        QCOMPARE(describe(pixel(image, 600, barY(3))), describe(colours.background));
    }

    void markersShowExpiryWithinSevenDaysAndGraceEnds()
    {
        const QImage image = render();
        const auto& colours = m_timeline->colours();
        // Token 4 expires in three days (x = 970), token 6's grace ends in two (x = 870).
        QCOMPARE(describe(pixel(image, 972, barY(4))), describe(colours.expiringMarker));
        QCOMPARE(describe(pixel(image, 870, barY(6))), describe(colours.graceMarker));
        // Token 1 expires in 30 days: no marker anywhere on its lane near now.
        QCOMPARE(describe(pixel(image, 972, barY(1))), describe(colours.active));
    }

    void aNeverExpiringBarRunsToTheEdgeWithAnArrow()
    {
        const QImage image = render();
        const auto& colours = m_timeline->colours();
        QCOMPARE(describe(pixel(image, 1150, barY(5))), describe(colours.active));
        QCOMPARE(describe(pixel(image, 1167, barY(5))), describe(colours.active.darker(140)));
        // Token 1 (expiring in 30 days) runs past the edge too, but without an arrow.
        QCOMPARE(describe(pixel(image, 1167, barY(1))), describe(colours.active));
    }

    void clickingABarActivatesItsToken()
    {
        QSignalSpy activated(m_timeline.get(), &TokenTimeline::tokenActivated);
        QTest::mouseClick(m_timeline->viewport(), Qt::LeftButton, {}, QPoint(400, barY(1)));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), 1);
        QCOMPARE(m_timeline->selectedTokenId(), 1);
        QTest::mouseClick(m_timeline->viewport(), Qt::LeftButton, {}, QPoint(320, barY(2)));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toLongLong(), 2);
        // Beside a bar: nothing is activated, and the selection goes.
        QTest::mouseClick(m_timeline->viewport(), Qt::LeftButton, {}, QPoint(500, barY(2)));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(m_timeline->selectedTokenId(), 0);
    }

    void theKeyboardSelectsZoomsAndActivates()
    {
        QSignalSpy activated(m_timeline.get(), &TokenTimeline::tokenActivated);
        m_timeline->setFocus();
        QTest::keyClick(m_timeline.get(), Qt::Key_Down);
        QCOMPARE(m_timeline->selectedTokenId(), 1);
        QTest::keyClick(m_timeline.get(), Qt::Key_Down);
        QTest::keyClick(m_timeline.get(), Qt::Key_Down);
        QCOMPARE(m_timeline->selectedTokenId(), 3);
        QTest::keyClick(m_timeline.get(), Qt::Key_Up);
        QCOMPARE(m_timeline->selectedTokenId(), 2);
        QTest::keyClick(m_timeline.get(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), 2);
        QTest::keyClick(m_timeline.get(), Qt::Key_Plus);
        QCOMPARE(m_timeline->timelineLayout().spanMs(), 5 * kDayMs);
        QTest::keyClick(m_timeline.get(), Qt::Key_Minus);
        QCOMPARE(m_timeline->timelineLayout().spanMs(), 10 * kDayMs);
    }

    void theWheelZoomsAroundTheCursor()
    {
        QSignalSpy ranged(m_timeline.get(), &TokenTimeline::rangeChanged);
        const auto& layout = m_timeline->timelineLayout();
        const QPoint cursor(420, 300);
        const qint64 under = layout.timeForX(cursor.x());
        auto wheel = [&](int delta) {
            QWheelEvent event(cursor, m_timeline->viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, delta),
                Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(m_timeline->viewport(), &event);
        };
        wheel(120);
        QVERIFY(layout.spanMs() < 10 * kDayMs);
        QVERIFY(std::abs(layout.timeForX(cursor.x()) - under) <= 1);
        QCOMPARE(ranged.count(), 1);
        wheel(-240);
        QVERIFY(layout.spanMs() > 10 * kDayMs);
        QVERIFY(std::abs(layout.timeForX(cursor.x()) - under) <= 1);
        for (int i = 0; i < 100; ++i)
            wheel(120);
        QCOMPARE(layout.spanMs(), TimelineLayout::kMinSpanMs);
        for (int i = 0; i < 100; ++i)
            wheel(-120);
        QCOMPARE(layout.spanMs(), TimelineLayout::kMaxSpanMs);
    }

    void shiftWheelScrollsThroughTheLanes()
    {
        QList<Token> many;
        for (int i = 1; i <= 200; ++i)
            many.append(token(i, -4, 30));
        m_timeline->setTokens(many);
        QTRY_VERIFY(m_timeline->verticalScrollBar()->isVisible());
        const qint64 span = m_timeline->timelineLayout().spanMs();
        const QPoint cursor(420, 300);
        QWheelEvent event(cursor, m_timeline->viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, -120), Qt::NoButton,
            Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_timeline->viewport(), &event);
        QCOMPARE(m_timeline->timelineLayout().scrollY(), 3 * TimelineLayout::kLaneHeight);
        QCOMPARE(m_timeline->timelineLayout().spanMs(), span); // scrolled, not zoomed
        // The lane under the cursor is three further down.
        const int row = m_timeline->timelineLayout().rowAtY(barY(1));
        QCOMPARE(m_timeline->timelineLayout().tokenOfRow(row).id, 4);
        QCOMPARE(m_timeline->timelineLayout().tokenAt(QPointF(400, barY(1))), std::optional<qint64>(4));
        QSignalSpy activated(m_timeline.get(), &TokenTimeline::tokenActivated);
        QTest::mouseClick(m_timeline->viewport(), Qt::LeftButton, {}, QPoint(400, barY(1)));
        QCOMPARE(activated.at(0).at(0).toLongLong(), 4);
    }

    void draggingPansWithoutActivating()
    {
        QSignalSpy activated(m_timeline.get(), &TokenTimeline::tokenActivated);
        const qint64 start = m_timeline->timelineLayout().startMs();
        QWidget* viewport = m_timeline->viewport();
        auto send = [viewport](QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, viewport->mapToGlobal(pos), button, buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(viewport, &event);
        };
        const QPoint from(400, barY(1)); // starts on a bar: a drag, not a click
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, from + QPoint(50, 0), Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, from + QPoint(100, 0), Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, from + QPoint(100, 0), Qt::LeftButton, Qt::NoButton);
        // 100 px to the right: the range shows one day earlier.
        QCOMPARE(m_timeline->timelineLayout().startMs(), start - kDayMs);
        QCOMPARE(activated.count(), 0);
        // The bars moved with it: token 2's, which ended at x = 470, now ends at 570.
        const QImage image = render();
        QCOMPARE(describe(pixel(image, 520, barY(2))), describe(m_timeline->colours().expired));
        QCOMPARE(describe(pixel(image, 575, barY(2))), describe(m_timeline->colours().background));
    }

    void theButtonsZoomAndTodayRecentres()
    {
        m_timeline->zoomIn();
        QCOMPARE(m_timeline->timelineLayout().spanMs(), 5 * kDayMs);
        m_timeline->zoomOut();
        m_timeline->zoomOut();
        QCOMPARE(m_timeline->timelineLayout().spanMs(), 20 * kDayMs);
        m_timeline->setVisibleRange(m_clock.now().toMSecsSinceEpoch() + 100 * kDayMs, 20 * kDayMs);
        m_timeline->showToday();
        QCOMPARE(m_timeline->timelineLayout().xForTime(m_clock.now().toMSecsSinceEpoch()), 420.0);
        QCOMPARE(m_timeline->timelineLayout().spanMs(), 20 * kDayMs);
    }

    void theContextMenuOffersRevokeAndRotate()
    {
        QSignalSpy revoke(m_timeline.get(), &TokenTimeline::revokeRequested);
        QSignalSpy rotate(m_timeline.get(), &TokenTimeline::rotateRequested);
        QVERIFY(!m_timeline->contextMenuFor(QPoint(400, barY(2) + 10)));

        std::unique_ptr<QMenu> menu(m_timeline->contextMenuFor(QPoint(400, barY(1))));
        QVERIFY(menu);
        auto* revokeAction = menu->findChild<QAction*>(QStringLiteral("revokeAction"));
        auto* rotateAction = menu->findChild<QAction*>(QStringLiteral("rotateAction"));
        QVERIFY(revokeAction && rotateAction);
        QVERIFY(revokeAction->isEnabled() && rotateAction->isEnabled());
        revokeAction->trigger();
        QCOMPARE(revoke.count(), 1);
        QCOMPARE(revoke.at(0).at(0).toLongLong(), 1);
        rotateAction->trigger();
        QCOMPARE(rotate.count(), 1);
        QCOMPARE(rotate.at(0).at(0).toLongLong(), 1);

        // An expired or revoked token can be neither revoked again nor rotated.
        std::unique_ptr<QMenu> expired(m_timeline->contextMenuFor(QPoint(320, barY(2))));
        QVERIFY(expired);
        QVERIFY(!expired->findChild<QAction*>(QStringLiteral("revokeAction"))->isEnabled());
        QVERIFY(!expired->findChild<QAction*>(QStringLiteral("rotateAction"))->isEnabled());
        std::unique_ptr<QMenu> revoked(m_timeline->contextMenuFor(QPoint(400, barY(3))));
        QVERIFY(!revoked->findChild<QAction*>(QStringLiteral("revokeAction"))->isEnabled());
    }

    void hoveringABarDescribesItsToken()
    {
        const QString tip = m_timeline->toolTipFor(QPoint(400, barY(1)));
        QVERIFY2(tip.contains(QStringLiteral("token 1")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("acme")));
        QVERIFY(tip.contains(QStringLiteral("api:billing:read")));
        QVERIFY(tip.contains(QStringLiteral("Created")));
        QVERIFY(tip.contains(QStringLiteral("Expires")));
        QVERIFY(tip.contains(QStringLiteral("Last used")));
        QVERIFY(tip.contains(QStringLiteral("in 4 weeks")));
        QVERIFY(m_timeline->toolTipFor(QPoint(500, barY(2))).isEmpty());
        QVERIFY(m_timeline->toolTipFor(QPoint(500, barY(5))).contains(QStringLiteral("never")));
        QVERIFY(m_timeline->toolTipFor(QPoint(500, barY(6))).contains(QStringLiteral("Grace ends")));
    }

    void onlyVisibleLanesArePainted()
    {
        QList<Token> many;
        many.reserve(10'000);
        for (int i = 1; i <= 10'000; ++i) {
            Token t = token(i, -(i % 20), i % 40 - 10, i % 7 == 0 ? std::optional<int>(1) : std::nullopt);
            t.consumerId = i % 50;
            t.consumerName = QStringLiteral("consumer %1").arg(i % 50, 2, 10, QLatin1Char('0'));
            many.append(t);
        }
        m_timeline->setTokens(many);
        const int visibleLanes = 600 / TimelineLayout::kLaneHeight + 1;
        render();
        QVERIFY2(m_timeline->lastPaintedBars() > visibleLanes / 2,
            qPrintable(QString::number(m_timeline->lastPaintedBars())));
        QVERIFY(m_timeline->lastPaintedBars() <= visibleLanes);
        m_timeline->verticalScrollBar()->setValue(m_timeline->verticalScrollBar()->maximum() / 2);
        render();
        QVERIFY(m_timeline->lastPaintedBars() > visibleLanes / 2);
        QVERIFY(m_timeline->lastPaintedBars() <= visibleLanes);
        // The lane under a point still hit-tests after scrolling.
        const auto& layout = m_timeline->timelineLayout();
        const int row = layout.rowAtY(300);
        QVERIFY(row >= 0);
        if (layout.rows().at(row).isHeader)
            return;
        const auto bar = layout.barOf(row);
        QVERIFY(bar);
        QCOMPARE(layout.tokenAt(bar->rect.center()), std::optional<qint64>(layout.tokenOfRow(row).id));
    }
};

QTEST_MAIN(TestTokenTimeline)
#include "TestTokenTimeline.moc"

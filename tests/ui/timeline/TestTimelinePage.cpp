#include "ui/timeline/TimelinePage.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/timeline/TokenTimeline.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QToolButton>

#include <memory>

using namespace gatehouse;
using ui::PageAction;
using ui::TimelineLayout;
using ui::TimelinePage;
using ui::TokenTimeline;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace

class TestTimelinePage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ConsoleFixture> m_f;
    std::unique_ptr<TimelinePage> m_page;

    qint64 createToken(const QString& name, int days = 30)
    {
        TokenRequest request;
        request.consumer = QStringLiteral("mobile-app");
        request.name = name;
        request.scopes = {QStringLiteral("api:billing")};
        request.expiry = m_f->t.expiryInDays(days);
        auto issued = m_f->t.tokens.create(request);
        if (!issued) {
            qWarning("%s", qPrintable(issued.error().message));
            return 0;
        }
        return issued->token.id;
    }

    TokenTimeline* timeline() const { return m_page->timeline(); }
    const TimelineLayout& layout() const { return timeline()->timelineLayout(); }

    // The middle of a token's bar, in viewport coordinates.
    QPoint barCentre(qint64 tokenId) const
    {
        const auto bar = layout().barOf(layout().rowOfToken(tokenId));
        return bar ? bar->rect.center().toPoint() : QPoint(-1, -1);
    }

    QStringList shownNames() const
    {
        QStringList names;
        for (const Token& token : layout().tokens())
            names.append(token.name);
        return names;
    }

private Q_SLOTS:
    void init()
    {
        m_f = std::make_unique<test::ConsoleFixture>();
        QVERIFY(m_f->isReady());
        m_f->t.addBillingApiAndConsumer();
        QVERIFY(m_f->t.consumers.add(QStringLiteral("batch"), QString()));
        QVERIFY(createToken(QStringLiteral("phones")));
        QVERIFY(createToken(QStringLiteral("tablets"), 3));
        // Two days on, so bars have a length before now: "tablets" expires tomorrow.
        m_f->t.clock.advanceDays(2);
        m_page = std::make_unique<TimelinePage>(m_f->services);
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_f.reset();
    }

    void showsEveryTokenAroundNow()
    {
        QCOMPARE(m_page->title(), QStringLiteral("Timeline"));
        QCOMPARE(shownNames(), (QStringList {QStringLiteral("phones"), QStringLiteral("tablets")}));
        QCOMPARE(timeline()->now(), m_f->t.clock.now());
        const double nowX = layout().xForTime(m_f->t.clock.nowMs());
        QVERIFY(nowX > layout().plotRect().left() && nowX < layout().plotRect().right());
        QVERIFY(m_page->findChild<QWidget*>(QStringLiteral("timelineLegend")));
        QVERIFY(barCentre(1).x() > 0);
    }

    void theZoomButtonsAndTodayWork()
    {
        const qint64 span = layout().spanMs();
        QTest::mouseClick(m_page->findChild<QToolButton*>(QStringLiteral("zoomInButton")), Qt::LeftButton);
        QCOMPARE(layout().spanMs(), span / 2);
        QTest::mouseClick(m_page->findChild<QToolButton*>(QStringLiteral("zoomOutButton")), Qt::LeftButton);
        QTest::mouseClick(m_page->findChild<QToolButton*>(QStringLiteral("zoomOutButton")), Qt::LeftButton);
        QCOMPARE(layout().spanMs(), span * 2);
        timeline()->setVisibleRange(m_f->t.clock.nowMs() + 300 * kDayMs, span);
        QTest::mouseClick(m_page->findChild<QToolButton*>(QStringLiteral("todayButton")), Qt::LeftButton);
        const double nowX = layout().xForTime(m_f->t.clock.nowMs());
        QCOMPARE(nowX, layout().plotRect().left() + layout().plotRect().width() / 4);
    }

    void revokeFromTheContextMenuRevokesInTheCatalog()
    {
        QSignalSpy status(m_page.get(), &ui::Page::statusMessage);
        std::unique_ptr<QMenu> menu(timeline()->contextMenuFor(barCentre(1)));
        QVERIFY(menu);
        menu->findChild<QAction*>(QStringLiteral("revokeAction"))->trigger();
        auto found = m_f->t.tokens.find(1);
        QVERIFY(found);
        QCOMPARE(tokenState::of(*found, m_f->t.clock.now()), TokenState::Revoked);
        QCOMPARE(status.count(), 1);
        QVERIFY(status.at(0).at(0).toString().contains(QStringLiteral("revoked")));
        // The page rereads: the bar now shows the revocation.
        QTRY_VERIFY(layout().tokens().at(layout().rows().at(layout().rowOfToken(1)).tokenIndex).revoked.isValid());
        // Token 2 is untouched.
        QVERIFY(!m_f->t.tokens.find(2)->revoked.isValid());
    }

    void rotateFromTheContextMenuIsHandedToTheMainWindow()
    {
        QSignalSpy rotate(m_page.get(), &TimelinePage::rotateRequested);
        std::unique_ptr<QMenu> menu(timeline()->contextMenuFor(barCentre(2)));
        QVERIFY(menu);
        menu->findChild<QAction*>(QStringLiteral("rotateAction"))->trigger();
        QCOMPARE(rotate.count(), 1);
        QCOMPARE(rotate.at(0).at(0).toLongLong(), 2);
        QVERIFY(!m_f->t.tokens.find(2)->revoked.isValid()); // the Tokens page's flow does the rotating
    }

    void clickingABarActivatesTheToken()
    {
        QSignalSpy activated(m_page.get(), &TimelinePage::tokenActivated);
        QSignalSpy actions(m_page.get(), &ui::Page::actionsChanged);
        QVERIFY(!m_page->canPerform(PageAction::Revoke));
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {}, barCentre(2));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), 2);
        QVERIFY(actions.count() >= 1);
        // The main window's Revoke (Ctrl+R) then acts on it.
        QVERIFY(m_page->canPerform(PageAction::Revoke));
        m_page->perform(PageAction::Revoke);
        QVERIFY(m_f->t.tokens.find(2)->revoked.isValid());
        QTRY_VERIFY(!m_page->canPerform(PageAction::Revoke));
    }

    void anotherAdminsChangesShowUp()
    {
        const qint64 id = createToken(QStringLiteral("watch"));
        QVERIFY(id);
        QTRY_COMPARE(layout().tokens().size(), 3);
        QVERIFY(layout().rowOfToken(id) >= 0);
        QVERIFY(m_f->t.tokens.revoke(1));
        QTRY_VERIFY(layout().tokens().at(layout().rows().at(layout().rowOfToken(1)).tokenIndex).revoked.isValid());
        // Painted in the revoked colour.
        const QPoint centre = barCentre(1);
        QTRY_COMPARE(QColor(timeline()->viewport()->grab().toImage().pixel(centre + QPoint(-20, 0))).name(),
            timeline()->colours().revoked.name());
    }

    void rotationWithGraceShowsItsEnd()
    {
        auto rotated = m_f->t.tokens.rotate(1, 2 * kDayMs);
        QVERIFY(rotated);
        QTRY_COMPARE(layout().tokens().size(), 3);
        const Token& previous = layout().tokenOfRow(layout().rowOfToken(1));
        QCOMPARE(previous.graceEnds, m_f->t.clock.now().addDays(2));
        QCOMPARE(tokenState::of(previous, m_f->t.clock.now()), TokenState::Active);
        const double graceX = layout().xForTime(previous.graceEnds.toMSecsSinceEpoch());
        const int y = barCentre(1).y();
        const QImage image = timeline()->viewport()->grab().toImage();
        QCOMPARE(QColor(image.pixel(int(graceX), y)).name(), timeline()->colours().graceMarker.name());
    }

    void theFilterNarrowsTheLanes()
    {
        auto* filter = m_page->findChild<QLineEdit*>(QStringLiteral("timelineFilter"));
        QVERIFY(filter);
        m_page->perform(PageAction::Find);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("TAB"));
        QCOMPARE(shownNames(), QStringList {QStringLiteral("tablets")});
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("api:billing"));
        QCOMPARE(shownNames().size(), 2);
        QTest::keyClicks(filter, QStringLiteral("x"));
        QVERIFY(shownNames().isEmpty());
    }
};

QTEST_MAIN(TestTimelinePage)
#include "TestTimelinePage.moc"

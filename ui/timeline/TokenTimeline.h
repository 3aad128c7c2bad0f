#pragma once

#include "ui/timeline/TimelineColours.h"
#include "ui/timeline/TimelineLayout.h"

#include <QAbstractScrollArea>
#include <QDateTime>

class QMenu;

namespace gatehouse::ui {

// The expiry timeline: a time axis with a "now" line and one lane per token, grouped by
// consumer, each with a bar from creation to expiry (or revocation) coloured by its state.
// The wheel zooms (an hour to a year), a drag pans, a click selects, the context menu offers
// Revoke and Rotate. It knows no services: its page feeds it tokens and "now" and acts on its
// signals. Only the rows on screen are painted, so ten thousand tokens cost what a screenful does.
class TokenTimeline : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TokenTimeline(QWidget* parent = nullptr);

    // The tokens to show; the view (range, scroll, selection) stays where it was.
    void setTokens(QList<Token> tokens);
    // States, markers and the now line are all measured against this moment.
    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }

    const TimelineLayout& timelineLayout() const { return m_layout; }
    const TimelineColours& colours() const { return m_colours; }
    void setVisibleRange(qint64 startMs, qint64 spanMs);

    qint64 selectedTokenId() const { return m_selected; } // 0: none
    void setSelectedTokenId(qint64 tokenId); // also scrolls its lane into view
    // How many bars the last paint drew: bounded by the lanes on screen, never by the token count.
    int lastPaintedBars() const { return m_lastPaintedBars; }

    // The tooltip over `pos` (viewport coordinates), empty away from a bar.
    QString toolTipFor(QPoint pos) const;
    // The context menu for the bar at `pos` (viewport coordinates), or nullptr away from a bar.
    // The caller owns it; contextMenuEvent pops it up, tests trigger its actions directly.
    QMenu* contextMenuFor(QPoint pos);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void showToday(); // puts now at a quarter of the width, keeping the zoom

Q_SIGNALS:
    void tokenActivated(qint64 tokenId); // clicked: select it in the Tokens page
    void selectionChanged(qint64 tokenId); // 0: nothing selected
    void revokeRequested(qint64 tokenId);
    void rotateRequested(qint64 tokenId);
    void rangeChanged(); // zoom or pan
    void coloursChanged(); // the palette changed: a legend follows

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void paintAxis(QPainter& painter) const;
    void paintRow(QPainter& painter, int row);
    void paintBar(QPainter& painter, int row, const TimelineLayout::Bar& bar, const Token& token) const;
    void paintNowLine(QPainter& painter) const;
    void syncScrollBar();
    void zoomBy(double factor, double anchorX);
    void select(qint64 tokenId);

    TimelineLayout m_layout;
    TimelineColours m_colours;
    QDateTime m_now;
    qint64 m_selected = 0;
    int m_lastPaintedBars = 0;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace gatehouse::ui

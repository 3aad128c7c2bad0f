#pragma once

#include "core/catalog/Token.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSize>

#include <optional>

namespace gatehouse::ui {

// The timeline's geometry without painting: the visible time range and its mapping to x, the
// rows (a header per consumer, then one lane per token of that consumer) and their y, and hit
// testing. Kept apart from the widget so the arithmetic is tested on its own and the widget asks
// it only about the rows that are on screen.
//
// Coordinates are the widget's: the axis strip on top, the lane labels on the left, and the
// plot (where time runs) to their right and below.
class TimelineLayout
{
public:
    static constexpr qint64 kMinSpanMs = 3600LL * 1000; // one hour
    static constexpr qint64 kMaxSpanMs = 365LL * 24 * 3600 * 1000; // one year
    static constexpr int kAxisHeight = 30;
    static constexpr int kLabelWidth = 170;
    static constexpr int kHeaderHeight = 22;
    static constexpr int kLaneHeight = 20;
    static constexpr int kBarHeight = 12;

    struct Row
    {
        bool isHeader = false;
        int tokenIndex = -1; // into tokens(), for a lane
        QString consumer; // for a header
        int tokenCount = 0; // for a header
        int top = 0; // in content coordinates (0 = first row, before scrolling)
        int height = 0;
    };

    // Where a lane's bar lies, clipped to the plot. `runsOn`: it never expires and is not revoked,
    // so it goes on past the right edge; `revokedAtEnd`: its end is a revocation, not an expiry.
    struct Bar
    {
        QRectF rect;
        bool runsOn = false;
        bool revokedAtEnd = false;
    };

    // Groups by consumer (by name, case-insensitively, then by consumer id), and within a consumer
    // by creation then id: the order stays put as tokens come and go.
    void setTokens(QList<Token> tokens);
    const QList<Token>& tokens() const { return m_tokens; }
    const QList<Row>& rows() const { return m_rows; }
    int rowOfToken(qint64 tokenId) const; // -1 when absent

    void setViewportSize(QSize size);
    QSize viewportSize() const { return m_size; }
    QRectF plotRect() const;

    // The visible time range, in ms since the epoch. The span stays within [kMinSpanMs, kMaxSpanMs].
    void setVisibleRange(qint64 startMs, qint64 spanMs);
    qint64 startMs() const { return m_startMs; }
    qint64 spanMs() const { return m_spanMs; }
    qint64 endMs() const { return m_startMs + m_spanMs; }

    double xForTime(qint64 ms) const;
    qint64 timeForX(double x) const;

    // factor > 1 zooms in. The time under `anchorX` stays under it (clamping may move it when the
    // span hits a bound, except on the bound's own side).
    void zoom(double factor, double anchorX);
    // Moves the range as a drag of `dx` pixels does: dragging right shows earlier times.
    void panByPixels(double dx);
    // Keeps the span and puts `ms` at `fraction` of the plot's width.
    void placeTime(qint64 ms, double fraction);

    // Vertical scrolling through the rows, in pixels.
    int contentHeight() const { return m_contentHeight; }
    int maxScrollY() const;
    void setScrollY(int y);
    int scrollY() const { return m_scrollY; }
    int rowTopY(int row) const; // in widget coordinates
    // The rows that meet the plot's height: [first, last], or first > last when none.
    std::pair<int, int> visibleRows() const;
    int rowAtY(double y) const; // -1 outside the rows

    std::optional<Bar> barOf(int row) const; // none for a header or a bar off the plot
    const Token& tokenOfRow(int row) const { return m_tokens.at(m_rows.at(row).tokenIndex); }
    // The lane whose bar holds `point`, or -1: the hit test of clicks, tooltips and menus.
    int laneAt(QPointF point) const;
    std::optional<qint64> tokenAt(QPointF point) const;

private:
    void clampRange();

    QList<Token> m_tokens;
    QList<Row> m_rows;
    QHash<qint64, int> m_rowById;
    QSize m_size;
    qint64 m_startMs = 0;
    qint64 m_spanMs = 7LL * 24 * 3600 * 1000;
    int m_contentHeight = 0;
    int m_scrollY = 0;
};

} // namespace gatehouse::ui

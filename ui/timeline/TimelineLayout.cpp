#include "ui/timeline/TimelineLayout.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace gatehouse::ui {

namespace {

// The range never leaves the years QDateTime and people can read.
constexpr qint64 kEarliestMs = 0;
constexpr qint64 kLatestMs = 253402300799000LL; // 9999-12-31T23:59:59Z

} // namespace

void TimelineLayout::setTokens(QList<Token> tokens)
{
    // Sort keys computed once per token: comparing QDateTimes and case-folding names inside the
    // comparator costs a fifth of a second at ten thousand tokens.
    struct Key
    {
        QString consumer;
        qint64 consumerId;
        qint64 createdMs;
        qint64 id;
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(tokens.size()));
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens.at(i);
        keys.push_back(
            {token.consumerName.toCaseFolded(), token.consumerId, token.created.toMSecsSinceEpoch(), token.id, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.consumerId != b.consumerId) {
            if (const int byName = a.consumer.compare(b.consumer); byName != 0)
                return byName < 0;
            return a.consumerId < b.consumerId;
        }
        return std::tie(a.createdMs, a.id, a.index) < std::tie(b.createdMs, b.id, b.index);
    });

    m_tokens.clear();
    m_tokens.reserve(tokens.size());
    m_rows.clear();
    m_rows.reserve(tokens.size() + 16);
    m_rowById.clear();
    m_rowById.reserve(tokens.size());
    int top = 0;
    qsizetype headerRow = -1;
    qint64 consumerId = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
        Token& token = tokens[keys[i].index];
        if (i == 0 || token.consumerId != consumerId) {
            consumerId = token.consumerId;
            Row header;
            header.isHeader = true;
            header.consumer = token.consumerName;
            header.top = top;
            header.height = kHeaderHeight;
            top += kHeaderHeight;
            headerRow = m_rows.size();
            m_rows.append(header);
        }
        ++m_rows[headerRow].tokenCount;
        Row lane;
        lane.tokenIndex = int(m_tokens.size());
        lane.top = top;
        lane.height = kLaneHeight;
        top += kLaneHeight;
        m_rowById.insert(token.id, int(m_rows.size()));
        m_rows.append(lane);
        m_tokens.append(std::move(token));
    }
    m_contentHeight = top;
    setScrollY(m_scrollY);
}

int TimelineLayout::rowOfToken(qint64 tokenId) const
{
    return m_rowById.value(tokenId, -1);
}

void TimelineLayout::setViewportSize(QSize size)
{
    m_size = size;
    setScrollY(m_scrollY);
}

QRectF TimelineLayout::plotRect() const
{
    return QRectF(kLabelWidth, kAxisHeight, std::max(1, m_size.width() - kLabelWidth),
        std::max(0, m_size.height() - kAxisHeight));
}

void TimelineLayout::setVisibleRange(qint64 startMs, qint64 spanMs)
{
    m_startMs = startMs;
    m_spanMs = spanMs;
    clampRange();
}

void TimelineLayout::clampRange()
{
    m_spanMs = std::clamp(m_spanMs, kMinSpanMs, kMaxSpanMs);
    m_startMs = std::clamp(m_startMs, kEarliestMs, kLatestMs - m_spanMs);
}

double TimelineLayout::xForTime(qint64 ms) const
{
    const QRectF plot = plotRect();
    return plot.left() + double(ms - m_startMs) * plot.width() / double(m_spanMs);
}

qint64 TimelineLayout::timeForX(double x) const
{
    const QRectF plot = plotRect();
    return m_startMs + std::llround((x - plot.left()) * double(m_spanMs) / plot.width());
}

void TimelineLayout::zoom(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const QRectF plot = plotRect();
    const qint64 anchorMs = timeForX(anchorX);
    // Clamped as a double: a huge zoom-out factor would not fit in 64 bits.
    const qint64 span = std::llround(std::clamp(double(m_spanMs) / factor, double(kMinSpanMs), double(kMaxSpanMs)));
    m_startMs = anchorMs - std::llround((anchorX - plot.left()) * double(span) / plot.width());
    m_spanMs = span;
    clampRange();
}

void TimelineLayout::panByPixels(double dx)
{
    m_startMs -= std::llround(dx * double(m_spanMs) / plotRect().width());
    clampRange();
}

void TimelineLayout::placeTime(qint64 ms, double fraction)
{
    m_startMs = ms - std::llround(fraction * double(m_spanMs));
    clampRange();
}

int TimelineLayout::maxScrollY() const
{
    return std::max(0, m_contentHeight - int(plotRect().height()));
}

void TimelineLayout::setScrollY(int y)
{
    m_scrollY = std::clamp(y, 0, maxScrollY());
}

int TimelineLayout::rowTopY(int row) const
{
    return kAxisHeight + m_rows.at(row).top - m_scrollY;
}

int TimelineLayout::rowAtY(double y) const
{
    if (y < kAxisHeight)
        return -1;
    const double contentY = y - kAxisHeight + m_scrollY;
    if (contentY < 0 || contentY >= m_contentHeight)
        return -1;
    // The last row whose top is at or above contentY.
    auto it = std::upper_bound(
        m_rows.cbegin(), m_rows.cend(), contentY, [](double value, const Row& row) { return value < row.top; });
    return int(std::distance(m_rows.cbegin(), it)) - 1;
}

std::pair<int, int> TimelineLayout::visibleRows() const
{
    const QRectF plot = plotRect();
    if (m_rows.isEmpty() || plot.height() <= 0)
        return {0, -1};
    const int first = rowAtY(plot.top());
    if (first < 0)
        return {0, -1};
    int last = rowAtY(plot.bottom() - 0.5);
    if (last < 0)
        last = int(m_rows.size()) - 1;
    return {first, last};
}

std::optional<TimelineLayout::Bar> TimelineLayout::barOf(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).isHeader)
        return std::nullopt;
    const Token& token = m_tokens.at(m_rows.at(row).tokenIndex);
    const QRectF plot = plotRect();

    Bar bar;
    std::optional<qint64> endMs;
    if (token.expires.isValid())
        endMs = token.expires.toMSecsSinceEpoch();
    if (token.revoked.isValid() && (!endMs || token.revoked.toMSecsSinceEpoch() <= *endMs)) {
        endMs = token.revoked.toMSecsSinceEpoch();
        bar.revokedAtEnd = true;
    }
    bar.runsOn = !endMs.has_value();

    const double startX = xForTime(token.created.toMSecsSinceEpoch());
    const double endX = endMs ? xForTime(*endMs) : plot.right();
    double left = std::max(startX, plot.left());
    double right = std::min(endX, plot.right());
    if (right < plot.left() || left > plot.right())
        return std::nullopt;
    // A token that lived for less than a pixel at this zoom still shows (and can be clicked).
    if (right - left < 2)
        right = left + 2;
    const double top = rowTopY(row) + (kLaneHeight - kBarHeight) / 2.0;
    bar.rect = QRectF(QPointF(left, top), QPointF(right, top + kBarHeight));
    return bar;
}

int TimelineLayout::laneAt(QPointF point) const
{
    if (!plotRect().contains(point))
        return -1;
    const int row = rowAtY(point.y());
    const auto bar = barOf(row);
    return bar && bar->rect.contains(point) ? row : -1;
}

std::optional<qint64> TimelineLayout::tokenAt(QPointF point) const
{
    const int row = laneAt(point);
    if (row < 0)
        return std::nullopt;
    return tokenOfRow(row).id;
}

} // namespace gatehouse::ui

#include "ui/timeline/TokenTimeline.h"

#include "ui/common/TimeText.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimeZone>
#include <QToolTip>
#include <QWheelEvent>

#include <array>
#include <cmath>

namespace gatehouse::ui {

namespace {

constexpr qint64 kMinuteMs = 60LL * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kExpiringWindowMs = tokenState::kDefaultExpiringWindowMs;
constexpr double kZoomStep = 2.0; // the buttons and keys halve or double the span
constexpr int kMinTickSpacing = 90; // pixels between labelled ticks, at least

// Tick steps from fifteen minutes to three months; months are calendar months.
struct TickStep
{
    qint64 ms;
    int months;
};
constexpr std::array kTickSteps = {TickStep {15 * kMinuteMs, 0}, TickStep {30 * kMinuteMs, 0}, TickStep {kHourMs, 0},
    TickStep {2 * kHourMs, 0}, TickStep {3 * kHourMs, 0}, TickStep {6 * kHourMs, 0}, TickStep {12 * kHourMs, 0},
    TickStep {kDayMs, 0}, TickStep {2 * kDayMs, 0}, TickStep {7 * kDayMs, 0}, TickStep {14 * kDayMs, 0},
    TickStep {31 * kDayMs, 1}, TickStep {92 * kDayMs, 3}};

QPolygonF diamond(QPointF centre, double radius)
{
    return QPolygonF({centre + QPointF(0, -radius), centre + QPointF(radius, 0), centre + QPointF(0, radius),
        centre + QPointF(-radius, 0)});
}

} // namespace

TokenTimeline::TokenTimeline(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_colours(TimelineColours::fromPalette(palette()))
    , m_now(QDateTime::currentDateTimeUtc())
{
    setObjectName(QStringLiteral("tokenTimeline"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(false);
    m_layout.setViewportSize(viewport()->size());
    m_layout.setVisibleRange(m_now.toMSecsSinceEpoch(), 30 * kDayMs);
    m_layout.placeTime(m_now.toMSecsSinceEpoch(), 0.25);
}

void TokenTimeline::setTokens(QList<Token> tokens)
{
    m_layout.setTokens(std::move(tokens));
    if (m_selected != 0 && m_layout.rowOfToken(m_selected) < 0)
        select(0);
    syncScrollBar();
    viewport()->update();
}

void TokenTimeline::setNow(const QDateTime& now)
{
    m_now = now;
    viewport()->update();
}

void TokenTimeline::setVisibleRange(qint64 startMs, qint64 spanMs)
{
    m_layout.setVisibleRange(startMs, spanMs);
    viewport()->update();
    Q_EMIT rangeChanged();
}

void TokenTimeline::setSelectedTokenId(qint64 tokenId)
{
    select(tokenId);
    const int row = m_layout.rowOfToken(tokenId);
    if (row < 0)
        return;
    const QRectF plot = m_layout.plotRect();
    const int top = m_layout.rowTopY(row);
    // Scroll by the least amount that shows the lane, and its consumer's header when it is first.
    if (top < plot.top())
        verticalScrollBar()->setValue(m_layout.scrollY() - int(plot.top() - top) - TimelineLayout::kHeaderHeight);
    else if (top + TimelineLayout::kLaneHeight > plot.bottom())
        verticalScrollBar()->setValue(m_layout.scrollY() + int(top + TimelineLayout::kLaneHeight - plot.bottom()));
}

void TokenTimeline::select(qint64 tokenId)
{
    if (tokenId == m_selected)
        return;
    m_selected = tokenId;
    viewport()->update();
    Q_EMIT selectionChanged(tokenId);
}

void TokenTimeline::zoomIn()
{
    zoomBy(kZoomStep, m_layout.plotRect().center().x());
}

void TokenTimeline::zoomOut()
{
    zoomBy(1.0 / kZoomStep, m_layout.plotRect().center().x());
}

void TokenTimeline::showToday()
{
    m_layout.placeTime(m_now.toMSecsSinceEpoch(), 0.25);
    viewport()->update();
    Q_EMIT rangeChanged();
}

void TokenTimeline::zoomBy(double factor, double anchorX)
{
    m_layout.zoom(factor, anchorX);
    viewport()->update();
    Q_EMIT rangeChanged();
}

QString TokenTimeline::toolTipFor(QPoint pos) const
{
    const int row = m_layout.laneAt(pos);
    if (row < 0)
        return {};
    const Token& token = m_layout.tokenOfRow(row);
    auto line = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    auto when = [this](const QDateTime& time) {
        return tr("%1 (%2)").arg(timeText::absolute(time), timeText::relative(time, m_now));
    };
    QString rows;
    rows += line(tr("Consumer:"), token.consumerName);
    rows += line(tr("Scopes:"), token.scopes.join(QStringLiteral(" ")));
    rows += line(tr("State:"), tokenState::name(tokenState::of(token, m_now)));
    rows += line(tr("Created:"), when(token.created));
    rows += line(tr("Expires:"), token.expires.isValid() ? when(token.expires) : tr("never"));
    if (token.revoked.isValid()) {
        const QString reason = token.revokeReason.isEmpty() ? QString() : tr(" — %1").arg(token.revokeReason);
        rows += line(tr("Revoked:"), when(token.revoked) + reason);
    }
    if (token.graceEnds.isValid())
        rows += line(tr("Grace ends:"), when(token.graceEnds));
    QString lastUsed = tr("never");
    if (token.lastUsed.isValid()) {
        lastUsed = token.lastUsedAddress.isEmpty() ? when(token.lastUsed)
                                                   : tr("%1 from %2").arg(when(token.lastUsed), token.lastUsedAddress);
    }
    rows += line(tr("Last used:"), lastUsed);
    return QStringLiteral("<b>%1</b> <i>#%2 …%3</i><table>%4</table>")
        .arg(token.name.toHtmlEscaped())
        .arg(token.id)
        .arg(token.hint.toHtmlEscaped(), rows);
}

QMenu* TokenTimeline::contextMenuFor(QPoint pos)
{
    const int row = m_layout.laneAt(pos);
    if (row < 0)
        return nullptr;
    const Token token = m_layout.tokenOfRow(row);
    const qint64 id = token.id;
    const bool usable = tokenState::isUsable(token, m_now);

    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("timelineContextMenu"));
    QAction* show = menu->addAction(tr("&Show in Tokens"));
    show->setObjectName(QStringLiteral("showTokenAction"));
    connect(show, &QAction::triggered, this, [this, id] {
        select(id);
        Q_EMIT tokenActivated(id);
    });
    menu->addSeparator();
    QAction* revoke = menu->addAction(tr("&Revoke"));
    revoke->setObjectName(QStringLiteral("revokeAction"));
    revoke->setEnabled(usable);
    connect(revoke, &QAction::triggered, this, [this, id] { Q_EMIT revokeRequested(id); });
    QAction* rotate = menu->addAction(tr("R&otate…"));
    rotate->setObjectName(QStringLiteral("rotateAction"));
    rotate->setEnabled(usable);
    connect(rotate, &QAction::triggered, this, [this, id] { Q_EMIT rotateRequested(id); });
    return menu;
}

void TokenTimeline::syncScrollBar()
{
    // Not behind a signal blocker: the area shows or hides the bar on its rangeChanged.
    QScrollBar* bar = verticalScrollBar();
    bar->setRange(0, m_layout.maxScrollY());
    bar->setPageStep(int(m_layout.plotRect().height()));
    bar->setSingleStep(TimelineLayout::kLaneHeight);
    bar->setValue(m_layout.scrollY());
}

void TokenTimeline::scrollContentsBy(int, int)
{
    m_layout.setScrollY(verticalScrollBar()->value());
    viewport()->update();
}

void TokenTimeline::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_layout.setViewportSize(viewport()->size());
    syncScrollBar();
}

void TokenTimeline::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_colours = TimelineColours::fromPalette(palette());
        viewport()->update();
        Q_EMIT coloursChanged();
    }
}

bool TokenTimeline::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipFor(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TokenTimeline::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    // Shift+wheel (which some platforms deliver as a horizontal delta) scrolls through the lanes.
    if (event->modifiers() & Qt::ShiftModifier) {
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        verticalScrollBar()->setValue(verticalScrollBar()->value() - steps / 120 * 3 * TimelineLayout::kLaneHeight);
        event->accept();
        return;
    }
    if (delta.y() == 0) {
        event->ignore();
        return;
    }
    const QRectF plot = m_layout.plotRect();
    double anchorX = event->position().x();
    if (anchorX < plot.left())
        anchorX = plot.center().x();
    // One notch (120) zooms by a fifth; high-resolution wheels send fractions of a notch.
    zoomBy(std::pow(1.2, delta.y() / 120.0), anchorX);
    event->accept();
}

void TokenTimeline::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position().toPoint();
    event->accept();
}

void TokenTimeline::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton)) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    if (!m_dragging) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    const QPoint delta = pos - m_lastDragPos;
    m_lastDragPos = pos;
    // Horizontal movement pans through time, vertical movement through the lanes.
    if (delta.x() != 0) {
        m_layout.panByPixels(delta.x());
        Q_EMIT rangeChanged();
    }
    if (delta.y() != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    viewport()->update();
    event->accept();
}

void TokenTimeline::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        viewport()->unsetCursor();
    } else if (const auto id = m_layout.tokenAt(event->position())) {
        select(*id);
        Q_EMIT tokenActivated(*id);
    } else {
        select(0);
    }
    event->accept();
}

void TokenTimeline::contextMenuEvent(QContextMenuEvent* event)
{
    // Without a frame the viewport sits at (0, 0): the position reads the same whether the event
    // came through the viewport (the mouse) or the area itself (the menu key).
    QPoint pos = event->pos();
    // The menu key acts on the selected bar, wherever the mouse happens to be.
    if (event->reason() == QContextMenuEvent::Keyboard && m_selected != 0) {
        if (const auto bar = m_layout.barOf(m_layout.rowOfToken(m_selected)))
            pos = bar->rect.center().toPoint();
    }
    QMenu* menu = contextMenuFor(pos);
    if (!menu) {
        event->ignore();
        return;
    }
    if (const auto id = m_layout.tokenAt(pos))
        select(*id);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(viewport()->mapToGlobal(pos));
    event->accept();
}

void TokenTimeline::keyPressEvent(QKeyEvent* event)
{
    const double step = m_layout.plotRect().width() / 8;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        m_layout.panByPixels(step);
        viewport()->update();
        Q_EMIT rangeChanged();
        break;
    case Qt::Key_Right:
        m_layout.panByPixels(-step);
        viewport()->update();
        Q_EMIT rangeChanged();
        break;
    case Qt::Key_Home:
        showToday();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        // Steps through the lanes, over the consumers' headers.
        const auto& rows = m_layout.rows();
        const int step = event->key() == Qt::Key_Up ? -1 : 1;
        int row = m_layout.rowOfToken(m_selected);
        if (row < 0)
            row = step > 0 ? -1 : int(rows.size());
        for (row += step; row >= 0 && row < rows.size(); row += step) {
            if (!rows.at(row).isHeader) {
                setSelectedTokenId(m_layout.tokenOfRow(row).id);
                break;
            }
        }
        break;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected != 0)
            Q_EMIT tokenActivated(m_selected);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TokenTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), m_colours.background);
    m_lastPaintedBars = 0;

    const auto [first, last] = m_layout.visibleRows();
    const QRectF plot = m_layout.plotRect();
    painter.save();
    painter.setClipRect(QRectF(0, plot.top(), viewport()->width(), plot.height()));
    for (int row = first; row <= last; ++row)
        paintRow(painter, row);
    painter.restore();

    paintAxis(painter);
    paintNowLine(painter);
}

void TokenTimeline::paintRow(QPainter& painter, int row)
{
    const TimelineLayout::Row& info = m_layout.rows().at(row);
    const int top = m_layout.rowTopY(row);
    const int width = viewport()->width();
    const QRect labelRect(6, top, TimelineLayout::kLabelWidth - 12, info.height);
    if (info.isHeader) {
        painter.fillRect(QRect(0, top, width, info.height), m_colours.headerBackground);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(m_colours.text);
        const QString text = tr("%1 (%2)").arg(info.consumer).arg(info.tokenCount);
        painter.drawText(QRect(6, top, width - 12, info.height), Qt::AlignVCenter | Qt::AlignLeft, text);
        painter.setFont(font());
        return;
    }
    const Token& token = m_layout.tokens().at(info.tokenIndex);
    painter.setPen(m_colours.text);
    painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
        painter.fontMetrics().elidedText(token.name, Qt::ElideRight, labelRect.width()));
    if (const auto bar = m_layout.barOf(row)) {
        painter.save();
        painter.setClipRect(m_layout.plotRect(), Qt::IntersectClip);
        paintBar(painter, row, *bar, token);
        painter.restore();
        ++m_lastPaintedBars;
    }
}

void TokenTimeline::paintBar(QPainter& painter, int, const TimelineLayout::Bar& bar, const Token& token) const
{
    const TokenState state = tokenState::of(token, m_now);
    const QColor colour = m_colours.forState(state);
    const QRectF& rect = bar.rect;
    painter.fillRect(rect, colour);
    const double midY = rect.center().y();

    if (bar.runsOn) {
        // Never expires: an arrowhead at the right edge says the bar goes on.
        const double right = rect.right();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour.darker(140));
        painter.drawPolygon(QPolygonF(
            {QPointF(right - 9, rect.top() - 2), QPointF(right, midY), QPointF(right - 9, rect.bottom() + 2)}));
        painter.setRenderHint(QPainter::Antialiasing, false);
    }
    if (bar.revokedAtEnd) {
        const double endX = m_layout.xForTime(token.revoked.toMSecsSinceEpoch());
        if (endX <= rect.right() + 0.5) {
            // The mark sits inside the bar's end, so nothing is drawn after the revocation.
            painter.fillRect(QRectF(rect.right() - 2, rect.top() - 3, 2, rect.height() + 6), m_colours.revocationMark);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    const bool revokedBeforeExpiry
        = token.revoked.isValid() && token.expires.isValid() && token.revoked < token.expires;
    if (state == TokenState::Expiring && token.expires.isValid() && !revokedBeforeExpiry) {
        painter.setBrush(m_colours.expiringMarker);
        painter.drawPolygon(diamond(QPointF(m_layout.xForTime(token.expires.toMSecsSinceEpoch()), midY), 6));
    }
    if (token.graceEnds.isValid()) {
        painter.setBrush(m_colours.graceMarker);
        painter.drawEllipse(QPointF(m_layout.xForTime(token.graceEnds.toMSecsSinceEpoch()), midY), 5, 5);
    }
    if (token.id == m_selected) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(m_colours.selection, 2));
        painter.drawRect(rect.adjusted(-2, -2, 2, 2));
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TokenTimeline::paintAxis(QPainter& painter) const
{
    const QRectF plot = m_layout.plotRect();
    const QRect axis(0, 0, viewport()->width(), TimelineLayout::kAxisHeight);
    painter.fillRect(axis, m_colours.background);
    painter.setPen(m_colours.axis);
    painter.drawLine(QPointF(0, axis.bottom()), QPointF(axis.right(), axis.bottom()));

    const double pxPerMs = plot.width() / double(m_layout.spanMs());
    TickStep step = kTickSteps.back();
    for (const TickStep& candidate : kTickSteps) {
        if (double(candidate.ms) * pxPerMs >= kMinTickSpacing) {
            step = candidate;
            break;
        }
    }
    // Ticks fall on local clock times (midnight, the hour, the first of the month).
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_layout.startMs()).toLocalTime();
    QDateTime tick;
    if (step.months > 0) {
        const QDate d = start.date();
        tick = QDateTime(QDate(d.year(), (d.month() - 1) / step.months * step.months + 1, 1), QTime(0, 0));
    } else if (step.ms >= kDayMs) {
        tick = QDateTime(start.date(), QTime(0, 0));
        if (step.ms == 7 * kDayMs || step.ms == 14 * kDayMs)
            tick = tick.addDays(1 - start.date().dayOfWeek()); // weeks start on Monday
    } else {
        const qint64 offsetMs = qint64(start.offsetFromUtc()) * 1000;
        const qint64 localMs = m_layout.startMs() + offsetMs;
        tick = QDateTime::fromMSecsSinceEpoch(localMs - localMs % step.ms - offsetMs).toLocalTime();
    }
    const QString format = step.months > 0 ? QStringLiteral("MMM yyyy")
        : step.ms >= kDayMs                ? QStringLiteral("ddd d MMM")
                                           : QStringLiteral("HH:mm");
    painter.setPen(m_colours.text);
    const qint64 endMs = m_layout.endMs();
    for (int guard = 0; tick.toMSecsSinceEpoch() <= endMs && guard < 200; ++guard) {
        const double x = m_layout.xForTime(tick.toMSecsSinceEpoch());
        if (x >= plot.left()) {
            painter.setPen(m_colours.axis);
            painter.drawLine(QPointF(x, axis.bottom() - 6), QPointF(x, axis.bottom()));
            painter.setPen(m_colours.text);
            QString label = QLocale().toString(tick, format);
            // Past a day's midnight, an hourly axis names the day.
            if (step.months == 0 && step.ms < kDayMs && tick.time() == QTime(0, 0))
                label = QLocale().toString(tick, QStringLiteral("ddd d MMM"));
            painter.drawText(
                QRectF(x + 3, 2, kMinTickSpacing, axis.height() - 8), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        tick = step.months > 0 ? tick.addMonths(step.months) : tick.addMSecs(step.ms);
    }
}

void TokenTimeline::paintNowLine(QPainter& painter) const
{
    const QRectF plot = m_layout.plotRect();
    const double x = m_layout.xForTime(m_now.toMSecsSinceEpoch());
    if (x < plot.left() || x > plot.right())
        return;
    painter.fillRect(QRectF(x - 1, TimelineLayout::kAxisHeight - 8, 2, plot.bottom()), m_colours.now);
    // A pointer on the axis, below the tick labels it would otherwise hide.
    const double bottom = TimelineLayout::kAxisHeight;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_colours.now);
    painter.drawPolygon(QPolygonF({QPointF(x - 6, bottom - 9), QPointF(x + 6, bottom - 9), QPointF(x, bottom - 1)}));
    painter.setRenderHint(QPainter::Antialiasing, false);
}

} // namespace gatehouse::ui

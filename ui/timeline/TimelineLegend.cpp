#include "ui/timeline/TimelineLegend.h"

#include <QPainter>

#include <algorithm>

namespace gatehouse::ui {

namespace {

constexpr int kSwatchWidth = 18;
constexpr int kGap = 5;
constexpr int kSpacing = 14;

} // namespace

TimelineLegend::TimelineLegend(const TimelineColours& colours, QWidget* parent)
    : QWidget(parent)
    , m_colours(colours)
{
    setObjectName(QStringLiteral("timelineLegend"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void TimelineLegend::setColours(const TimelineColours& colours)
{
    m_colours = colours;
    update();
}

QList<TimelineLegend::Entry> TimelineLegend::entries() const
{
    using Shape = Entry::Shape;
    return {
        {tr("Active"), m_colours.active, Shape::Bar},
        {tr("Expiring soon"), m_colours.expiring, Shape::Bar},
        {tr("Expired"), m_colours.expired, Shape::Bar},
        {tr("Revoked"), m_colours.revoked, Shape::Bar},
        {tr("Revocation"), m_colours.revocationMark, Shape::Mark},
        {tr("Expires within 7 days"), m_colours.expiringMarker, Shape::Diamond},
        {tr("Grace ends"), m_colours.graceMarker, Shape::Circle},
        {tr("Now"), m_colours.now, Shape::Line},
    };
}

QSize TimelineLegend::sizeHint() const
{
    int width = 0;
    for (const Entry& entry : entries())
        width += kSwatchWidth + kGap + fontMetrics().horizontalAdvance(entry.label) + kSpacing;
    return {width, std::max(fontMetrics().height(), 14) + 4};
}

void TimelineLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double midY = height() / 2.0;
    int x = 0;
    for (const Entry& entry : entries()) {
        const QRectF swatch(x, midY - 5, kSwatchWidth, 10);
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.colour);
        switch (entry.shape) {
        case Entry::Shape::Bar:
            painter.drawRect(swatch);
            break;
        case Entry::Shape::Line:
            painter.drawRect(QRectF(swatch.center().x() - 1, midY - 7, 2, 14));
            break;
        case Entry::Shape::Mark:
            painter.drawRect(QRectF(swatch.center().x() - 1, midY - 7, 2, 14));
            break;
        case Entry::Shape::Diamond:
            painter.drawPolygon(
                QPolygonF({QPointF(swatch.center().x(), midY - 6), QPointF(swatch.center().x() + 6, midY),
                    QPointF(swatch.center().x(), midY + 6), QPointF(swatch.center().x() - 6, midY)}));
            break;
        case Entry::Shape::Circle:
            painter.drawEllipse(swatch.center(), 5, 5);
            break;
        }
        x += kSwatchWidth + kGap;
        painter.setPen(palette().color(QPalette::WindowText));
        const int textWidth = fontMetrics().horizontalAdvance(entry.label);
        painter.drawText(QRectF(x, 0, textWidth + 2, height()), Qt::AlignVCenter | Qt::AlignLeft, entry.label);
        x += textWidth + kSpacing;
    }
}

} // namespace gatehouse::ui

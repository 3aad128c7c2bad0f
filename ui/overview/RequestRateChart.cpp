#include "ui/overview/RequestRateChart.h"

#include <QPainter>

namespace gatehouse::ui {

namespace {

constexpr int kLeftMargin = 44; // room for the scale's labels
constexpr int kMargin = 8;
constexpr int kBottomMargin = 20; // room for "-60 min" and "now"

} // namespace

RequestRateChart::RequestRateChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("requestRateChart"));
    setAccessibleName(tr("Requests per minute over the last hour"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void RequestRateChart::setCounts(const QList<qint64>& counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    qint64 total = 0;
    for (qint64 count : m_counts)
        total += count;
    setToolTip(tr("%n request(s) in the last hour", nullptr, int(qMin<qint64>(total, INT_MAX))));
    update();
}

QColor RequestRateChart::barColor()
{
    return QColor(0x3b, 0x82, 0xc4);
}

QSize RequestRateChart::sizeHint() const
{
    return {480, 160};
}

QSize RequestRateChart::minimumSizeHint() const
{
    return {240, 100};
}

QRectF RequestRateChart::plotRect() const
{
    return QRectF(
        kLeftMargin, kMargin, qMax(1, width() - kLeftMargin - kMargin), qMax(1, height() - kMargin - kBottomMargin));
}

qint64 RequestRateChart::scaleMax() const
{
    qint64 max = 0;
    for (qint64 count : m_counts)
        max = qMax(max, count);
    return max;
}

QRectF RequestRateChart::barRect(int index) const
{
    if (index < 0 || index >= m_counts.size() || m_counts.at(index) <= 0)
        return {};
    const QRectF plot = plotRect();
    const double slot = plot.width() / double(m_counts.size());
    const double height = plot.height() * double(m_counts.at(index)) / double(scaleMax());
    // A gap of a fifth of a slot between bars, and at least a pixel for any minute with traffic.
    const double gap = slot >= 4 ? slot / 5 : 0;
    return QRectF(
        plot.left() + index * slot + gap / 2, plot.bottom() - qMax(1.0, height), slot - gap, qMax(1.0, height));
}

void RequestRateChart::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    const QRectF plot = plotRect();
    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(60);

    painter.setPen(grid);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.topLeft(), plot.topRight());

    painter.setPen(text);
    const QFontMetrics metrics(font());
    const qint64 max = scaleMax();
    painter.drawText(QRectF(0, plot.top() - 2, kLeftMargin - 6, metrics.height()), Qt::AlignRight | Qt::AlignTop,
        QString::number(max));
    painter.drawText(QRectF(0, plot.bottom() - metrics.height() + 2, kLeftMargin - 6, metrics.height()),
        Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width() / 2, kBottomMargin - 2),
        Qt::AlignLeft | Qt::AlignVCenter, tr("60 min ago"));
    painter.drawText(QRectF(plot.center().x(), plot.bottom() + 2, plot.width() / 2, kBottomMargin - 2),
        Qt::AlignRight | Qt::AlignVCenter, tr("now"));

    if (max <= 0) {
        painter.drawText(plot, Qt::AlignCenter, tr("No requests in the last hour"));
        return;
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(barColor());
    for (int i = 0; i < m_counts.size(); ++i) {
        const QRectF bar = barRect(i);
        if (!bar.isEmpty())
            painter.drawRect(bar);
    }
}

} // namespace gatehouse::ui

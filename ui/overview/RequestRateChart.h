#pragma once

#include <QList>
#include <QWidget>

namespace gatehouse::ui {

// Requests per minute over the last hour: one bar per minute, oldest on the left, the current
// (partial) minute on the right, scaled to the busiest minute. Painted with QPainter (QtCharts is
// not in our stack); barRect says where a minute's bar is drawn, so tests check its pixels.
class RequestRateChart : public QWidget
{
    Q_OBJECT

public:
    explicit RequestRateChart(QWidget* parent = nullptr);

    // Counts per minute, oldest first (TrafficWindow::requestsPerMinute).
    void setCounts(const QList<qint64>& counts);
    const QList<qint64>& counts() const { return m_counts; }

    // Where bar `index` is drawn at the widget's current size (empty for a minute without requests).
    QRectF barRect(int index) const;
    QRectF plotRect() const;
    static QColor barColor();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    qint64 scaleMax() const;

    QList<qint64> m_counts;
};

} // namespace gatehouse::ui

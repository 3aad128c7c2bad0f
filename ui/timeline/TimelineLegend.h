#pragma once

#include "ui/timeline/TimelineColours.h"

#include <QWidget>

namespace gatehouse::ui {

// What the timeline's colours and marks mean: one swatch per state, the now line, the
// revocation mark and the two markers.
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineLegend(const TimelineColours& colours, QWidget* parent = nullptr);

    void setColours(const TimelineColours& colours);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Entry
    {
        QString label;
        QColor colour;
        enum class Shape { Bar, Line, Mark, Diamond, Circle } shape;
    };
    QList<Entry> entries() const;

    TimelineColours m_colours;
};

} // namespace gatehouse::ui

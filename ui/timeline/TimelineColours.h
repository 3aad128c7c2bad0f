#pragma once

#include "core/catalog/TokenState.h"

#include <QColor>

class QPalette;

namespace gatehouse::ui {

// The timeline's colours in one place, so the widget, its legend and the pixel tests agree.
// States use fixed hues that read on light and dark themes; the background and text follow
// the widget's palette.
struct TimelineColours
{
    QColor background;
    QColor text;
    QColor axis;
    QColor headerBackground;
    QColor active;
    QColor expiring;
    QColor expired;
    QColor revoked;
    QColor now;
    QColor revocationMark;
    QColor expiringMarker;
    QColor graceMarker;
    QColor selection;

    QColor forState(TokenState state) const;

    static TimelineColours fromPalette(const QPalette& palette);
};

} // namespace gatehouse::ui

#include "ui/timeline/TimelineColours.h"

#include <QPalette>

namespace gatehouse::ui {

QColor TimelineColours::forState(TokenState state) const
{
    switch (state) {
    case TokenState::Active:
        return active;
    case TokenState::Expiring:
        return expiring;
    case TokenState::Expired:
        return expired;
    case TokenState::Revoked:
        return revoked;
    }
    return active;
}

TimelineColours TimelineColours::fromPalette(const QPalette& palette)
{
    TimelineColours c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.axis = palette.color(QPalette::Mid);
    c.headerBackground = palette.color(QPalette::AlternateBase);
    // The alternate base equals the base in some styles: a header must still stand out.
    if (c.headerBackground == c.background)
        c.headerBackground = c.background.lightness() > 128 ? c.background.darker(108) : c.background.lighter(130);
    // Okabe-Ito inspired hues: told apart with the common colour-vision deficiencies.
    c.active = QColor(0x2e, 0x9d, 0x5b); // green
    c.expiring = QColor(0xe6, 0x9f, 0x00); // amber
    c.expired = QColor(0x8c, 0x8c, 0x8c); // grey
    c.revoked = QColor(0xd5, 0x3e, 0x2f); // red
    c.now = QColor(0x00, 0x72, 0xb2); // blue, unlike any state
    c.revocationMark = QColor(0x5a, 0x10, 0x08);
    c.expiringMarker = QColor(0xb3, 0x6b, 0x00);
    c.graceMarker = QColor(0x8e, 0x44, 0xad); // purple
    c.selection = palette.color(QPalette::Highlight);
    return c;
}

} // namespace gatehouse::ui

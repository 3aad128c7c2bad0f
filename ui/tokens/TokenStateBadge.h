#pragma once

#include "core/catalog/TokenState.h"

#include <QColor>
#include <QSize>
#include <QString>

class QPainter;
class QRect;
class QFont;

namespace gatehouse::ui::tokenStateBadge {

// How a token's state looks wherever the console shows it (the table's badge, the details pane):
// one label and one colour per state, so that "expiring" reads the same everywhere.
QString label(TokenState state);
QColor color(TokenState state);
// A rounded badge with the label, centred vertically in `rect` and left-aligned.
void paint(QPainter* painter, const QRect& rect, const QFont& font, TokenState state);
// The size the badge needs with `font`.
QSize sizeHint(const QFont& font, TokenState state);

} // namespace gatehouse::ui::tokenStateBadge

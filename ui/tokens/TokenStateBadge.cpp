#include "ui/tokens/TokenStateBadge.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>

namespace gatehouse::ui::tokenStateBadge {

namespace {

constexpr int kPaddingX = 6;
constexpr int kPaddingY = 1;

} // namespace

QString label(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return QCoreApplication::translate("TokenState", "Active");
    case TokenState::Expiring:
        return QCoreApplication::translate("TokenState", "Expiring");
    case TokenState::Expired:
        return QCoreApplication::translate("TokenState", "Expired");
    case TokenState::Revoked:
        return QCoreApplication::translate("TokenState", "Revoked");
    }
    return {};
}

QColor color(TokenState state)
{
    // Dark enough for white text in light and dark themes alike.
    switch (state) {
    case TokenState::Active:
        return QColor(0x2e, 0x7d, 0x32); // green
    case TokenState::Expiring:
        return QColor(0xb2, 0x6a, 0x00); // amber
    case TokenState::Expired:
        return QColor(0x61, 0x61, 0x61); // grey
    case TokenState::Revoked:
        return QColor(0xc6, 0x28, 0x28); // red
    }
    return {};
}

QSize sizeHint(const QFont& font, TokenState state)
{
    const QFontMetrics metrics(font);
    return {metrics.horizontalAdvance(label(state)) + 2 * kPaddingX, metrics.height() + 2 * kPaddingY};
}

void paint(QPainter* painter, const QRect& rect, const QFont& font, TokenState state)
{
    const QSize size = sizeHint(font, state).boundedTo(rect.size());
    const QRect badge(rect.left() + 2, rect.top() + (rect.height() - size.height()) / 2, size.width(), size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(state));
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, label(state));
    painter->restore();
}

} // namespace gatehouse::ui::tokenStateBadge

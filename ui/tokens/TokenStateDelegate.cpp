#include "ui/tokens/TokenStateDelegate.h"

#include "ui/tokens/TokenStateBadge.h"
#include "ui/tokens/TokenTableModel.h"

#include <QApplication>
#include <QPainter>

namespace gatehouse::ui {

void TokenStateDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant state = index.data(TokenTableModel::StateRole);
    if (!state.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background (selection, alternate rows, focus) as the style draws it, without the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    tokenStateBadge::paint(painter, option.rect, option.font, TokenState(state.toInt()));
}

QSize TokenStateDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant state = index.data(TokenTableModel::StateRole);
    if (!state.isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    return tokenStateBadge::sizeHint(option.font, TokenState(state.toInt())).grownBy({4, 2, 4, 2});
}

} // namespace gatehouse::ui

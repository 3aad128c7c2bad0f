#pragma once

#include <QStyledItemDelegate>

namespace gatehouse::ui {

// Paints the state column as a coloured badge (TokenTableModel::StateRole), over the usual
// selection background so that a selected revoked row still reads "Revoked" in red.
class TokenStateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace gatehouse::ui

#pragma once

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace gatehouse::ui {

// The table every list page shows: a filter field above a sortable table. The filter matches
// every column, case-insensitively, as the user types. Selection is by whole rows.
class FilterableTable : public QWidget
{
    Q_OBJECT

public:
    explicit FilterableTable(QWidget* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model);
    void sortBy(int column, Qt::SortOrder order = Qt::AscendingOrder);

    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }

    // Selected rows as rows of the source model, in ascending order.
    QList<int> selectedSourceRows() const;
    // -1 when nothing or several rows are selected.
    int currentSourceRow() const;
    // Selects the row of the source model (and scrolls to it).
    void selectSourceRow(int row);
    void focusFilter();

Q_SIGNALS:
    void selectionChanged();
    // Double-click or Return on a row.
    void rowActivated(int sourceRow);

private:
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace gatehouse::ui

#include "ui/common/FilterableTable.h"

#include "ui/common/KeyedTableModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

FilterableTable::FilterableTable(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);

    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // Sort by the raw value (dates, counts) rather than the displayed text.
    m_proxy->setSortRole(kSortRole);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("table"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex& index) { Q_EMIT rowActivated(m_proxy->mapToSource(index).row()); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
}

void FilterableTable::setSourceModel(QAbstractItemModel* model)
{
    m_proxy->setSourceModel(model);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilterableTable::selectionChanged,
        Qt::UniqueConnection);
    // Rows that disappear (removed, filtered out) change the selection without selectionChanged
    // in every case; re-announce after any structural change.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FilterableTable::selectionChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FilterableTable::selectionChanged);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &FilterableTable::selectionChanged);
    m_view->resizeColumnsToContents();
}

void FilterableTable::sortBy(int column, Qt::SortOrder order)
{
    m_view->sortByColumn(column, order);
}

QList<int> FilterableTable::selectedSourceRows() const
{
    QList<int> rows;
    if (!m_view->selectionModel())
        return rows;
    const auto selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int FilterableTable::currentSourceRow() const
{
    const auto rows = selectedSourceRows();
    return rows.size() == 1 ? rows.first() : -1;
}

void FilterableTable::selectSourceRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_proxy->sourceModel()->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void FilterableTable::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

} // namespace gatehouse::ui

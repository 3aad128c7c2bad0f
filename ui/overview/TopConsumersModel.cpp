#include "ui/overview/TopConsumersModel.h"

#include <QLocale>

namespace gatehouse::ui {

void TopConsumersModel::setCounts(const QList<TrafficWindow::ConsumerCount>& counts, qint64 total)
{
    const bool totalChanged = total != m_total;
    m_total = total;
    const int common = int(qMin(counts.size(), m_counts.size()));
    if (m_counts.size() > counts.size()) {
        beginRemoveRows({}, common, int(m_counts.size()) - 1);
        m_counts.resize(common);
        endRemoveRows();
    }
    for (int row = 0; row < common; ++row) {
        if (totalChanged || !(m_counts.at(row) == counts.at(row))) {
            m_counts[row] = counts.at(row);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (counts.size() > common) {
        beginInsertRows({}, common, int(counts.size()) - 1);
        m_counts.append(counts.mid(common));
        endInsertRows();
    }
}

int TopConsumersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int TopConsumersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopConsumersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrafficWindow::ConsumerCount& count = m_counts.at(index.row());
    if (role == kConsumerIdRole)
        return count.consumerId;
    if (role == Qt::TextAlignmentRole && index.column() != ConsumerColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ConsumerColumn:
        return count.name.isEmpty() ? tr("consumer %1").arg(count.consumerId) : count.name;
    case RequestsColumn:
        return QLocale().toString(count.requests);
    case ShareColumn:
        return m_total > 0 ? tr("%1%").arg(100.0 * double(count.requests) / double(m_total), 0, 'f', 1) : QString();
    }
    return {};
}

QVariant TopConsumersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConsumerColumn:
        return tr("Consumer");
    case RequestsColumn:
        return tr("Requests");
    case ShareColumn:
        return tr("Share");
    }
    return {};
}

} // namespace gatehouse::ui

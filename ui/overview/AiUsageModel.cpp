#include "ui/overview/AiUsageModel.h"

#include "ui/common/KeyedTableModel.h"

#include <QLocale>

namespace gatehouse::ui {

void AiUsageModel::setEntries(const QList<Entry>& entries)
{
    beginResetModel();
    m_entries.clear();
    m_rowOfKey.clear();
    for (const Entry& entry : entries) {
        if (const auto found = m_rowOfKey.constFind(entry.key); found != m_rowOfKey.cend()) {
            Entry& into = m_entries[*found];
            into.requests += entry.requests;
            into.tokensIn += entry.tokensIn;
            into.tokensOut += entry.tokensOut;
            continue;
        }
        m_rowOfKey.insert(entry.key, int(m_entries.size()));
        m_entries.append(entry);
    }
    endResetModel();
}

void AiUsageModel::add(const Entry& entry)
{
    if (const auto found = m_rowOfKey.constFind(entry.key); found != m_rowOfKey.cend()) {
        const int row = *found;
        Entry& into = m_entries[row];
        into.name = entry.name.isEmpty() ? into.name : entry.name;
        into.requests += entry.requests;
        into.tokensIn += entry.tokensIn;
        into.tokensOut += entry.tokensOut;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_rowOfKey.insert(entry.key, row);
    m_entries.append(entry);
    endInsertRows();
}

int AiUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AiUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AiUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    if (role == kTotalTokensRole)
        return entry.totalTokens();
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        return tr("%1: %2 tokens in all").arg(entry.name, QLocale().toString(entry.totalTokens()));
    }
    if (role == kSortRole) {
        switch (index.column()) {
        case NameColumn:
            return entry.name;
        case RequestsColumn:
            return entry.requests;
        case TokensInColumn:
            return entry.tokensIn;
        case TokensOutColumn:
            return entry.tokensOut;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return entry.name;
    case RequestsColumn:
        return locale.toString(entry.requests);
    case TokensInColumn:
        return locale.toString(entry.tokensIn);
    case TokensOutColumn:
        return locale.toString(entry.tokensOut);
    }
    return {};
}

QVariant AiUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return m_nameHeader;
    case RequestsColumn:
        return tr("Requests");
    case TokensInColumn:
        return tr("Tokens in");
    case TokensOutColumn:
        return tr("Tokens out");
    }
    return {};
}

} // namespace gatehouse::ui

#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The role FilterableTable sorts by: models return the raw value there (a QDateTime, a count),
// so that "in 2 days" sorts before "in 3 weeks". Cells without one fall back to their text.
inline constexpr int kSortRole = Qt::UserRole;

// A table model over catalog rows that carry a stable `id` (Api, Consumer, Token, AuditEvent).
// `replaceRows` turns a freshly read list into row-level signals: removals, dataChanged for rows
// whose value changed, one insertion for the new ones; never a reset, so selections, scroll
// positions and sorting survive a reread. Subclasses supply columnCount/data/headerData.
template <typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    const QList<Row>& rows() const { return m_rows; }
    const Row& rowAt(int row) const { return m_rows.at(row); }
    // -1 if absent.
    int rowOfId(qint64 id) const
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id)
                return row;
        }
        return -1;
    }

protected:
    void replaceRows(QList<Row> fresh)
    {
        QHash<qint64, qsizetype> freshById;
        freshById.reserve(fresh.size());
        for (qsizetype i = 0; i < fresh.size(); ++i)
            freshById.insert(fresh.at(i).id, i);

        // Removals, from the end so that earlier indexes stay valid, one signal per contiguous run.
        for (int last = int(m_rows.size()) - 1; last >= 0;) {
            if (freshById.contains(m_rows.at(last).id)) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && !freshById.contains(m_rows.at(first - 1).id))
                --first;
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first - 1;
        }

        // Updates in place.
        QList<bool> seen(fresh.size(), false);
        for (int row = 0; row < m_rows.size(); ++row) {
            const qsizetype at = freshById.value(m_rows.at(row).id);
            seen[at] = true;
            if (!(m_rows.at(row) == fresh.at(at))) {
                m_rows[row] = fresh.at(at);
                Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
        }

        // New rows, appended as one batch (the proxy model sorts them into place).
        QList<Row> added;
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            if (!seen.at(i))
                added.append(fresh.at(i));
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1); // the last index is inclusive
            m_rows.append(added);
            endInsertRows();
        }
    }

    // Tells views that cells derived from the clock ("in 3 days") may read differently now.
    void timeColumnsChanged(int firstColumn, int lastColumn)
    {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, firstColumn), index(int(m_rows.size()) - 1, lastColumn));
    }

private:
    QList<Row> m_rows;
};

} // namespace gatehouse::ui

#pragma once

#include "ui/overview/TrafficWindow.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// The Overview's top consumers: a few rows (consumer, requests, share of the hour's requests),
// replaced whole on each refresh; rows whose figures moved report dataChanged, a change in the
// number of rows one insertion or removal at the end.
class TopConsumersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ConsumerColumn, RequestsColumn, ShareColumn, ColumnCount };
    static constexpr int kConsumerIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    // `total`: every request of the hour, consumers or not (the share's denominator).
    void setCounts(const QList<TrafficWindow::ConsumerCount>& counts, qint64 total);
    const QList<TrafficWindow::ConsumerCount>& counts() const { return m_counts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TrafficWindow::ConsumerCount> m_counts;
    qint64 m_total = 0;
};

} // namespace gatehouse::ui

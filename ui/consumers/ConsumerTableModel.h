#pragma once

#include "core/catalog/Consumer.h"
#include "core/common/Result.h"
#include "ui/common/KeyedTableModel.h"

class QTimer;

namespace gatehouse::ui {

class ConsoleServices;

// The consumers, with their usable tokens, latest use and AI budget. Rereads on every catalog revision
// (whoever made it) and, since "3 minutes ago" and "usable" move with the clock alone, once a
// minute too.
class ConsumerTableModel : public KeyedTableModel<Consumer>
{
    Q_OBJECT

public:
    enum Column { NameColumn, DescriptionColumn, ActiveTokensColumn, LastUsedColumn, BudgetColumn, ColumnCount };
    static constexpr int kClockRefreshMs = 60'000;

    explicit ConsumerTableModel(ConsoleServices& services, QObject* parent = nullptr);

    // Rereads now. On failure the rows stay as they were.
    Result<void> reload();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void reloadFailed(const QString& message);

private:
    void reloadOrReport();

    ConsoleServices& m_services;
    QTimer* m_clockTimer = nullptr;
};

} // namespace gatehouse::ui

#pragma once

#include "core/common/Result.h"
#include "ui/apis/ApiRow.h"
#include "ui/common/KeyedTableModel.h"

namespace gatehouse::ui {

class ConsoleServices;

// The APIs the gateway exposes, with how many usable tokens grant each one. Rereads on every
// catalog revision (whoever made it) and turns the difference into row-level signals.
class ApiTableModel : public KeyedTableModel<ApiRow>
{
    Q_OBJECT

public:
    enum Column { NameColumn, PrefixColumn, UpstreamColumn, TimeoutColumn, TokensColumn, ColumnCount };

    explicit ApiTableModel(ConsoleServices& services, QObject* parent = nullptr);

    // Rereads the APIs and tokens now. On failure the rows stay as they were.
    Result<void> reload();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A reread after a revision change failed (catalog locked, disk gone): for the status bar.
    void reloadFailed(const QString& message);

private:
    ConsoleServices& m_services;
};

} // namespace gatehouse::ui

#pragma once

#include "core/common/Result.h"
#include "ui/common/KeyedTableModel.h"
#include "ui/providers/ProviderRow.h"

namespace gatehouse::ui {

class ConsoleServices;

// The AI providers the gateway reaches: name, type, base URL, models, whether a key is set (never
// the key) and when the models were last listed. Rereads on every catalog revision and every
// provider signal, and turns the difference into row-level signals.
class ProviderTableModel : public KeyedTableModel<ProviderRow>
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, BaseUrlColumn, ModelsColumn, KeyColumn, RefreshedColumn, ColumnCount };

    explicit ProviderTableModel(ConsoleServices& services, QObject* parent = nullptr);

    // Rereads the providers now. On failure the rows stay as they were.
    Result<void> reload();
    // -1 if absent.
    int rowOfName(const QString& name) const;

    // "set", "not set" or "not needed", as the Key column shows it.
    static QString keyState(const Provider& provider);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A reread failed (catalog locked, disk gone): for the status bar.
    void reloadFailed(const QString& message);

private:
    void reloadOrReport();

    ConsoleServices& m_services;
};

} // namespace gatehouse::ui

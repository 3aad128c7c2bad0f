#pragma once

#include "core/catalog/AuditEvent.h"
#include "core/common/Result.h"
#include "ui/common/KeyedTableModel.h"

namespace gatehouse::ui {

class ConsoleServices;

// The newest token revocations from the audit trail (`token.revoke` events), newest first.
// Rereads on every catalog revision, whoever revoked (the console, the CLI, a live-log click).
class RecentRevocationsModel : public KeyedTableModel<AuditEvent>
{
    Q_OBJECT

public:
    enum Column { TimeColumn, TokenColumn, ConsumerColumn, ReasonColumn, ActorColumn, ColumnCount };
    static constexpr int kDefaultLimit = 10;
    static constexpr int kTokenIdRole = Qt::UserRole + 1;

    explicit RecentRevocationsModel(ConsoleServices& services, int limit = kDefaultLimit, QObject* parent = nullptr);

    Result<void> reload();

    // The token an event names ("token:12" -> 12), 0 if none.
    static qint64 tokenIdOf(const AuditEvent& event);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void reloadFailed(const QString& message);

private:
    ConsoleServices& m_services;
    int m_limit;
};

} // namespace gatehouse::ui

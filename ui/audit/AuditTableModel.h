#pragma once

#include "core/catalog/AuditEvent.h"
#include "core/common/Result.h"
#include "ui/common/KeyedTableModel.h"

namespace gatehouse::ui {

class ConsoleServices;

// The newest events of the audit trail (at most `limit`). Rereads on every catalog revision,
// whoever made it: new events arrive as one insertion, those that fall past the limit as one
// removal, never a reset.
class AuditTableModel : public KeyedTableModel<AuditEvent>
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, SubjectColumn, DetailsColumn, ColumnCount };
    static constexpr int kDefaultLimit = 1000;

    explicit AuditTableModel(ConsoleServices& services, int limit = kDefaultLimit, QObject* parent = nullptr);

    int limit() const { return m_limit; }
    // Whether the trail holds older events than those listed.
    bool hasMore() const { return m_hasMore; }

    // Rereads now. On failure the rows stay as they were.
    Result<void> reload();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The details as one line of compact JSON, as `gatehouse-cli audit list` prints them.
    static QString compactDetails(const AuditEvent& event);

Q_SIGNALS:
    void hasMoreChanged(bool hasMore);
    void reloadFailed(const QString& message);

private:
    ConsoleServices& m_services;
    int m_limit;
    bool m_hasMore = false;
};

} // namespace gatehouse::ui

#include "ui/audit/AuditTableModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

#include <QJsonDocument>

namespace gatehouse::ui {

AuditTableModel::AuditTableModel(ConsoleServices& services, int limit, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
    , m_limit(qMax(1, limit))
{
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, [this] {
        if (auto reloaded = reload(); !reloaded)
            Q_EMIT reloadFailed(reloaded.error().toString());
    });
    (void)reload();
}

Result<void> AuditTableModel::reload()
{
    AuditFilter filter;
    // One more than shown tells whether there are older events, without counting the trail.
    filter.limit = m_limit + 1;
    auto events = m_services.audit.list(filter);
    if (!events)
        return events.error();
    const bool more = events->size() > m_limit;
    if (more)
        events->resize(m_limit);
    replaceRows(std::move(*events));
    if (more != m_hasMore) {
        m_hasMore = more;
        Q_EMIT hasMoreChanged(more);
    }
    return {};
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::compactDetails(const AuditEvent& event)
{
    if (event.details.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent& event = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText::absolute(event.time);
        case ActorColumn:
            return event.actor;
        case ActionColumn:
            return event.action;
        case SubjectColumn:
            return event.subject;
        case DetailsColumn:
            return compactDetails(event);
        }
        break;
    case kSortRole:
        switch (index.column()) {
        case TimeColumn:
            // Ids grow with every commit, so they also order events written in the same millisecond.
            return event.id;
        case ActorColumn:
            return event.actor;
        case ActionColumn:
            return event.action;
        case SubjectColumn:
            return event.subject;
        case DetailsColumn:
            return compactDetails(event);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return timeText::relative(event.time, m_services.clock.now());
        if (index.column() == DetailsColumn && !event.details.isEmpty())
            return QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Indented)).trimmed();
        break;
    default:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case SubjectColumn:
        return tr("Subject");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

} // namespace gatehouse::ui

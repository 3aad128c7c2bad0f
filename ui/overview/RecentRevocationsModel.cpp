#include "ui/overview/RecentRevocationsModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

namespace gatehouse::ui {

namespace {

const QString kRevokeAction = QStringLiteral("token.revoke");

} // namespace

RecentRevocationsModel::RecentRevocationsModel(ConsoleServices& services, int limit, QObject* parent)
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

Result<void> RecentRevocationsModel::reload()
{
    AuditFilter filter;
    filter.text = kRevokeAction;
    // The text also matches actors and subjects; a few spare rows make up for the ones dropped below.
    filter.limit = m_limit * 2 + 10;
    auto events = m_services.audit.list(filter);
    if (!events)
        return events.error();
    QList<AuditEvent> revocations;
    for (const AuditEvent& event : *events) {
        if (event.action == kRevokeAction && revocations.size() < m_limit)
            revocations.append(event);
    }
    replaceRows(std::move(revocations));
    return {};
}

qint64 RecentRevocationsModel::tokenIdOf(const AuditEvent& event)
{
    const QString prefix = QStringLiteral("token:");
    return event.subject.startsWith(prefix) ? event.subject.mid(prefix.size()).toLongLong() : 0;
}

int RecentRevocationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentRevocationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent& event = rowAt(index.row());
    switch (role) {
    case kTokenIdRole:
        return tokenIdOf(event);
    case kSortRole:
        // Ids grow with every commit: the page sorts on them, newest first.
        return event.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText::relative(event.time, m_services.clock.now());
        case TokenColumn:
            return event.details.value(QStringLiteral("name")).toString();
        case ConsumerColumn:
            return event.details.value(QStringLiteral("consumer")).toString();
        case ReasonColumn:
            return event.details.value(QStringLiteral("reason")).toString();
        case ActorColumn:
            return event.actor;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return timeText::absolute(event.time);
        break;
    default:
        break;
    }
    return {};
}

QVariant RecentRevocationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case TokenColumn:
        return tr("Token");
    case ConsumerColumn:
        return tr("Consumer");
    case ReasonColumn:
        return tr("Reason");
    case ActorColumn:
        return tr("By");
    }
    return {};
}

} // namespace gatehouse::ui

#include "ui/consumers/ConsumerTableModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

#include <QTimer>

namespace gatehouse::ui {

ConsumerTableModel::ConsumerTableModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
    , m_clockTimer(new QTimer(this))
{
    connect(&m_services.revisions, &RevisionWatcher::changed, this, &ConsumerTableModel::reloadOrReport);
    // Token use is written by the gateway's log writer without a catalog revision, and tokens
    // expire by time alone: both show up on this slower tick.
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        reloadOrReport();
        timeColumnsChanged(LastUsedColumn, LastUsedColumn);
    });
    m_clockTimer->start(kClockRefreshMs);
    (void)reload();
}

void ConsumerTableModel::reloadOrReport()
{
    if (auto reloaded = reload(); !reloaded)
        Q_EMIT reloadFailed(reloaded.error().toString());
}

Result<void> ConsumerTableModel::reload()
{
    auto consumers = m_services.consumers.list();
    if (!consumers)
        return consumers.error();
    replaceRows(std::move(*consumers));
    return {};
}

int ConsumerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Consumer& consumer = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return consumer.name;
        case DescriptionColumn:
            return consumer.description;
        case ActiveTokensColumn:
            return consumer.activeTokens;
        case LastUsedColumn:
            return consumer.lastUsed.isValid() ? timeText::relative(consumer.lastUsed, m_services.clock.now())
                                               : tr("never");
        }
        break;
    case kSortRole:
        switch (index.column()) {
        case NameColumn:
            return consumer.name;
        case DescriptionColumn:
            return consumer.description;
        case ActiveTokensColumn:
            return consumer.activeTokens;
        case LastUsedColumn:
            // Never used sorts before any use.
            return consumer.lastUsed.isValid() ? consumer.lastUsed.toMSecsSinceEpoch() : qint64(-1);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == LastUsedColumn && consumer.lastUsed.isValid())
            return timeText::absolute(consumer.lastUsed);
        if (index.column() == DescriptionColumn && !consumer.description.isEmpty())
            return consumer.description;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ActiveTokensColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ConsumerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case ActiveTokensColumn:
        return tr("Active tokens");
    case LastUsedColumn:
        return tr("Last used");
    }
    return {};
}

} // namespace gatehouse::ui

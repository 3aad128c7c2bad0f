#include "ui/consumers/ConsumerTableModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

#include <QLocale>
#include <QStringList>
#include <QTimer>

#include <limits>

namespace gatehouse::ui {

namespace {

QString limitText(qint64 tokens)
{
    return tokens % 1000 == 0 ? aiLimits::formatTokens(tokens) : QLocale().toString(tokens);
}

} // namespace

ConsumerTableModel::ConsumerTableModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
    , m_clockTimer(new QTimer(this))
{
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &ConsumerTableModel::reloadOrReport);
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
        case BudgetColumn: {
            QStringList parts;
            if (consumer.budget.dailyTokens > 0)
                parts << tr("%1/day").arg(limitText(consumer.budget.dailyTokens));
            if (consumer.budget.monthlyTokens > 0)
                parts << tr("%1/month").arg(limitText(consumer.budget.monthlyTokens));
            return parts.join(QStringLiteral(", "));
        }
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
        case BudgetColumn:
            // No budget sorts after every budget: it is the largest allowance.
            return consumer.budget.monthlyTokens > 0 ? consumer.budget.monthlyTokens
                : consumer.budget.dailyTokens > 0    ? consumer.budget.dailyTokens * 31
                                                     : std::numeric_limits<qint64>::max();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == LastUsedColumn && consumer.lastUsed.isValid())
            return timeText::absolute(consumer.lastUsed);
        if (index.column() == DescriptionColumn && !consumer.description.isEmpty())
            return consumer.description;
        if (index.column() == BudgetColumn)
            return consumer.budget.isSet()
                ? tr("AI tokens all of its tokens may spend together, on top of each token's own budget")
                : tr("No AI budget: its tokens are limited by their own budgets only");
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
    case BudgetColumn:
        return tr("AI budget");
    }
    return {};
}

} // namespace gatehouse::ui

#include "ui/tokens/TokenTableModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"
#include "ui/tokens/TokenStateBadge.h"

#include <QTimer>

namespace gatehouse::ui {

namespace {

// "Never" expires sorts after every real date.
const QDateTime kNeverSortsLast = QDateTime(QDate(9999, 12, 31), QTime(23, 59), Qt::UTC);

} // namespace

TokenTableModel::TokenTableModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(kDefaultTickMs);
    connect(m_tick, &QTimer::timeout, this, &TokenTableModel::refreshClock);
    m_tick->start();
    // The watcher reports this process's commits synchronously, so a revoke made through the
    // services is visible in the rows before the call that made it returns to the page.
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &TokenTableModel::reload);
    reload();
}

int TokenTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

TokenState TokenTableModel::stateAt(int row) const
{
    return tokenState::of(rowAt(row), m_now, m_filter.expiringWindowMs);
}

QVariant TokenTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Token& token = rowAt(index.row());
    if (role == TokenIdRole)
        return token.id;
    if (role == StateRole)
        return int(stateAt(index.row()));

    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == kSortRole)
            return token.name;
        if (role == Qt::ToolTipRole)
            return tr("Token %1, ends in %2").arg(token.id).arg(token.hint);
        break;
    case Consumer:
        if (role == Qt::DisplayRole || role == kSortRole)
            return token.consumerName;
        break;
    case Scopes:
        if (role == Qt::DisplayRole || role == kSortRole)
            return token.scopes.join(u' ');
        if (role == Qt::ToolTipRole)
            return token.scopes.join(u'\n');
        break;
    case Created:
        if (role == Qt::DisplayRole)
            return timeText::relative(token.created, m_now);
        if (role == Qt::ToolTipRole)
            return timeText::absolute(token.created);
        if (role == kSortRole)
            return token.created;
        break;
    case Expires:
        if (role == Qt::DisplayRole)
            return token.neverExpires() ? tr("never") : timeText::relative(token.expires, m_now);
        if (role == Qt::ToolTipRole)
            return token.neverExpires() ? tr("This token never expires") : timeText::absolute(token.expires);
        if (role == kSortRole)
            return token.neverExpires() ? kNeverSortsLast : token.expires;
        break;
    case LastUsed:
        if (role == Qt::DisplayRole)
            return token.lastUsed.isValid() ? timeText::relative(token.lastUsed, m_now) : tr("never");
        if (role == Qt::ToolTipRole) {
            if (!token.lastUsed.isValid())
                return tr("Not used yet");
            return token.lastUsedAddress.isEmpty()
                ? timeText::absolute(token.lastUsed)
                : tr("%1 from %2").arg(timeText::absolute(token.lastUsed), token.lastUsedAddress);
        }
        if (role == kSortRole)
            return token.lastUsed;
        break;
    case State: {
        const TokenState state = stateAt(index.row());
        if (role == Qt::DisplayRole)
            return tokenStateBadge::label(state);
        if (role == kSortRole)
            return int(state);
        if (role == Qt::ToolTipRole && state == TokenState::Revoked)
            return token.revokeReason;
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Consumer:
        return tr("Consumer");
    case Scopes:
        return tr("Scopes");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    case State:
        return tr("State");
    default:
        return {};
    }
}

void TokenTableModel::setFilter(const TokenFilter& filter)
{
    m_filter = filter;
    reload();
}

void TokenTableModel::reload()
{
    const QDateTime previous = m_now;
    m_now = m_services.clock.now();
    auto tokens = m_services.tokens.list(m_filter);
    if (!tokens) {
        Q_EMIT readFailed(tokens.error().toString());
        return;
    }
    replaceRows(std::move(tokens).value());
    // Rows whose record did not change may still read differently at the new `now`.
    if (previous != m_now)
        timeColumnsChanged(Created, State);
}

void TokenTableModel::refreshClock()
{
    // With a state filter the rows themselves depend on the clock (an expiring token leaves the
    // "Expiring" view when it expires): reread, which also re-announces the time cells.
    if (m_filter.state) {
        reload();
        return;
    }
    const QDateTime now = m_services.clock.now();
    if (now == m_now)
        return;
    m_now = now;
    timeColumnsChanged(Created, State);
}

void TokenTableModel::setTickInterval(int ms)
{
    m_tick->start(ms);
}

} // namespace gatehouse::ui

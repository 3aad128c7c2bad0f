#include "ui/overview/ExpiringTokensModel.h"

#include "core/catalog/TokenState.h"
#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

#include <algorithm>

namespace gatehouse::ui {

ExpiringTokensModel::ExpiringTokensModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
{
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, [this] {
        if (auto reloaded = reload(); !reloaded)
            Q_EMIT reloadFailed(reloaded.error().toString());
    });
    (void)reload();
}

bool ExpiringTokensModel::isExpiringSoon(const Token& token, const QDateTime& now)
{
    // A token rotated away ends with its grace period, not its expiry: it is not "expiring".
    return !token.neverExpires() && !token.graceEnds.isValid() && tokenState::isUsable(token, now)
        && token.expires > now && now.msecsTo(token.expires) <= kWindowMs;
}

Result<void> ExpiringTokensModel::reload()
{
    auto tokens = m_services.tokens.list();
    if (!tokens)
        return tokens.error();
    const QDateTime now = m_services.clock.now();
    QList<Token> expiring;
    for (const Token& token : *tokens) {
        if (isExpiringSoon(token, now))
            expiring.append(token);
    }
    std::sort(expiring.begin(), expiring.end(),
        [](const Token& a, const Token& b) { return a.expires != b.expires ? a.expires < b.expires : a.id < b.id; });
    replaceRows(std::move(expiring));
    return {};
}

void ExpiringTokensModel::refreshTime()
{
    (void)reload();
    timeColumnsChanged(ExpiresColumn, ExpiresColumn);
}

int ExpiringTokensModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpiringTokensModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Token& token = rowAt(index.row());
    switch (role) {
    case kTokenIdRole:
        return token.id;
    case kSortRole:
        // The page sorts on the expiry, soonest first, whatever order rows arrived in.
        return token.expires.toMSecsSinceEpoch();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TokenColumn:
            return token.hint.isEmpty() ? token.name : tr("%1 (…%2)").arg(token.name, token.hint);
        case ConsumerColumn:
            return token.consumerName;
        case ExpiresColumn:
            return timeText::relative(token.expires, m_services.clock.now());
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ExpiresColumn)
            return timeText::absolute(token.expires);
        return tr("Open this token in the Tokens page");
    default:
        break;
    }
    return {};
}

QVariant ExpiringTokensModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TokenColumn:
        return tr("Token");
    case ConsumerColumn:
        return tr("Consumer");
    case ExpiresColumn:
        return tr("Expires");
    }
    return {};
}

} // namespace gatehouse::ui

#include "ui/apis/ApiTableModel.h"

#include "core/common/Clock.h"
#include "core/tokens/Duration.h"
#include "ui/apis/TokenMentions.h"
#include "ui/common/ConsoleServices.h"

namespace gatehouse::ui {

ApiTableModel::ApiTableModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
{
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, [this] {
        if (auto reloaded = reload(); !reloaded)
            Q_EMIT reloadFailed(reloaded.error().toString());
    });
    (void)reload();
}

Result<void> ApiTableModel::reload()
{
    auto apis = m_services.apis.list();
    if (!apis)
        return apis.error();
    auto tokens = m_services.tokens.list();
    if (!tokens)
        return tokens.error();
    const auto mentions = tokenMentionsByApi(*tokens, m_services.clock.now());
    QList<ApiRow> fresh;
    fresh.reserve(apis->size());
    for (const Api& api : std::as_const(*apis)) {
        const TokenMentions counted = mentions.value(api.name);
        fresh.append({api.id, api, counted.granting, counted.all});
    }
    replaceRows(std::move(fresh));
    return {};
}

int ApiTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiRow& row = rowAt(index.row());
    const Api& api = row.api;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return api.name;
        case PrefixColumn:
            return api.prefix;
        case UpstreamColumn:
            return api.upstream.toString();
        case TimeoutColumn:
            return tokens::formatDuration(api.timeoutMs);
        case TokensColumn:
            return row.grantingTokens;
        }
        break;
    case kSortRole:
        switch (index.column()) {
        case NameColumn:
            return api.name;
        case PrefixColumn:
            return api.prefix;
        case UpstreamColumn:
            return api.upstream.toString();
        case TimeoutColumn:
            return api.timeoutMs;
        case TokensColumn:
            return row.grantingTokens;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == PrefixColumn) {
            return api.stripPrefix ? tr("Removed from the path before forwarding")
                                   : tr("Forwarded with the path unchanged");
        }
        if (index.column() == TokensColumn) {
            const int others = row.mentioningTokens - row.grantingTokens;
            if (others > 0)
                return tr("%1 usable; %2 expired or revoked tokens also name it").arg(row.grantingTokens).arg(others);
            return tr("Usable tokens whose scopes name this API");
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TimeoutColumn || index.column() == TokensColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ApiTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PrefixColumn:
        return tr("Prefix");
    case UpstreamColumn:
        return tr("Upstream");
    case TimeoutColumn:
        return tr("Timeout");
    case TokensColumn:
        return tr("Tokens");
    }
    return {};
}

} // namespace gatehouse::ui

#include "ui/providers/ProviderTableModel.h"

#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"

namespace gatehouse::ui {

ProviderTableModel::ProviderTableModel(ConsoleServices& services, QObject* parent)
    : KeyedTableModel(parent)
    , m_services(services)
{
    // Another process's commits arrive through the revision watcher; this process's through the
    // service's signals too (a reread that finds nothing new emits nothing).
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &ProviderTableModel::reloadOrReport);
    connect(&m_services.providers, &ProviderService::providerAdded, this, &ProviderTableModel::reloadOrReport);
    connect(&m_services.providers, &ProviderService::providerUpdated, this, &ProviderTableModel::reloadOrReport);
    connect(&m_services.providers, &ProviderService::providerRemoved, this, &ProviderTableModel::reloadOrReport);
    (void)reload();
}

void ProviderTableModel::reloadOrReport()
{
    if (auto reloaded = reload(); !reloaded)
        Q_EMIT reloadFailed(reloaded.error().toString());
}

Result<void> ProviderTableModel::reload()
{
    auto providers = m_services.providers.list();
    if (!providers)
        return providers.error();
    QList<ProviderRow> fresh;
    fresh.reserve(providers->size());
    for (const Provider& provider : std::as_const(*providers))
        fresh.append({provider.id, provider});
    replaceRows(std::move(fresh));
    return {};
}

int ProviderTableModel::rowOfName(const QString& name) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (rowAt(row).provider.name == name)
            return row;
    }
    return -1;
}

QString ProviderTableModel::keyState(const Provider& provider)
{
    if (provider.hasKey)
        return tr("set");
    if (!providerType::takesKey(provider.type))
        return tr("not needed");
    return tr("not set");
}

int ProviderTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Provider& provider = rowAt(index.row()).provider;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return provider.name;
        case TypeColumn:
            return providerType::name(provider.type);
        case BaseUrlColumn:
            return provider.baseUrl.toString();
        case ModelsColumn:
            return int(provider.models.size());
        case KeyColumn:
            return keyState(provider);
        case RefreshedColumn:
            return provider.modelsRefreshed.isValid()
                ? timeText::relative(provider.modelsRefreshed, m_services.clock.now())
                : tr("never");
        }
        break;
    case kSortRole:
        switch (index.column()) {
        case ModelsColumn:
            return int(provider.models.size());
        case RefreshedColumn:
            return provider.modelsRefreshed.isValid() ? provider.modelsRefreshed.toMSecsSinceEpoch() : qint64(0);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == ModelsColumn) {
            return provider.models.isEmpty() ? tr("No models listed or entered yet") : provider.models.join(u'\n');
        }
        if (index.column() == KeyColumn) {
            if (provider.hasKey)
                return tr("A key is stored; it is never shown. Use Replace key to change it.");
            if (!providerType::takesKey(provider.type))
                return tr("This provider type takes no API key");
            return tr("No key is stored");
        }
        if (index.column() == RefreshedColumn && provider.modelsRefreshed.isValid())
            return timeText::absolute(provider.modelsRefreshed);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ModelsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ProviderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case BaseUrlColumn:
        return tr("Base URL");
    case ModelsColumn:
        return tr("Models");
    case KeyColumn:
        return tr("Key");
    case RefreshedColumn:
        return tr("Models refreshed");
    }
    return {};
}

} // namespace gatehouse::ui

#include "ui/common/CatalogTablePage.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"

#include <QVBoxLayout>

namespace gatehouse::ui {

CatalogTablePage::CatalogTablePage(
    ConsoleServices& services, QAbstractItemModel* model, int sortColumn, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_table(new FilterableTable(this))
{
    m_table->setSourceModel(model);
    m_table->sortBy(sortColumn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    setFocusProxy(m_table);

    connect(m_table, &FilterableTable::selectionChanged, this, &Page::actionsChanged);
    connect(m_table, &FilterableTable::rowActivated, this, [this](int row) {
        m_table->selectSourceRow(row);
        editSelected();
    });
}

bool CatalogTablePage::canPerform(PageAction action) const
{
    switch (action) {
    case PageAction::New:
    case PageAction::Find:
    case PageAction::Refresh:
        return true;
    case PageAction::Edit:
        return m_table->currentSourceRow() >= 0;
    case PageAction::Remove:
        return !m_table->selectedSourceRows().isEmpty();
    case PageAction::Revoke:
        return false;
    }
    return false;
}

void CatalogTablePage::perform(PageAction action)
{
    if (!canPerform(action))
        return;
    switch (action) {
    case PageAction::New:
        addItem();
        break;
    case PageAction::Edit:
        editSelected();
        break;
    case PageAction::Remove:
        removeRows(m_table->selectedSourceRows());
        break;
    case PageAction::Find:
        m_table->focusFilter();
        break;
    case PageAction::Refresh:
        refresh();
        break;
    case PageAction::Revoke:
        break;
    }
}

void CatalogTablePage::announceSaved(
    int sourceRow, const QString& kind, const QString& previousName, const QString& name)
{
    // The local commit has already reached the model through the revision watcher.
    if (sourceRow >= 0)
        m_table->selectSourceRow(sourceRow);
    if (previousName.isEmpty())
        Q_EMIT statusMessage(tr("%1 %2 added").arg(kind, name));
    else if (previousName != name)
        Q_EMIT statusMessage(tr("%1 %2 renamed to %3").arg(kind, previousName, name));
    else
        Q_EMIT statusMessage(tr("%1 %2 updated").arg(kind, name));
}

void CatalogTablePage::reportReloadFailure(const QString& message)
{
    Q_EMIT statusMessage(tr("Could not reread the %1: %2").arg(title(), message));
}

void CatalogTablePage::editSelected()
{
    const int row = m_table->currentSourceRow();
    if (row >= 0)
        editRow(row);
}

void CatalogTablePage::refresh()
{
    // Another process's commits arrive by polling; a refresh asks at once and rereads anyway,
    // since token usability also changes with time alone.
    m_services.revisions.poll();
    if (auto reloaded = reloadModel(); !reloaded) {
        reportReloadFailure(reloaded.error().toString());
        return;
    }
    Q_EMIT statusMessage(tr("%1 reread").arg(title()));
}

} // namespace gatehouse::ui

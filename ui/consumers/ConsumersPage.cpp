#include "ui/consumers/ConsumersPage.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/consumers/ConsumerDialog.h"
#include "ui/consumers/ConsumerTableModel.h"

#include <QVBoxLayout>

namespace gatehouse::ui {

ConsumersPage::ConsumersPage(ConsoleServices& services, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_model(new ConsumerTableModel(services, this))
    , m_table(new FilterableTable(this))
{
    setObjectName(QStringLiteral("consumersPage"));
    m_table->setObjectName(QStringLiteral("consumers"));
    m_table->setSourceModel(m_model);
    m_table->sortBy(ConsumerTableModel::NameColumn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    setFocusProxy(m_table);

    connect(m_table, &FilterableTable::selectionChanged, this, &Page::actionsChanged);
    connect(m_table, &FilterableTable::rowActivated, this, [this](int row) {
        m_table->selectSourceRow(row);
        editSelected();
    });
    connect(m_model, &ConsumerTableModel::reloadFailed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("Could not reread the consumers: %1").arg(message));
    });
}

QString ConsumersPage::title() const
{
    return tr("Consumers");
}

bool ConsumersPage::canPerform(PageAction action) const
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

void ConsumersPage::perform(PageAction action)
{
    if (!canPerform(action))
        return;
    switch (action) {
    case PageAction::New:
        openDialog(std::nullopt);
        break;
    case PageAction::Edit:
        editSelected();
        break;
    case PageAction::Remove:
        removeSelected();
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

void ConsumersPage::openDialog(std::optional<Consumer> existing)
{
    const QString previousName = existing ? existing->name : QString();
    auto* dialog = new ConsumerDialog(m_services, std::move(existing), this);
    connect(dialog, &ConsumerDialog::saved, this, [this, previousName](const Consumer& consumer) {
        // The local commit has already reached the model through the revision watcher.
        if (const int row = m_model->rowOfId(consumer.id); row >= 0)
            m_table->selectSourceRow(row);
        if (previousName.isEmpty())
            Q_EMIT statusMessage(tr("Consumer %1 added").arg(consumer.name));
        else if (previousName != consumer.name)
            Q_EMIT statusMessage(tr("Consumer %1 renamed to %2").arg(previousName, consumer.name));
        else
            Q_EMIT statusMessage(tr("Consumer %1 updated").arg(consumer.name));
    });
    dialog->open();
}

void ConsumersPage::editSelected()
{
    const int row = m_table->currentSourceRow();
    if (row < 0)
        return;
    openDialog(m_model->rowAt(row));
}

void ConsumersPage::removeSelected()
{
    QStringList names;
    const auto rows = m_table->selectedSourceRows();
    for (int row : rows)
        names.append(m_model->rowAt(row).name);
    if (names.isEmpty())
        return;

    // Counted now rather than taken from the table: tokens may have expired since the last reread.
    int activeTokens = 0;
    for (const QString& name : std::as_const(names)) {
        auto consumer = m_services.consumers.find(name);
        if (!consumer) {
            MessageBoxes::warning(this, tr("Remove Consumer"), consumer.error().toString());
            return;
        }
        activeTokens += consumer->activeTokens;
    }

    const bool several = names.size() > 1;
    const QString title = several ? tr("Remove Consumers") : tr("Remove Consumer");
    const QString which = several ? tr("%1 consumers (%2)").arg(names.size()).arg(names.join(QStringLiteral(", ")))
                                  : tr("the consumer \"%1\"").arg(names.first());
    // The CLI's rule (consumer remove [--revoke-tokens]): usable tokens are never left behind
    // silently. With some, the only way forward is revoking them in the same transaction.
    auto policy = ConsumerService::TokenPolicy::RefuseIfActive;
    QMessageBox::StandardButton answer = QMessageBox::No;
    if (activeTokens > 0) {
        const QString tokens = activeTokens == 1 ? tr("1 active token") : tr("%1 active tokens").arg(activeTokens);
        answer = MessageBoxes::question(this, title,
            tr("Remove %1?\n\nIt still holds %2. Removing it revokes them at once: whoever uses them is refused "
               "from now on.\n\nRevoke the tokens and remove?")
                .arg(which, tokens),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        policy = ConsumerService::TokenPolicy::RevokeActive;
    } else {
        answer = MessageBoxes::question(this, title, tr("Remove %1?").arg(which));
    }
    if (answer != QMessageBox::Yes)
        return;

    int removed = 0;
    for (const QString& name : std::as_const(names)) {
        if (auto done = m_services.consumers.remove(name, policy); !done) {
            MessageBoxes::warning(this, title, done.error().toString());
            break;
        }
        ++removed;
    }
    if (removed == 0)
        return;
    QString message
        = removed == 1 ? tr("Consumer %1 removed").arg(names.first()) : tr("%1 consumers removed").arg(removed);
    if (policy == ConsumerService::TokenPolicy::RevokeActive)
        message += activeTokens == 1 ? tr("; 1 token revoked") : tr("; %1 tokens revoked").arg(activeTokens);
    Q_EMIT statusMessage(message);
}

void ConsumersPage::refresh()
{
    m_services.revisions.poll();
    if (auto reloaded = m_model->reload(); !reloaded) {
        Q_EMIT statusMessage(tr("Could not reread the consumers: %1").arg(reloaded.error().toString()));
        return;
    }
    Q_EMIT statusMessage(tr("Consumers reread"));
}

} // namespace gatehouse::ui

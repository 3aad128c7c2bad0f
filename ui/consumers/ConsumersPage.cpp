#include "ui/consumers/ConsumersPage.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/consumers/ConsumerDialog.h"
#include "ui/consumers/ConsumerTableModel.h"

namespace gatehouse::ui {

ConsumersPage::ConsumersPage(ConsoleServices& services, QWidget* parent)
    : ConsumersPage(services, new ConsumerTableModel(services), parent)
{ }

ConsumersPage::ConsumersPage(ConsoleServices& services, ConsumerTableModel* model, QWidget* parent)
    : CatalogTablePage(services, model, ConsumerTableModel::NameColumn, parent)
    , m_model(model)
{
    m_model->setParent(this);
    setObjectName(QStringLiteral("consumersPage"));
    m_table->setObjectName(QStringLiteral("consumers"));
    connect(m_model, &ConsumerTableModel::reloadFailed, this, &ConsumersPage::reportReloadFailure);
}

QString ConsumersPage::title() const
{
    return tr("Consumers");
}

void ConsumersPage::openDialog(std::optional<Consumer> existing)
{
    const QString previousName = existing ? existing->name : QString();
    auto* dialog = new ConsumerDialog(m_services, std::move(existing), this);
    connect(dialog, &ConsumerDialog::saved, this, [this, previousName](const Consumer& consumer) {
        announceSaved(m_model->rowOfId(consumer.id), tr("Consumer"), previousName, consumer.name);
    });
    dialog->open();
}

void ConsumersPage::editRow(int sourceRow)
{
    openDialog(m_model->rowAt(sourceRow));
}

void ConsumersPage::removeRows(const QList<int>& rows)
{
    QStringList names;
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

Result<void> ConsumersPage::reloadModel()
{
    return m_model->reload();
}

} // namespace gatehouse::ui

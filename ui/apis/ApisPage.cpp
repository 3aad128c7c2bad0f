#include "ui/apis/ApisPage.h"

#include "core/common/Clock.h"
#include "ui/apis/ApiDialog.h"
#include "ui/apis/ApiTableModel.h"
#include "ui/apis/TokenMentions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"

#include <QVBoxLayout>

namespace gatehouse::ui {

ApisPage::ApisPage(ConsoleServices& services, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_model(new ApiTableModel(services, this))
    , m_table(new FilterableTable(this))
{
    setObjectName(QStringLiteral("apisPage"));
    m_table->setObjectName(QStringLiteral("apis"));
    m_table->setSourceModel(m_model);
    m_table->sortBy(ApiTableModel::NameColumn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    setFocusProxy(m_table);

    connect(m_table, &FilterableTable::selectionChanged, this, &Page::actionsChanged);
    connect(m_table, &FilterableTable::rowActivated, this, [this](int row) {
        m_table->selectSourceRow(row);
        editSelected();
    });
    connect(m_model, &ApiTableModel::reloadFailed, this,
        [this](const QString& message) { Q_EMIT statusMessage(tr("Could not reread the APIs: %1").arg(message)); });
}

QString ApisPage::title() const
{
    return tr("APIs");
}

bool ApisPage::canPerform(PageAction action) const
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

void ApisPage::perform(PageAction action)
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

void ApisPage::openDialog(std::optional<Api> existing)
{
    const QString previousName = existing ? existing->name : QString();
    auto* dialog = new ApiDialog(m_services, std::move(existing), this);
    connect(dialog, &ApiDialog::saved, this, [this, previousName](const Api& api) {
        // The local commit has already reached the model through the revision watcher.
        if (const int row = m_model->rowOfId(api.id); row >= 0)
            m_table->selectSourceRow(row);
        if (previousName.isEmpty())
            Q_EMIT statusMessage(tr("API %1 added").arg(api.name));
        else if (previousName != api.name)
            Q_EMIT statusMessage(tr("API %1 renamed to %2").arg(previousName, api.name));
        else
            Q_EMIT statusMessage(tr("API %1 updated").arg(api.name));
    });
    dialog->open();
}

void ApisPage::editSelected()
{
    const int row = m_table->currentSourceRow();
    if (row < 0)
        return;
    openDialog(m_model->rowAt(row).api);
}

namespace {

// "2 usable tokens grant access to it ..." for the removal question. Spelled out per count
// (no plural-forms catalogue for English).
QString tokenSentence(const TokenMentions& mentions, bool several)
{
    QString sentence;
    if (mentions.granting == 0) {
        sentence = several ? ApisPage::tr("No usable token grants access to them.")
                           : ApisPage::tr("No usable token grants access to it.");
    } else if (mentions.granting == 1) {
        sentence = several ? ApisPage::tr("1 usable token grants access to them and will lose that access.")
                           : ApisPage::tr("1 usable token grants access to it and will lose that access.");
    } else {
        sentence = (several ? ApisPage::tr("%1 usable tokens grant access to them and will lose that access.")
                            : ApisPage::tr("%1 usable tokens grant access to it and will lose that access."))
                       .arg(mentions.granting);
    }
    const int others = mentions.all - mentions.granting;
    if (others == 1) {
        sentence += u' '
            + (several ? ApisPage::tr("1 expired or revoked token also names them in its scopes.")
                       : ApisPage::tr("1 expired or revoked token also names it in its scopes."));
    } else if (others > 1) {
        sentence += u' '
            + (several ? ApisPage::tr("%1 expired or revoked tokens also name them in their scopes.")
                       : ApisPage::tr("%1 expired or revoked tokens also name it in their scopes."))
                  .arg(others);
    }
    return sentence;
}

} // namespace

void ApisPage::removeSelected()
{
    QStringList names;
    const auto rows = m_table->selectedSourceRows();
    for (int row : rows)
        names.append(m_model->rowAt(row).api.name);
    if (names.isEmpty())
        return;

    // Counted now rather than taken from the table: tokens may have expired since the last reread.
    auto tokens = m_services.tokens.list();
    if (!tokens) {
        MessageBoxes::warning(this, tr("Remove API"), tokens.error().toString());
        return;
    }
    const TokenMentions mentions = tokenMentionsOf(*tokens, names, m_services.clock.now());
    const bool several = names.size() > 1;
    const QString question = several
        ? tr("Remove %1 APIs (%2)?").arg(names.size()).arg(names.join(QStringLiteral(", ")))
        : tr("Remove the API \"%1\"?").arg(names.first());
    const auto answer = MessageBoxes::question(this, several ? tr("Remove APIs") : tr("Remove API"),
        question + QStringLiteral("\n\n") + tokenSentence(mentions, several));
    if (answer != QMessageBox::Yes)
        return;

    int removed = 0;
    for (const QString& name : std::as_const(names)) {
        if (auto done = m_services.apis.remove(name); !done) {
            MessageBoxes::warning(this, tr("Remove API"), done.error().toString());
            break;
        }
        ++removed;
    }
    if (removed == 1)
        Q_EMIT statusMessage(tr("API %1 removed").arg(names.first()));
    else if (removed > 1)
        Q_EMIT statusMessage(tr("%1 APIs removed").arg(removed));
}

void ApisPage::refresh()
{
    // Another process's commits arrive by polling; a refresh asks at once and rereads anyway,
    // since token usability also changes with time alone.
    m_services.revisions.poll();
    if (auto reloaded = m_model->reload(); !reloaded) {
        Q_EMIT statusMessage(tr("Could not reread the APIs: %1").arg(reloaded.error().toString()));
        return;
    }
    Q_EMIT statusMessage(tr("APIs reread"));
}

} // namespace gatehouse::ui

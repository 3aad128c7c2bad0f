#include "ui/apis/ApisPage.h"

#include "core/common/Clock.h"
#include "ui/apis/ApiDialog.h"
#include "ui/apis/ApiTableModel.h"
#include "ui/apis/TokenMentions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"

namespace gatehouse::ui {

ApisPage::ApisPage(ConsoleServices& services, QWidget* parent)
    : ApisPage(services, new ApiTableModel(services), parent)
{ }

ApisPage::ApisPage(ConsoleServices& services, ApiTableModel* model, QWidget* parent)
    : CatalogTablePage(services, model, ApiTableModel::NameColumn, parent)
    , m_model(model)
{
    m_model->setParent(this);
    setObjectName(QStringLiteral("apisPage"));
    m_table->setObjectName(QStringLiteral("apis"));
    connect(m_model, &ApiTableModel::reloadFailed, this, &ApisPage::reportReloadFailure);
}

QString ApisPage::title() const
{
    return tr("APIs");
}

void ApisPage::openDialog(std::optional<Api> existing)
{
    const QString previousName = existing ? existing->name : QString();
    auto* dialog = new ApiDialog(m_services, std::move(existing), this);
    connect(dialog, &ApiDialog::saved, this, [this, previousName](const Api& api) {
        announceSaved(m_model->rowOfId(api.id), tr("API"), previousName, api.name);
    });
    dialog->open();
}

void ApisPage::editRow(int sourceRow)
{
    openDialog(m_model->rowAt(sourceRow).api);
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

void ApisPage::removeRows(const QList<int>& rows)
{
    QStringList names;
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

Result<void> ApisPage::reloadModel()
{
    return m_model->reload();
}

} // namespace gatehouse::ui

#include "ui/audit/AuditPage.h"

#include "ui/audit/AuditTableModel.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

AuditPage::AuditPage(ConsoleServices& services, QWidget* parent)
    : AuditPage(services, AuditTableModel::kDefaultLimit, parent)
{ }

AuditPage::AuditPage(ConsoleServices& services, int limit, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_model(new AuditTableModel(services, limit, this))
    , m_table(new FilterableTable(this))
    , m_limitNotice(new QLabel(this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_table->setObjectName(QStringLiteral("audit"));
    m_table->setSourceModel(m_model);
    m_table->sortBy(AuditTableModel::TimeColumn, Qt::DescendingOrder);

    m_limitNotice->setObjectName(QStringLiteral("limitNotice"));
    m_limitNotice->setWordWrap(true);
    m_limitNotice->setText(tr("Showing the newest %1 events; older ones are not listed here "
                              "(gatehouse-cli audit list --limit N shows more).")
                               .arg(m_model->limit()));
    m_limitNotice->setVisible(m_model->hasMore());
    connect(m_model, &AuditTableModel::hasMoreChanged, m_limitNotice, &QLabel::setVisible);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(m_limitNotice);
    setFocusProxy(m_table);

    connect(m_table, &FilterableTable::selectionChanged, this, &Page::actionsChanged);
    connect(m_model, &AuditTableModel::reloadFailed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("Could not reread the audit trail: %1").arg(message));
    });
}

QString AuditPage::title() const
{
    return tr("Audit");
}

bool AuditPage::canPerform(PageAction action) const
{
    // The trail is written only by the services, as a side effect of changes: nothing to add,
    // edit or remove here.
    return action == PageAction::Find || action == PageAction::Refresh;
}

void AuditPage::perform(PageAction action)
{
    if (action == PageAction::Find)
        m_table->focusFilter();
    else if (action == PageAction::Refresh)
        refresh();
}

void AuditPage::refresh()
{
    m_services.revisions.poll();
    if (auto reloaded = m_model->reload(); !reloaded) {
        Q_EMIT statusMessage(tr("Could not reread the audit trail: %1").arg(reloaded.error().toString()));
        return;
    }
    Q_EMIT statusMessage(tr("Audit trail reread"));
}

} // namespace gatehouse::ui

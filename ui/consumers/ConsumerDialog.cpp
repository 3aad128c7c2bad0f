#include "ui/consumers/ConsumerDialog.h"

#include "core/catalog/ConsumerService.h"
#include "core/catalog/Validation.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/tokens/AiLimitsFields.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

ConsumerDialog::ConsumerDialog(ConsoleServices& services, std::optional<Consumer> existing, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_existing(std::move(existing))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("consumerDialog"));
    setWindowTitle(isEditing() ? tr("Edit Consumer %1").arg(m_existing->name) : tr("New Consumer"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("mobile-app"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("Who or what holds its tokens, and who to ask"));
    m_nameError = new FieldErrorLabel(tr("Name"), this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    m_descriptionError = new FieldErrorLabel(tr("Description"), this);
    m_descriptionError->setObjectName(QStringLiteral("descriptionError"));
    m_budget = new AiLimitsFields(AiLimitsFields::Kind::BudgetOnly, this);
    auto* budgetGroup = new QGroupBox(tr("AI budget (optional)"), this);
    budgetGroup->setObjectName(QStringLiteral("budgetGroup"));
    budgetGroup->setToolTip(tr("Shared by all of the consumer's tokens, on top of each token's own budget"));
    auto* budgetLayout = new QVBoxLayout(budgetGroup);
    budgetLayout->addWidget(m_budget);
    m_formError = new FieldErrorLabel(QString(), this);
    m_formError->setObjectName(QStringLiteral("formError"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConsumerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConsumerDialog::reject);

    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, FieldErrorLabel::below(m_name, m_nameError));
    auto* descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, FieldErrorLabel::below(m_description, m_descriptionError));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(budgetGroup);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    setTabOrder(m_name, m_description);
    QWidget* previous = m_description;
    for (QWidget* edit : m_budget->edits()) {
        setTabOrder(previous, edit);
        previous = edit;
    }
    setTabOrder(previous, m_buttons);

    if (isEditing()) {
        m_name->setText(m_existing->name);
        m_description->setText(m_existing->description);
        m_budget->setBudget(m_existing->budget);
        m_touched = {m_name, m_description};
    }
    for (QLineEdit* edit : {m_name, m_description}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            if (!m_touched.contains(edit)) {
                m_touched.append(edit);
                updateOkButton();
            }
        });
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_refused = false;
            updateOkButton();
        });
    }
    connect(m_budget, &AiLimitsFields::edited, this, [this] {
        m_refused = false;
        updateOkButton();
    });
    updateOkButton();
    m_name->setFocus();
}

bool ConsumerDialog::validate(bool showAll)
{
    bool valid = true;
    const auto check = [&](QLineEdit* edit, FieldErrorLabel* label, const auto& result) {
        if (result) {
            label->clearError();
            return;
        }
        valid = false;
        if (showAll || m_touched.contains(edit))
            label->showError(result.error());
        else
            label->clearError();
    };
    check(m_name, m_nameError, validation::name(m_name->text()));
    check(m_description, m_descriptionError,
        validation::label(m_description->text(), u"description", ConsumerService::kMaxDescriptionLength));
    // The budget fields explain themselves as soon as they cannot be read: they start empty and valid.
    return m_budget->validate() && valid;
}

void ConsumerDialog::updateOkButton()
{
    if (!m_refused)
        m_formError->clearError();
    const bool valid = validate(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_refused);
}

void ConsumerDialog::accept()
{
    if (!validate(true) || m_refused)
        return;
    const QString name = m_name->text();
    const QString description = m_description->text();
    const UsageBudget budget = m_budget->budget();
    Result<Consumer> saved = isEditing() ? m_services.consumers.update(m_existing->name, name, description, budget)
                                         : m_services.consumers.add(name, description, budget);
    if (!saved) {
        showServiceError(saved.error());
        return;
    }
    Q_EMIT this->saved(*saved);
    QDialog::accept();
}

void ConsumerDialog::showServiceError(const Error& error)
{
    m_refused = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // NotFound names the consumer being edited, which someone else removed: no field can fix that.
    if (error.kind != Error::Kind::NotFound && error.field == QLatin1StringView("name")) {
        m_nameError->showError(error);
        m_name->setFocus(Qt::OtherFocusReason);
    } else if (error.kind != Error::Kind::NotFound && error.field == QLatin1StringView("description")) {
        m_descriptionError->showError(error);
        m_description->setFocus(Qt::OtherFocusReason);
    } else if (error.kind != Error::Kind::NotFound && error.field.startsWith(QLatin1StringView("budget"))) {
        m_formError->showError(error);
        m_budget->setFocus(Qt::OtherFocusReason);
    } else if (error.kind == Error::Kind::NotFound) {
        m_formError->showError(Error::notFound(QString(),
            tr("The consumer %1 no longer exists: it was removed while you were editing it.")
                .arg(m_existing ? m_existing->name : QString())));
    } else {
        m_formError->showError(error);
    }
}

} // namespace gatehouse::ui

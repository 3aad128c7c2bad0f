#include "ui/providers/ReplaceKeyDialog.h"

#include "core/catalog/ProviderService.h"
#include "core/common/SecretBytes.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

ReplaceKeyDialog::ReplaceKeyDialog(ConsoleServices& services, Provider provider, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_provider(std::move(provider))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("replaceKeyDialog"));
    setWindowTitle(tr("Replace the key of %1").arg(m_provider.name));

    auto* intro = new QLabel(m_provider.hasKey
            ? tr("The key stored for %1 is replaced. It cannot be shown, now or later.").arg(m_provider.name)
            : tr("No key is stored for %1 yet. Once stored it cannot be shown again.").arg(m_provider.name),
        this);
    intro->setWordWrap(true);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_keyError = new FieldErrorLabel(tr("API key"), this);
    m_keyError->setObjectName(QStringLiteral("keyError"));
    if (!m_services.secretStore()) {
        m_keyError->showError(Error::runtime(m_services.secretStoreUnavailable().isEmpty()
                ? tr("no secret store is available for provider keys")
                : m_services.secretStoreUnavailable()));
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Store key"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReplaceKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReplaceKeyDialog::reject);

    auto* form = new QFormLayout;
    auto* label = new QLabel(tr("New API &key:"), this);
    label->setBuddy(m_key);
    form->addRow(label, FieldErrorLabel::below(m_key, m_keyError));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_key, &QLineEdit::textChanged, this, &ReplaceKeyDialog::updateOkButton);
    updateOkButton();
    m_key->setFocus();
}

ReplaceKeyDialog::~ReplaceKeyDialog()
{
    m_key->clear();
}

void ReplaceKeyDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_key->text().isEmpty() && m_services.secretStore());
}

void ReplaceKeyDialog::accept()
{
    if (m_key->text().isEmpty() || !m_services.secretStore())
        return;
    SecretBytes key(m_key->text().toUtf8());
    // Used once: whatever the store says, the field no longer holds it.
    m_key->clear();
    auto stored = m_services.providers.setKey(m_provider.name, key);
    key.clear();
    if (!stored) {
        m_keyError->showError(stored.error());
        m_key->setFocus(Qt::OtherFocusReason);
        return;
    }
    Q_EMIT saved(*stored);
    QDialog::accept();
}

} // namespace gatehouse::ui

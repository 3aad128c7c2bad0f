#include "ui/tokens/RotateTokenDialog.h"

#include "core/tokens/Duration.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/tokens/IssuedTokenDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

RotateTokenDialog::RotateTokenDialog(ConsoleServices& services, const Token& token, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_token(token)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("rotateTokenDialog"));
    setWindowTitle(tr("Rotate Token"));

    auto* intro = new QLabel(tr("Token %1 \"%2\" of %3 gets a successor with the same scopes and lifetime length. "
                                "The old token keeps working during the grace period, so that clients can switch.")
                                 .arg(QString::number(m_token.id), m_token.name, m_token.consumerName),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_grace = new QComboBox(this);
    m_grace->setObjectName(QStringLiteral("grace"));
    m_grace->addItem(tr("None: the old token stops at once"), int(Grace::None));
    m_grace->addItem(tr("1 hour"), int(Grace::OneHour));
    m_grace->addItem(tr("1 day"), int(Grace::OneDay));
    m_grace->addItem(tr("7 days"), int(Grace::SevenDays));
    m_grace->addItem(tr("Custom…"), int(Grace::Custom));
    m_custom = new QLineEdit(this);
    m_custom->setObjectName(QStringLiteral("customGrace"));
    m_custom->setPlaceholderText(tr("e.g. 30m, 2h, 1d12h"));
    m_custom->setEnabled(false);
    m_graceReason = FieldErrorLabel::named(QStringLiteral("graceReason"), this);
    m_serviceError = FieldErrorLabel::named(QStringLiteral("serviceError"), this);

    auto* row = new QWidget(this);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_grace);
    rowLayout->addWidget(m_custom);
    rowLayout->addWidget(m_graceReason, 1);

    auto* label = new QLabel(tr("&Grace period:"), this);
    label->setBuddy(m_grace);
    auto* form = new QFormLayout;
    form->addRow(label, row);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("ok"));
    m_ok->setText(tr("&Rotate"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &RotateTokenDialog::rotate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_serviceError);
    layout->addWidget(buttons);

    setTabOrder(m_grace, m_custom);
    setTabOrder(m_custom, m_ok);
    setTabOrder(m_ok, buttons->button(QDialogButtonBox::Cancel));

    const auto revalidate = [this] {
        m_serviceError->setReason(QString());
        validate();
    };
    connect(m_grace, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_custom, &QLineEdit::textChanged, this, revalidate);
    validate();
    m_grace->setFocus();
}

Result<qint64> RotateTokenDialog::graceMs() const
{
    switch (Grace(m_grace->currentData().toInt())) {
    case Grace::None:
        return qint64(0);
    case Grace::OneHour:
        return tokens::kHourMs;
    case Grace::OneDay:
        return tokens::kDayMs;
    case Grace::SevenDays:
        return 7 * tokens::kDayMs;
    case Grace::Custom:
        break;
    }
    return tokens::parseDurationMs(m_custom->text(), u"grace");
}

void RotateTokenDialog::validate()
{
    const bool custom = Grace(m_grace->currentData().toInt()) == Grace::Custom;
    m_custom->setEnabled(custom);
    const auto grace = graceMs();
    m_graceReason->setReason(grace ? QString() : grace.error().message);
    m_ok->setEnabled(grace.ok());
}

void RotateTokenDialog::rotate()
{
    const auto grace = graceMs();
    if (!grace)
        return;
    auto issued = m_services.tokens.rotate(m_token.id, *grace);
    if (!issued) {
        m_serviceError->setReason(issued.error().toString());
        return;
    }
    const Token replacement = issued->token;
    auto* shown = new IssuedTokenDialog(replacement, std::move(issued->plaintext), parentWidget());
    shown->open();
    Q_EMIT tokenIssued(replacement);
    accept();
}

} // namespace gatehouse::ui

#include "ui/tokens/TokenLimitsDialog.h"

#include "core/gateway/RateLimit.h"
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

TokenLimitsDialog::TokenLimitsDialog(ConsoleServices& services, const Token& token, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_tokenId(token.id)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("tokenLimitsDialog"));
    setWindowTitle(tr("Limits of Token %1").arg(token.id));

    auto* about = new QLabel(this);
    about->setObjectName(QStringLiteral("about"));
    about->setTextFormat(Qt::PlainText);
    about->setText(tr("%1 of %2, ending in …%3. The gateway applies new limits within seconds.")
                       .arg(token.name, token.consumerName, token.hint));
    about->setWordWrap(true);

    m_rateLimit = new QLineEdit(token.rateLimit, this);
    m_rateLimit->setObjectName(QStringLiteral("rateLimit"));
    m_rateLimit->setPlaceholderText(tr("e.g. 10/s or 600/m; empty: the API's default"));
    m_rateLimitReason = FieldErrorLabel::named(QStringLiteral("rateLimitReason"), this);
    auto* rateLabel = new QLabel(tr("&Rate limit:"), this);
    rateLabel->setBuddy(m_rateLimit);
    auto* form = new QFormLayout;
    form->addRow(rateLabel, FieldErrorLabel::beside(m_rateLimit, m_rateLimitReason, this));

    m_aiLimits = new AiLimitsFields(AiLimitsFields::Kind::BudgetAndRates, this);
    m_aiLimits->setLimits(token.aiLimits);
    auto* aiGroup = new QGroupBox(tr("AI limits"), this);
    aiGroup->setObjectName(QStringLiteral("aiLimitsGroup"));
    auto* aiLayout = new QVBoxLayout(aiGroup);
    aiLayout->addWidget(m_aiLimits);

    m_serviceError = FieldErrorLabel::named(QStringLiteral("serviceError"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("ok"));
    m_ok->setText(tr("&Save"));
    m_ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TokenLimitsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(aiGroup);
    layout->addWidget(m_serviceError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    QList<QWidget*> order {m_rateLimit};
    order << m_aiLimits->edits() << m_ok << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    const auto revalidate = [this] {
        m_serviceError->setReason(QString()); // the admin is correcting whatever the service refused
        validate();
    };
    connect(m_rateLimit, &QLineEdit::textChanged, this, revalidate);
    connect(m_aiLimits, &AiLimitsFields::edited, this, revalidate);
    validate();
    m_rateLimit->setFocus();
}

bool TokenLimitsDialog::isValid() const
{
    return m_ok->isEnabled();
}

void TokenLimitsDialog::validate()
{
    const auto rate = gateway::RateLimit::parse(m_rateLimit->text().trimmed());
    m_rateLimitReason->setReason(rate ? QString() : rate.error().message);
    const bool aiValid = m_aiLimits->validate();
    m_ok->setEnabled(rate && aiValid);
}

void TokenLimitsDialog::accept()
{
    validate();
    if (!isValid())
        return;
    auto saved
        = m_services.tokens.setLimits(m_tokenId, TokenLimits {m_rateLimit->text().trimmed(), m_aiLimits->limits()});
    if (!saved) {
        m_serviceError->setReason(saved.error().toString());
        return;
    }
    Q_EMIT limitsSaved(*saved);
    QDialog::accept();
}

} // namespace gatehouse::ui

#include "ui/tokens/TokenLimitsDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/tokens/AiLimitsFields.h"
#include "ui/tokens/RateLimitField.h"

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

    m_rateLimit = new RateLimitField(this);
    m_rateLimit->setRateLimit(token.rateLimit);
    auto* form = new QFormLayout;
    m_rateLimit->addTo(form);

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

    QList<QWidget*> order {m_rateLimit->edit()};
    order << m_aiLimits->edits() << m_ok << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    const auto revalidate = [this] {
        m_serviceError->setReason(QString()); // the admin is correcting whatever the service refused
        validate();
    };
    connect(m_rateLimit, &RateLimitField::edited, this, revalidate);
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
    const bool rateValid = m_rateLimit->validate();
    const bool aiValid = m_aiLimits->validate();
    m_ok->setEnabled(rateValid && aiValid);
}

void TokenLimitsDialog::accept()
{
    validate();
    if (!isValid())
        return;
    auto saved = m_services.tokens.setLimits(m_tokenId, TokenLimits {m_rateLimit->rateLimit(), m_aiLimits->limits()});
    if (!saved) {
        m_serviceError->setReason(saved.error().toString());
        return;
    }
    Q_EMIT limitsSaved(*saved);
    QDialog::accept();
}

} // namespace gatehouse::ui

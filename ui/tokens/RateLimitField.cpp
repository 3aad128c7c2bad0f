#include "ui/tokens/RateLimitField.h"

#include "core/catalog/RateLimit.h"
#include "ui/common/FieldErrorLabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace gatehouse::ui {

RateLimitField::RateLimitField(QWidget* parent)
    : QWidget(parent)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("rateLimit"));
    m_edit->setPlaceholderText(tr("e.g. 10/s or 600/m; empty: the API's default"));
    m_reason = FieldErrorLabel::named(QStringLiteral("rateLimitReason"), this);
    // As FieldErrorLabel::beside() lays out a field and its reason.
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_reason, 1);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &RateLimitField::edited);
}

void RateLimitField::addTo(QFormLayout* form)
{
    auto* label = new QLabel(tr("&Rate limit:"), parentWidget());
    label->setBuddy(m_edit);
    form->addRow(label, this);
}

void RateLimitField::setRateLimit(const QString& rateLimit)
{
    m_edit->setText(rateLimit);
}

QString RateLimitField::rateLimit() const
{
    return m_edit->text().trimmed();
}

bool RateLimitField::validate()
{
    const auto rate = RateLimit::parse(rateLimit());
    m_reason->setReason(rate ? QString() : rate.error().message);
    return rate.ok();
}

} // namespace gatehouse::ui

#include "ui/tokens/AiLimitsFields.h"

#include "ui/common/FieldErrorLabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace gatehouse::ui {

namespace {

QString textOf(qint64 value)
{
    return value > 0 ? aiLimits::formatTokens(value) : QString();
}

} // namespace

AiLimitsFields::AiLimitsFields(Kind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setObjectName(QStringLiteral("aiLimits"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    const QString tokensHint = tr("e.g. 250k or 2M; empty: no limit");
    const bool consumer = kind == Kind::BudgetOnly;
    m_daily = addField(form, QStringLiteral("budgetDaily"), tr("Dail&y budget:"), tokensHint,
        consumer ? tr("AI tokens (prompt plus completion) that all of the consumer's tokens together may spend per UTC "
                      "day, on top of each token's own budget; the gateway then answers 429 until midnight UTC.")
                 : tr("AI tokens (prompt plus completion) that this token may spend per UTC day; the gateway then "
                      "answers 429 until midnight UTC."));
    m_monthly = addField(form, QStringLiteral("budgetMonthly"), tr("&Monthly budget:"), tokensHint,
        consumer ? tr("AI tokens (prompt plus completion) that all of the consumer's tokens together may spend per "
                      "calendar month (UTC), on top of each token's own budget.")
                 : tr("AI tokens (prompt plus completion) that this token may spend per calendar month (UTC)."));
    if (kind == Kind::BudgetAndRates) {
        m_requests = addField(form, QStringLiteral("aiRequestsPerMinute"), tr("AI re&quests a minute:"),
            tr("e.g. 60; empty: no limit"), tr("Requests a minute on the AI routes, whatever they cost."));
        m_tokens = addField(form, QStringLiteral("aiTokensPerMinute"), tr("AI &tokens a minute:"), tokensHint,
            tr("AI tokens (prompt plus completion) a minute."));
    }
    validate();
}

AiLimitsFields::Field AiLimitsFields::addField(
    QFormLayout* form, const QString& key, const QString& label, const QString& placeholder, const QString& toolTip)
{
    Field field;
    field.edit = new QLineEdit(this);
    field.edit->setObjectName(key);
    field.edit->setPlaceholderText(placeholder);
    field.edit->setToolTip(toolTip);
    field.reason = FieldErrorLabel::named(key + QStringLiteral("Reason"), this);
    auto* buddy = new QLabel(label, this);
    buddy->setBuddy(field.edit);
    form->addRow(buddy, FieldErrorLabel::beside(field.edit, field.reason, this));
    connect(field.edit, &QLineEdit::textChanged, this, [this] {
        validate();
        Q_EMIT edited();
    });
    return field;
}

QList<QWidget*> AiLimitsFields::edits() const
{
    QList<QWidget*> edits {m_daily.edit, m_monthly.edit};
    if (m_kind == Kind::BudgetAndRates)
        edits << m_requests.edit << m_tokens.edit;
    return edits;
}

void AiLimitsFields::setLimits(const AiLimits& limits)
{
    m_daily.edit->setText(textOf(limits.budget.dailyTokens));
    m_monthly.edit->setText(textOf(limits.budget.monthlyTokens));
    if (m_kind == Kind::BudgetAndRates) {
        m_requests.edit->setText(limits.requestsPerMinute > 0 ? QString::number(limits.requestsPerMinute) : QString());
        m_tokens.edit->setText(textOf(limits.tokensPerMinute));
    }
}

void AiLimitsFields::setBudget(const UsageBudget& budget)
{
    AiLimits limits = this->limits();
    limits.budget = budget;
    setLimits(limits);
}

QString AiLimitsFields::problem(const Field& field, qint64* value) const
{
    *value = 0;
    if (!field.edit)
        return {};
    const QString text = field.edit->text();
    if (field.edit == m_requests.edit) {
        auto requests = aiLimits::parseRequests(text, u"ai-rpm");
        if (!requests) {
            return tr("Write a whole number of requests a minute, from 1 to %1; leave it empty for no limit.")
                .arg(QLocale().toString(aiLimits::kMaxRequestsPerMinute));
        }
        *value = *requests;
        return {};
    }
    auto tokens = aiLimits::parseTokens(text, u"tokens");
    if (!tokens)
        return tr("Write a number of tokens, such as 250000, 250k or 2M; leave it empty for no limit.");
    if (field.edit == m_tokens.edit && *tokens > aiLimits::kMaxTokensPerMinute)
        return tr("At most %1 tokens a minute.").arg(QLocale().toString(aiLimits::kMaxTokensPerMinute));
    *value = *tokens;
    return {};
}

bool AiLimitsFields::validate()
{
    bool valid = true;
    for (const Field* field : {&m_daily, &m_monthly, &m_requests, &m_tokens}) {
        if (!field->edit)
            continue;
        qint64 value = 0;
        const QString reason = problem(*field, &value);
        field->reason->setReason(reason);
        valid = valid && reason.isEmpty();
    }
    return valid;
}

bool AiLimitsFields::isValid() const
{
    qint64 value = 0;
    for (const Field* field : {&m_daily, &m_monthly, &m_requests, &m_tokens}) {
        if (!problem(*field, &value).isEmpty())
            return false;
    }
    return true;
}

AiLimits AiLimitsFields::limits() const
{
    AiLimits limits;
    (void)problem(m_daily, &limits.budget.dailyTokens);
    (void)problem(m_monthly, &limits.budget.monthlyTokens);
    (void)problem(m_requests, &limits.requestsPerMinute);
    (void)problem(m_tokens, &limits.tokensPerMinute);
    return limits;
}

} // namespace gatehouse::ui

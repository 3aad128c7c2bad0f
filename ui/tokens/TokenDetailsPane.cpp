#include "ui/tokens/TokenDetailsPane.h"

#include "ui/common/TimeText.h"
#include "ui/tokens/TokenStateBadge.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

QString absoluteOr(const QDateTime& when, const QString& otherwise)
{
    return when.isValid() ? timeText::absolute(when) : otherwise;
}

// A limit as admins type it ("250k", "2M"), or with the locale's separators when it is not round.
QString limitText(qint64 tokens)
{
    return tokens % 1000 == 0 ? aiLimits::formatTokens(tokens) : QLocale().toString(tokens);
}

QString budgetText(const UsageBudget& budget)
{
    QStringList parts;
    if (budget.dailyTokens > 0)
        parts << TokenDetailsPane::tr("%1 tokens a day").arg(limitText(budget.dailyTokens));
    if (budget.monthlyTokens > 0)
        parts << TokenDetailsPane::tr("%1 tokens a month").arg(limitText(budget.monthlyTokens));
    return parts.isEmpty() ? TokenDetailsPane::tr("none") : parts.join(QStringLiteral(", "));
}

// "12,345 of 100k tokens (12%)": what was spent against `limit` (0: no budget).
QString spentText(qint64 spent, qint64 limit)
{
    const QString used = QLocale().toString(spent);
    if (limit <= 0)
        return TokenDetailsPane::tr("%1 tokens").arg(used);
    if (spent >= limit)
        return TokenDetailsPane::tr("%1 of %2 tokens: spent, AI requests are refused").arg(used, limitText(limit));
    return TokenDetailsPane::tr("%1 of %2 tokens (%3%)").arg(used, limitText(limit)).arg(spent * 100 / limit);
}

} // namespace

TokenDetailsPane::TokenDetailsPane(QWidget* parent)
    : QWidget(parent)
    , m_details(new QWidget(this))
    , m_placeholder(new QLabel(this))
    , m_revoke(new QPushButton(tr("Revoke"), this))
    , m_rotate(new QPushButton(tr("Rotate…"), this))
    , m_limits(new QPushButton(tr("Edit Limits…"), this))
{
    setObjectName(QStringLiteral("tokenDetails"));
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto* form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const std::pair<const char*, const char*> rows[] = {{"id", QT_TR_NOOP("Id:")}, {"name", QT_TR_NOOP("Name:")},
        {"consumer", QT_TR_NOOP("Consumer:")}, {"hint", QT_TR_NOOP("Ends in:")}, {"state", QT_TR_NOOP("State:")},
        {"scopes", QT_TR_NOOP("Scopes:")}, {"created", QT_TR_NOOP("Created:")}, {"expires", QT_TR_NOOP("Expires:")},
        {"lastUsed", QT_TR_NOOP("Last used:")}, {"revoked", QT_TR_NOOP("Revoked:")},
        {"rotation", QT_TR_NOOP("Rotation:")}, {"rateLimit", QT_TR_NOOP("Rate limit:")},
        {"budget", QT_TR_NOOP("AI budget:")}, {"aiRate", QT_TR_NOOP("AI limits:")},
        {"usageToday", QT_TR_NOOP("AI usage today:")}, {"usageMonth", QT_TR_NOOP("AI usage this month:")},
        {"consumerUsage", QT_TR_NOOP("Consumer's budget:")}};
    for (const auto& [key, label] : rows) {
        auto* value = new QLabel(m_details);
        value->setObjectName(QStringLiteral("detail:") + QLatin1StringView(key));
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        form->addRow(tr(label), value);
        m_values.insert(QString::fromLatin1(key), value);
    }

    m_revoke->setObjectName(QStringLiteral("detailsRevoke"));
    m_revoke->setToolTip(tr("Revoke this token now: the gateway refuses it from the next request"));
    m_rotate->setObjectName(QStringLiteral("detailsRotate"));
    m_rotate->setToolTip(tr("Issue a successor and retire this token after a grace period"));
    m_limits->setObjectName(QStringLiteral("detailsLimits"));
    m_limits->setToolTip(tr("Change this token's rate limit, AI budgets and AI limits"));
    connect(m_limits, &QPushButton::clicked, this, [this] {
        if (m_id)
            Q_EMIT limitsRequested(m_id);
    });
    connect(m_revoke, &QPushButton::clicked, this, [this] {
        if (m_id)
            Q_EMIT revokeRequested(m_id);
    });
    connect(m_rotate, &QPushButton::clicked, this, [this] {
        if (m_id)
            Q_EMIT rotateRequested(m_id);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_rotate);
    buttons->addWidget(m_limits);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    layout->addStretch(1);
    setTabOrder(m_revoke, m_rotate);
    setTabOrder(m_rotate, m_limits);
    // Edit (Return on a row) moves the focus here: onto the details, not onto a button that a
    // second Return or Space would press.
    setFocusProxy(m_values.value(QStringLiteral("name")));
    showNone(0);
}

QString TokenDetailsPane::detailText(const QString& key) const
{
    const QLabel* value = m_values.value(key);
    return value ? value->text() : QString();
}

void TokenDetailsPane::showToken(const Token& token, const QDateTime& now, const TokenAiUsage& usage)
{
    m_id = token.id;
    m_aiLimits = token.aiLimits;
    const TokenState state = tokenState::of(token, now);
    const auto set
        = [this](const char* key, const QString& text) { m_values.value(QString::fromLatin1(key))->setText(text); };
    set("id", QString::number(token.id));
    set("name", token.name);
    set("consumer", token.consumerName);
    set("hint", u'\u2026' + token.hint);
    set("state", tokenStateBadge::label(state));
    QLabel* badge = m_values.value(QStringLiteral("state"));
    badge->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 1px 6px; }")
            .arg(tokenStateBadge::color(state).name()));
    badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    set("scopes", token.scopes.join(u'\n'));
    set("created", timeText::absolute(token.created));
    set("expires", absoluteOr(token.expires, tr("never")));
    set("lastUsed",
        !token.lastUsed.isValid() ? tr("never")
            : token.lastUsedAddress.isEmpty()
            ? timeText::absolute(token.lastUsed)
            : tr("%1 from %2").arg(timeText::absolute(token.lastUsed), token.lastUsedAddress));
    // A rotated token carries a revocation in the future (the end of its grace period).
    set("revoked",
        !token.revoked.isValid() ? tr("no")
            : token.revoked <= now
            ? tr("%1 (%2)").arg(timeText::absolute(token.revoked), token.revokeReason)
            : tr("scheduled for %1 (%2)").arg(timeText::absolute(token.revoked), token.revokeReason));
    QStringList rotation;
    if (token.rotatedFrom)
        rotation << tr("replaces token %1").arg(token.rotatedFrom);
    if (token.graceEnds.isValid())
        rotation << tr("rotated away; grace period ends %1").arg(timeText::absolute(token.graceEnds));
    set("rotation", rotation.isEmpty() ? tr("none") : rotation.join(u'\n'));
    set("rateLimit", token.rateLimit.isEmpty() ? tr("the API's default") : token.rateLimit);
    set("budget", budgetText(token.aiLimits.budget));
    QStringList rates;
    if (token.aiLimits.requestsPerMinute > 0)
        rates << tr("%1 requests a minute").arg(QLocale().toString(token.aiLimits.requestsPerMinute));
    if (token.aiLimits.tokensPerMinute > 0)
        rates << tr("%1 tokens a minute").arg(limitText(token.aiLimits.tokensPerMinute));
    set("aiRate", rates.isEmpty() ? tr("none") : rates.join(QStringLiteral(", ")));
    showUsage(usage);

    m_placeholder->hide();
    m_details->show();
    m_revoke->show();
    m_rotate->show();
    m_limits->show();
    // Limits only matter while the token can still be used.
    m_limits->setEnabled(tokenState::isUsable(token, now));
    m_revoke->setEnabled(state != TokenState::Revoked);
    // Only a usable token that has no successor yet can be rotated (TokenService::rotate's rule).
    m_rotate->setEnabled(tokenState::isUsable(token, now) && !token.graceEnds.isValid());
}

void TokenDetailsPane::showNone(int selectedCount)
{
    m_id = 0;
    m_placeholder->setText(
        selectedCount == 0 ? tr("Select a token to see its details.") : tr("%1 tokens selected.").arg(selectedCount));
    m_placeholder->show();
    m_details->hide();
    m_revoke->hide();
    m_rotate->hide();
    m_limits->hide();
}

void TokenDetailsPane::showUsage(const TokenAiUsage& usage)
{
    const auto set
        = [this](const char* key, const QString& text) { m_values.value(QString::fromLatin1(key))->setText(text); };
    if (!usage.known) {
        for (const char* key : {"usageToday", "usageMonth", "consumerUsage"})
            set(key, tr("reading…"));
        return;
    }
    set("usageToday", spentText(usage.token.day, m_aiLimits.budget.dailyTokens));
    set("usageMonth", spentText(usage.token.month, m_aiLimits.budget.monthlyTokens));
    // The consumer's budget is shared by all of its tokens: what they spent together against it.
    set("consumerUsage",
        !usage.consumerBudget.isSet() ? tr("none")
                                      : tr("today %1; this month %2")
                                            .arg(spentText(usage.consumer.day, usage.consumerBudget.dailyTokens),
                                                spentText(usage.consumer.month, usage.consumerBudget.monthlyTokens)));
}

} // namespace gatehouse::ui

#pragma once

#include "core/catalog/Token.h"
#include "core/catalog/TokenState.h"
#include "core/usage/UsageLedger.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace gatehouse::ui {

// What a token and its consumer spent on the AI routes, as the Tokens page last read it.
struct TokenAiUsage
{
    bool known = false; // false until the page has read the usage once
    UsageLedger::Spent token;
    UsageLedger::Spent consumer;
    UsageBudget consumerBudget;
};

// Everything about the selected token, in absolute times (the table shows relative ones), with
// its own Revoke and Rotate buttons. A view only: it asks the page to act through its signals.
class TokenDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit TokenDetailsPane(QWidget* parent = nullptr);

    // Shows `token` as it stands at `now`, with `usage` against its budgets.
    void showToken(const Token& token, const QDateTime& now, const TokenAiUsage& usage = {});
    // Updates the usage rows of the token shown.
    void showUsage(const TokenAiUsage& usage);
    // No single token selected: "Select a token", or how many are.
    void showNone(int selectedCount);

    // 0 when no token is shown.
    qint64 tokenId() const { return m_id; }
    // The text of one detail ("id", "name", "consumer", "hint", "state", "scopes", "created",
    // "expires", "lastUsed", "revoked", "rotation", "rateLimit", "budget", "aiRate", "usageToday", "usageMonth",
    // "consumerUsage"), for tests and accessibility.
    QString detailText(const QString& key) const;

Q_SIGNALS:
    void revokeRequested(qint64 id);
    void rotateRequested(qint64 id);
    void limitsRequested(qint64 id);

private:
    QLabel* addDetail(const QString& key, const QString& label);

    qint64 m_id = 0;
    QWidget* m_details = nullptr;
    QLabel* m_placeholder = nullptr;
    QHash<QString, QLabel*> m_values;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_rotate = nullptr;
    QPushButton* m_limits = nullptr;
    AiLimits m_aiLimits; // of the token shown, for showUsage()
};

} // namespace gatehouse::ui

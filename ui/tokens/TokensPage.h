#pragma once

#include "core/catalog/Token.h"
#include "core/usage/UsageLedger.h"
#include "ui/common/Page.h"

#include <QHash>
#include <QList>

class QComboBox;
class QPushButton;
class QSplitter;
class QTimer;

namespace gatehouse::ui {

class ConsoleServices;
class FilterableTable;
class TokenDetailsPane;
class TokenTableModel;
class TokenUsageLoader;

// The Tokens page: every token with its state badge, filters by consumer and state, a details
// pane, and the remedies one click away. Revoke needs no confirmation (DESIGN: instant revocation
// is the easy path): TokenService::revoke commits before it returns and the model rereads on the
// revision change at once, so the row reads "Revoked" before the click handler ends.
class TokensPage : public Page
{
    Q_OBJECT

public:
    // How often the AI usage shown in the details is reread while the page is visible: the gateway's log writer
    // adds to it without a catalog revision.
    static constexpr int kUsageRefreshMs = 15'000;

    explicit TokensPage(ConsoleServices& services, QWidget* parent = nullptr);

    QString title() const override;
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    TokenTableModel* model() const { return m_model; }
    FilterableTable* table() const { return m_table; }
    TokenDetailsPane* details() const { return m_details; }

    // The consumer filter: empty for all consumers.
    QString consumerFilter() const;

    // Revokes every selected token that is not revoked yet.
    void revokeSelected();
    void revoke(const QList<qint64>& ids);
    void rotate(qint64 id);
    // Opens the dialog that changes the token's rate limit, budgets and AI limits.
    void editLimits(qint64 id);
    // Rereads the AI usage of every token off the GUI thread; usageRefreshed() follows.
    void refreshUsage();
    void newToken();
    // Clears the filters, selects the token and shows its details (from the live log, the timeline).
    void showToken(qint64 id);

Q_SIGNALS:
    // The AI usage was reread (and the details show it).
    void usageRefreshed();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void reloadConsumers();
    void onUsage(const UsageLedger::Totals& totals, const QString& error);
    void showDetails(const Token& token);
    void applyFilter();
    void selectionChanged();
    void selectToken(const Token& token);
    QList<qint64> revocableSelection() const;
    // The selected token if exactly one is selected.
    const Token* currentToken() const;

    ConsoleServices& m_services;
    TokenTableModel* m_model = nullptr;
    FilterableTable* m_table = nullptr;
    TokenDetailsPane* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_rotate = nullptr;
    QPushButton* m_limits = nullptr;
    QComboBox* m_consumer = nullptr;
    QComboBox* m_state = nullptr;
    TokenUsageLoader* m_usageLoader = nullptr;
    QTimer* m_usageTimer = nullptr;
    bool m_usageKnown = false;
    UsageLedger::Totals m_usage;
    QHash<qint64, UsageBudget> m_consumerBudgets; // by consumer id
};

} // namespace gatehouse::ui

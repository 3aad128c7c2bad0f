#pragma once

#include "core/catalog/Token.h"
#include "ui/common/Page.h"

#include <QList>

class QComboBox;
class QPushButton;
class QSplitter;

namespace gatehouse::ui {

class ConsoleServices;
class FilterableTable;
class TokenDetailsPane;
class TokenTableModel;

// The Tokens page: every token with its state badge, filters by consumer and state, a details
// pane, and the remedies one click away. Revoke needs no confirmation (DESIGN: instant revocation
// is the easy path): TokenService::revoke commits before it returns and the model rereads on the
// revision change at once, so the row reads "Revoked" before the click handler ends.
class TokensPage : public Page
{
    Q_OBJECT

public:
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
    void newToken();
    // Clears the filters, selects the token and shows its details (from the live log, the timeline).
    void showToken(qint64 id);

private:
    void reloadConsumers();
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
    QComboBox* m_consumer = nullptr;
    QComboBox* m_state = nullptr;
};

} // namespace gatehouse::ui

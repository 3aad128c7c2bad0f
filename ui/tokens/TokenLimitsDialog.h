#pragma once

#include "core/catalog/Token.h"

#include <QDialog>

class QDialogButtonBox;
class QPushButton;

namespace gatehouse::ui {

class AiLimitsFields;
class ConsoleServices;
class FieldErrorLabel;
class RateLimitField;

// Changes an existing token's limits: its rate limit on the API routes, its AI budgets and its AI requests and
// tokens a minute, prefilled with what it has. Validates as the admin types (Save stays disabled while a field
// cannot be read); TokenService::setLimits applies them, and a refusal keeps the dialog open with its reason.
// Opened with open(); deletes itself when closed.
class TokenLimitsDialog : public QDialog
{
    Q_OBJECT

public:
    TokenLimitsDialog(ConsoleServices& services, const Token& token, QWidget* parent = nullptr);

    bool isValid() const;
    qint64 tokenId() const { return m_tokenId; }

    void accept() override;

Q_SIGNALS:
    // After the commit: the token as stored now.
    void limitsSaved(const gatehouse::Token& token);

private:
    void validate();

    ConsoleServices& m_services;
    qint64 m_tokenId = 0;
    RateLimitField* m_rateLimit = nullptr;
    AiLimitsFields* m_aiLimits = nullptr;
    FieldErrorLabel* m_serviceError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace gatehouse::ui

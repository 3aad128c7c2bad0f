#pragma once

#include "core/catalog/Token.h"
#include "core/common/Result.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

class ConsoleServices;
class FieldErrorLabel;

// Rotates one token: asks only how long the old token keeps working (none, 1 hour, 1 day,
// 7 days, or a custom duration such as "2h30m"), calls TokenService::rotate, and shows the new
// token once in an IssuedTokenDialog. A refusal keeps the dialog open with its reason.
class RotateTokenDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Grace { None, OneHour, OneDay, SevenDays, Custom };

    RotateTokenDialog(ConsoleServices& services, const Token& token, QWidget* parent = nullptr);

    // The grace period the form describes, in milliseconds.
    Result<qint64> graceMs() const;

Q_SIGNALS:
    void tokenIssued(const gatehouse::Token& replacement);

private:
    void validate();
    void rotate();

    ConsoleServices& m_services;
    Token m_token;
    QComboBox* m_grace = nullptr;
    QLineEdit* m_custom = nullptr;
    FieldErrorLabel* m_graceReason = nullptr;
    FieldErrorLabel* m_serviceError = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace gatehouse::ui

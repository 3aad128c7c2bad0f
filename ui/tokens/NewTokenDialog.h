#pragma once

#include "core/catalog/Token.h"
#include "core/catalog/TokenService.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

class AiLimitsFields;
class ConsoleServices;
class FieldErrorLabel;
class RateLimitField;

// Issues a token: consumer, optional name, one read-only or read-write scope per ticked API, a
// lifetime (presets, a custom date, or "never" behind its own checkbox and warning) and an
// optional rate limit and AI limits. Validates as the admin types, with the reason beside the field; Create
// stays disabled while anything is wrong. A refusal by TokenService keeps the dialog open with
// its reason; on success the plaintext goes straight into an IssuedTokenDialog.
class NewTokenDialog : public QDialog
{
    Q_OBJECT

public:
    // `consumer` is pre-selected when it exists (the page passes its consumer filter).
    NewTokenDialog(ConsoleServices& services, const QString& consumer = {}, QWidget* parent = nullptr);

    // Lifetime presets, in the order of the lifetime combo.
    enum class Lifetime { OneHour, OneDay, SevenDays, ThirtyDays, NinetyDays, CustomDate };

    bool isValid() const;
    // The scopes ticked, as the service takes them ("api:billing:read").
    QStringList scopes() const;

Q_SIGNALS:
    // After the commit; the page selects the new row.
    void tokenIssued(const gatehouse::Token& token);

private:
    struct ApiChoice
    {
        QString api;
        QCheckBox* enabled = nullptr;
        QComboBox* access = nullptr;
    };

    QWidget* buildScopes();
    void validate();
    // The expiry the form describes, at the services' clock now.
    Result<tokens::Expiry> expiry() const;
    void create();

    ConsoleServices& m_services;
    QComboBox* m_consumer = nullptr;
    FieldErrorLabel* m_consumerReason = nullptr;
    QLineEdit* m_name = nullptr;
    FieldErrorLabel* m_nameReason = nullptr;
    QList<ApiChoice> m_apis;
    FieldErrorLabel* m_scopesReason = nullptr;
    QComboBox* m_lifetime = nullptr;
    QDateTimeEdit* m_customExpiry = nullptr;
    QCheckBox* m_never = nullptr;
    QLabel* m_neverWarning = nullptr;
    FieldErrorLabel* m_expiryReason = nullptr;
    RateLimitField* m_rateLimit = nullptr;
    AiLimitsFields* m_aiLimits = nullptr;
    FieldErrorLabel* m_serviceError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace gatehouse::ui

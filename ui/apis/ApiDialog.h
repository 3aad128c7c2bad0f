#pragma once

#include "core/catalog/Api.h"
#include "core/common/Result.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace gatehouse::ui {

class ConsoleServices;
class FieldErrorLabel;

// Adds an API or edits one (renaming included). Every field is checked as the user types, by the
// rules ApiService applies, and the reason is shown below the field; OK stays disabled while
// anything is wrong. What only the service can know (a duplicate name or prefix) comes back on
// accept and is shown below the field it names, with the dialog still open.
// Opened with open(); deletes itself when closed.
class ApiDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing`: the API to edit; without it the dialog adds a new one.
    explicit ApiDialog(
        ConsoleServices& services, std::optional<Api> existing = std::nullopt, QWidget* parent = nullptr);

    bool isEditing() const { return m_existing.has_value(); }

    void accept() override;

Q_SIGNALS:
    // After the service committed: the API as stored. Emitted before the dialog closes.
    void saved(const gatehouse::Api& api);

private:
    QLineEdit* addLineEdit(const QString& objectName, const QString& placeholder);
    FieldErrorLabel* addErrorLabel(const QString& objectName, const QString& fieldLabel);
    void markTouched(QLineEdit* edit);
    // Checks every field; shows the reasons of touched fields. Returns the spec when all are valid.
    std::optional<ApiSpec> validate(bool showAll);
    void updateOkButton();
    void showServiceError(const Error& error);

    ConsoleServices& m_services;
    std::optional<Api> m_existing;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_upstream = nullptr;
    QLineEdit* m_prefix = nullptr;
    QCheckBox* m_stripPrefix = nullptr;
    QLineEdit* m_timeout = nullptr;
    QLineEdit* m_maxBody = nullptr;
    QLineEdit* m_rateLimit = nullptr;
    FieldErrorLabel* m_nameError = nullptr;
    FieldErrorLabel* m_upstreamError = nullptr;
    FieldErrorLabel* m_prefixError = nullptr;
    FieldErrorLabel* m_timeoutError = nullptr;
    FieldErrorLabel* m_maxBodyError = nullptr;
    FieldErrorLabel* m_rateLimitError = nullptr;
    FieldErrorLabel* m_formError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    QList<QLineEdit*> m_touched;
    // The service refused the last accept: OK stays disabled until the user changes something.
    bool m_refused = false;
};

} // namespace gatehouse::ui

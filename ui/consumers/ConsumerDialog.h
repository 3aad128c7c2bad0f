#pragma once

#include "core/catalog/Consumer.h"
#include "core/common/Result.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLineEdit;

namespace gatehouse::ui {

class AiLimitsFields;
class ConsoleServices;
class FieldErrorLabel;

// Adds a consumer or edits one (renaming included), with its AI budget. The name and description are checked as the
// user types, by ConsumerService's rules, with the reason below the field and OK disabled while
// anything is wrong; a refusal only the service can know (a duplicate name) keeps the dialog
// open with the reason below the field it names. Opened with open(); deletes itself when closed.
class ConsumerDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing`: the consumer to edit; without it the dialog adds a new one.
    explicit ConsumerDialog(
        ConsoleServices& services, std::optional<Consumer> existing = std::nullopt, QWidget* parent = nullptr);

    bool isEditing() const { return m_existing.has_value(); }

    void accept() override;

Q_SIGNALS:
    // After the service committed: the consumer as stored. Emitted before the dialog closes.
    void saved(const gatehouse::Consumer& consumer);

private:
    // Checks both fields; shows the reasons of touched fields (every field if `showAll`).
    bool validate(bool showAll);
    void updateOkButton();
    void showServiceError(const Error& error);

    ConsoleServices& m_services;
    std::optional<Consumer> m_existing;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    FieldErrorLabel* m_nameError = nullptr;
    FieldErrorLabel* m_descriptionError = nullptr;
    FieldErrorLabel* m_formError = nullptr;
    AiLimitsFields* m_budget = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    QList<QLineEdit*> m_touched;
    // The service refused the last accept: OK stays disabled until the user changes something.
    bool m_refused = false;
};

} // namespace gatehouse::ui

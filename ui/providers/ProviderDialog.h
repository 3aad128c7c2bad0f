#pragma once

#include "core/catalog/Provider.h"
#include "core/common/Result.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gatehouse::ui {

class ConsoleServices;
class FieldErrorLabel;

// Adds an AI provider or edits one. Fields are checked as the user types, by ProviderService's
// rules: name as for APIs; base URL required for openai-compatible (the type's public URL
// otherwise, shown as the placeholder); models one per line or comma separated; the API key (on
// add only, password echo) required for hosted types unless the base URL is on this machine, not
// taken by ollama. OK stays disabled while anything is wrong; what only the service can know (a
// duplicate name, no secret store) comes back on accept, below the field it names.
// Opened with open(); deletes itself when closed. The key field is cleared once used.
class ProviderDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProviderDialog(
        ConsoleServices& services, std::optional<Provider> existing = std::nullopt, QWidget* parent = nullptr);
    ~ProviderDialog() override;

    bool isEditing() const { return m_existing.has_value(); }

    void accept() override;

    // "a, b\nc" -> {a, b, c}: one per line or comma separated, blanks dropped.
    static QStringList parseModels(const QString& text);

Q_SIGNALS:
    // After the service committed: the provider as stored. Emitted before the dialog closes.
    void saved(const gatehouse::Provider& provider);

private:
    FieldErrorLabel* addErrorLabel(const QString& objectName, const QString& fieldLabel);
    void markTouched(QWidget* field);
    void changed();
    void typeChanged();
    std::optional<ProviderSpec> validate(bool showAll);
    void updateOkButton();
    void showServiceError(const Error& error);

    ConsoleServices& m_services;
    std::optional<Provider> m_existing;

    QLineEdit* m_name = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QPlainTextEdit* m_models = nullptr;
    QLineEdit* m_key = nullptr; // only when adding
    QLabel* m_keyState = nullptr; // only when editing
    FieldErrorLabel* m_nameError = nullptr;
    FieldErrorLabel* m_baseUrlError = nullptr;
    FieldErrorLabel* m_modelsError = nullptr;
    FieldErrorLabel* m_keyError = nullptr;
    FieldErrorLabel* m_formError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    QList<QWidget*> m_touched;
    bool m_refused = false;
};

} // namespace gatehouse::ui

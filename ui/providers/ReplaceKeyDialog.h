#pragma once

#include "core/catalog/Provider.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace gatehouse::ui {

class ConsoleServices;
class FieldErrorLabel;

// Asks for a provider's new API key (password echo) and stores it with ProviderService::setKey.
// The key is never shown again: the field is cleared as soon as it has been used, whether the
// store took it or not, and the dialog closes on success. Opened with open(); deletes itself.
class ReplaceKeyDialog : public QDialog
{
    Q_OBJECT

public:
    ReplaceKeyDialog(ConsoleServices& services, Provider provider, QWidget* parent = nullptr);
    ~ReplaceKeyDialog() override;

    void accept() override;

Q_SIGNALS:
    // After the key was stored: the provider as it is now (hasKey set).
    void saved(const gatehouse::Provider& provider);

private:
    void updateOkButton();

    ConsoleServices& m_services;
    Provider m_provider;
    QLineEdit* m_key = nullptr;
    FieldErrorLabel* m_keyError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui

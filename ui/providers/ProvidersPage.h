#pragma once

#include "core/catalog/Provider.h"
#include "core/common/Result.h"
#include "ui/common/CatalogTablePage.h"

#include <optional>

class QLabel;
class QPushButton;

namespace gatehouse::ai {
class ProviderModelsClient;
}

namespace gatehouse::ui {

class ConsoleServices;
class ProviderTableModel;

// The AI providers page: every provider the gateway reaches, whether its key is set (never the
// key), its models; the add/edit dialog and removal; and for the selected provider Test connection,
// Refresh models and Replace key. Both network calls run asynchronously (the GUI never waits on a
// provider), one at a time. A banner says where keys are kept when it is the encrypted-file
// fallback, and why keys cannot be kept at all when no store is available.
class ProvidersPage : public CatalogTablePage
{
    Q_OBJECT

public:
    explicit ProvidersPage(ConsoleServices& services, QWidget* parent = nullptr);
    ~ProvidersPage() override;

    QString title() const override;
    ProviderTableModel* model() const { return m_model; }

    // The selected provider's connection check and model listing (the buttons' slots).
    void testConnection();
    void refreshModels();
    void replaceKey();
    bool isBusy() const { return m_busy; }
    // For tests: the models client's timeout.
    ai::ProviderModelsClient* modelsClient() const { return m_client; }

Q_SIGNALS:
    // A Test connection or Refresh models finished (the result label says how).
    void checkFinished(bool ok);

protected:
    void addItem() override { openDialog(std::nullopt); }
    void editRow(int sourceRow) override;
    void removeRows(const QList<int>& sourceRows) override;
    Result<void> reloadModel() override;

private:
    ProvidersPage(ConsoleServices& services, ProviderTableModel* model, QWidget* parent);
    void openDialog(std::optional<Provider> existing);
    std::optional<Provider> selectedProvider() const;
    void updateButtons();
    // Reads the key (asynchronously, the keychain may prompt), then lists the models; a Refresh
    // stores them. The key lives in the SecretBytes of the read and the client's request only.
    enum class Check { Test, Refresh };
    void startCheck(Check check);
    void listModels(Check check, const Provider& provider, const QByteArray& key);
    void finishCheck(bool ok, const QString& message);

    ProviderTableModel* m_model = nullptr;
    ai::ProviderModelsClient* m_client = nullptr;
    QLabel* m_banner = nullptr;
    QPushButton* m_testButton = nullptr;
    QPushButton* m_refreshModelsButton = nullptr;
    QPushButton* m_replaceKeyButton = nullptr;
    QLabel* m_result = nullptr;
    bool m_busy = false;
};

} // namespace gatehouse::ui

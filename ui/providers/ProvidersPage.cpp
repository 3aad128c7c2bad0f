#include "ui/providers/ProvidersPage.h"

#include "core/ai/ProviderModelsClient.h"
#include "core/catalog/AliasService.h"
#include "core/catalog/ProviderService.h"
#include "core/common/SecretBytes.h"
#include "core/secrets/SecretStore.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/providers/ProviderDialog.h"
#include "ui/providers/ProviderTableModel.h"
#include "ui/providers/ReplaceKeyDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

ProvidersPage::ProvidersPage(ConsoleServices& services, QWidget* parent)
    : ProvidersPage(services, new ProviderTableModel(services), parent)
{ }

ProvidersPage::ProvidersPage(ConsoleServices& services, ProviderTableModel* model, QWidget* parent)
    : CatalogTablePage(services, model, ProviderTableModel::NameColumn, parent)
    , m_model(model)
    , m_client(new ai::ProviderModelsClient(nullptr, this))
{
    m_model->setParent(this);
    setObjectName(QStringLiteral("providersPage"));
    m_table->setObjectName(QStringLiteral("providers"));
    connect(m_model, &ProviderTableModel::reloadFailed, this, &ProvidersPage::reportReloadFailure);

    // Where the keys are: nothing to say for the keychain; the fallback file and the lack of any
    // store are said up front, before an admin types a key.
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("secretStoreBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    if (!m_services.secretStore()) {
        const QString reason = m_services.secretStoreUnavailable().isEmpty()
            ? tr("no secret store is available for provider keys")
            : m_services.secretStoreUnavailable();
        m_banner->setText(tr("Provider keys cannot be stored: %1. Providers that need no key (Ollama, or "
                             "a server on this machine) can still be added.")
                              .arg(reason));
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c14; }"));
    } else if (!m_services.secretStoreNotice().isEmpty()) {
        m_banner->setText(tr("Note: %1.").arg(m_services.secretStoreNotice()));
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; }"));
    }
    m_banner->setVisible(!m_banner->text().isEmpty());

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testButton->setToolTip(tr("Lists the provider's models with its key and says how long it took"));
    m_refreshModelsButton = new QPushButton(tr("Refresh &models"), this);
    m_refreshModelsButton->setObjectName(QStringLiteral("refreshModels"));
    m_refreshModelsButton->setToolTip(tr("Lists the models from the provider and stores them"));
    m_replaceKeyButton = new QPushButton(tr("Replace &key…"), this);
    m_replaceKeyButton->setObjectName(QStringLiteral("replaceKey"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("checkResult"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addWidget(m_refreshModelsButton);
    actions->addWidget(m_replaceKeyButton);
    actions->addWidget(m_result, 1);

    auto* pageLayout = qobject_cast<QVBoxLayout*>(layout());
    pageLayout->insertWidget(0, m_banner);
    pageLayout->addLayout(actions);

    connect(m_testButton, &QPushButton::clicked, this, &ProvidersPage::testConnection);
    connect(m_refreshModelsButton, &QPushButton::clicked, this, &ProvidersPage::refreshModels);
    connect(m_replaceKeyButton, &QPushButton::clicked, this, &ProvidersPage::replaceKey);
    connect(m_table, &FilterableTable::selectionChanged, this, &ProvidersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProvidersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProvidersPage::updateButtons);
    updateButtons();
}

ProvidersPage::~ProvidersPage() = default;

QString ProvidersPage::title() const
{
    return tr("AI Providers");
}

std::optional<Provider> ProvidersPage::selectedProvider() const
{
    const int row = m_table->currentSourceRow();
    if (row < 0)
        return std::nullopt;
    return m_model->rowAt(row).provider;
}

void ProvidersPage::updateButtons()
{
    const auto provider = selectedProvider();
    m_testButton->setEnabled(provider && !m_busy);
    m_refreshModelsButton->setEnabled(provider && !m_busy);
    m_replaceKeyButton->setEnabled(provider && providerType::takesKey(provider->type));
}

void ProvidersPage::openDialog(std::optional<Provider> existing)
{
    const QString previousName = existing ? existing->name : QString();
    auto* dialog = new ProviderDialog(m_services, std::move(existing), this);
    connect(dialog, &ProviderDialog::saved, this, [this, previousName](const Provider& provider) {
        announceSaved(m_model->rowOfId(provider.id), tr("AI provider"), previousName, provider.name);
    });
    dialog->open();
}

void ProvidersPage::editRow(int sourceRow)
{
    openDialog(m_model->rowAt(sourceRow).provider);
}

void ProvidersPage::removeRows(const QList<int>& rows)
{
    QStringList names;
    for (int row : rows)
        names.append(m_model->rowAt(row).provider.name);
    if (names.isEmpty())
        return;

    // Read now: the service refuses to remove a provider an alias names, so say so up front.
    QStringList naming;
    if (auto aliases = m_services.aliases.list()) {
        for (const ModelAlias& alias : std::as_const(*aliases)) {
            for (const ModelTarget& target : alias.targets) {
                if (names.contains(target.provider)) {
                    naming.append(alias.name);
                    break;
                }
            }
        }
    }
    const bool several = names.size() > 1;
    QString question = several
        ? tr("Remove %1 AI providers (%2) and their stored keys?").arg(names.size()).arg(names.join(u", "))
        : tr("Remove the AI provider \"%1\" and its stored key?").arg(names.first());
    question += QStringLiteral("\n\n");
    question += naming.isEmpty()
        ? tr("No model alias names it; requests for its models will fail once it is gone.")
        : tr("The model aliases %1 name it: they must be removed or changed first, so the removal will be "
             "refused.")
              .arg(naming.join(u", "));
    const auto answer
        = MessageBoxes::question(this, several ? tr("Remove AI providers") : tr("Remove AI provider"), question);
    if (answer != QMessageBox::Yes)
        return;

    int removed = 0;
    for (const QString& name : std::as_const(names)) {
        if (auto done = m_services.providers.remove(name); !done) {
            MessageBoxes::warning(this, tr("Remove AI provider"), done.error().toString());
            break;
        }
        ++removed;
    }
    if (removed == 1)
        Q_EMIT statusMessage(tr("AI provider %1 removed").arg(names.first()));
    else if (removed > 1)
        Q_EMIT statusMessage(tr("%1 AI providers removed").arg(removed));
}

Result<void> ProvidersPage::reloadModel()
{
    return m_model->reload();
}

void ProvidersPage::testConnection()
{
    startCheck(Check::Test);
}

void ProvidersPage::refreshModels()
{
    startCheck(Check::Refresh);
}

void ProvidersPage::replaceKey()
{
    const auto provider = selectedProvider();
    if (!provider || !providerType::takesKey(provider->type))
        return;
    auto* dialog = new ReplaceKeyDialog(m_services, *provider, this);
    connect(dialog, &ReplaceKeyDialog::saved, this,
        [this](const Provider& saved) { Q_EMIT statusMessage(tr("Key of %1 replaced").arg(saved.name)); });
    dialog->open();
}

void ProvidersPage::startCheck(Check check)
{
    const auto provider = selectedProvider();
    if (!provider || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_result->setStyleSheet(QString());
    m_result->setText(check == Check::Test ? tr("Connecting to %1…").arg(provider->name)
                                           : tr("Listing the models of %1…").arg(provider->name));
    if (!provider->hasKey) {
        listModels(check, *provider, QByteArray());
        return;
    }
    secrets::SecretStore* store = m_services.secretStore();
    auto entry = m_services.providers.secretKey(provider->id);
    if (!store || !entry) {
        finishCheck(false,
            !entry
                ? entry.error().message
                : (m_services.secretStoreUnavailable().isEmpty() ? tr("no secret store is available for provider keys")
                                                                 : m_services.secretStoreUnavailable()));
        return;
    }
    // The keychain may take a while (an unlock prompt): read asynchronously, never blocking the GUI.
    QPointer<ProvidersPage> self(this);
    const QString description = store->description();
    store->readAsync(*entry, [self, check, provider = *provider, description](Result<std::optional<SecretBytes>> key) {
        if (!self)
            return;
        if (!key) {
            self->finishCheck(false, key.error().message);
            return;
        }
        if (!key->has_value()) {
            self->finishCheck(
                false, tr("the key of %1 is missing from %2; replace it").arg(provider.name, description));
            return;
        }
        self->listModels(check, provider, (*key)->view().toByteArray());
    });
}

void ProvidersPage::listModels(Check check, const Provider& provider, const QByteArray& key)
{
    m_client->list(provider.type, provider.baseUrl, key,
        [this, check, name = provider.name](Result<ai::ProviderModelsClient::Listing> listing) {
            if (!listing) {
                finishCheck(false, listing.error().message);
                return;
            }
            if (check == Check::Test) {
                finishCheck(true, tr("OK, %1 models, %2 ms").arg(listing->models.size()).arg(listing->latencyMs));
                return;
            }
            auto stored = m_services.providers.setModels(name, listing->models, true);
            if (!stored) {
                finishCheck(false, stored.error().message);
                return;
            }
            finishCheck(true, tr("%1 models listed from %2").arg(listing->models.size()).arg(name));
        });
}

void ProvidersPage::finishCheck(bool ok, const QString& message)
{
    m_busy = false;
    if (ok) {
        m_result->setStyleSheet(QString());
        m_result->setText(message);
    } else {
        m_result->setStyleSheet(QStringLiteral("QLabel { color: #c01c28; }"));
        m_result->setText(tr("Failed: %1").arg(message));
    }
    updateButtons();
    Q_EMIT statusMessage(m_result->text());
    Q_EMIT checkFinished(ok);
}

} // namespace gatehouse::ui

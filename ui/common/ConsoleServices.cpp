#include "ui/common/ConsoleServices.h"

#include "core/catalog/Catalog.h"
#include "core/common/Actor.h"
#include "core/secrets/SecretStore.h"

namespace gatehouse::ui {

ConsoleServices::ConsoleServices(Catalog& catalog_, const Clock& clock_, const QString& actor)
    : catalog(catalog_)
    , clock(clock_)
    , apis(catalog_, actor)
    , consumers(catalog_, actor)
    , tokens(catalog_, actor)
    , audit(catalog_)
    , providers(catalog_, actor)
    , aliases(catalog_, actor)
    , revisions(catalog_.changes())
{ }

ConsoleServices::~ConsoleServices()
{
    providers.setSecretStore(nullptr);
}

QString ConsoleServices::defaultActor()
{
    return localActor(u"console");
}

void ConsoleServices::useSecretStoreSelection(Result<secrets::SecretStoreSelector::Selection> selection)
{
    if (!selection) {
        setSecretStoreUnavailable(selection.error().message);
        return;
    }
    useSecretStore(std::move(selection->store), selection->notice);
}

void ConsoleServices::useSecretStore(std::unique_ptr<secrets::SecretStore> store, const QString& notice)
{
    providers.setSecretStore(store.get());
    m_secretStore = std::move(store);
    m_secretStoreNotice = notice;
    m_secretStoreUnavailable.clear();
}

void ConsoleServices::setSecretStoreUnavailable(const QString& reason)
{
    providers.setSecretStore(nullptr, reason);
    m_secretStore.reset();
    m_secretStoreNotice.clear();
    m_secretStoreUnavailable = reason;
}

} // namespace gatehouse::ui

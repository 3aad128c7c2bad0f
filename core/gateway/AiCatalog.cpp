#include "core/gateway/AiCatalog.h"

namespace gatehouse::gateway {

AiCatalog::AiCatalog(QString catalogId, QList<AiProviderRoute> providers, QList<AiAliasRoute> aliases)
    : m_catalogId(std::move(catalogId))
    , m_providers(std::move(providers))
    , m_aliases(std::move(aliases))
{ }

// A handful of providers and aliases: a linear scan beats hashing here.
const AiProviderRoute* AiCatalog::provider(QStringView name) const
{
    for (const AiProviderRoute& provider : m_providers) {
        if (provider.name == name)
            return &provider;
    }
    return nullptr;
}

const AiAliasRoute* AiCatalog::alias(QStringView name) const
{
    for (const AiAliasRoute& alias : m_aliases) {
        if (alias.name == name)
            return &alias;
    }
    return nullptr;
}

QList<AiModelRef> AiCatalog::resolve(QStringView model) const
{
    if (const AiAliasRoute* named = alias(model))
        return named->targets;
    const qsizetype slash = model.indexOf(u'/');
    if (slash <= 0 || slash == model.size() - 1)
        return {};
    const QStringView providerName = model.first(slash);
    if (!provider(providerName))
        return {};
    return {AiModelRef {providerName.toString(), model.sliced(slash + 1).toString()}};
}

} // namespace gatehouse::gateway

#pragma once

#include "core/common/Result.h"

namespace gatehouse {

class AliasService;
class ApiService;
class Clock;
class ProviderService;
class ConsumerService;
class TokenService;

// Fills an empty catalog with a small, realistic set: a few APIs, consumers and tokens in every
// state (active, expiring soon, expired by revocation, rotated with a grace period), so that the
// console has something to show on first launch. Goes through the services like any admin.
class DemoCatalog
{
public:
    DemoCatalog(const Clock& clock, ApiService& apis, ConsumerService& consumers, TokenService& tokens)
        : m_clock(clock)
        , m_apis(apis)
        , m_consumers(consumers)
        , m_tokens(tokens)
    { }

    // Also a local Ollama provider (it needs no key, so no secret store), an alias for it and a token that may use
    // it, so that the AI Providers page and the AI routes have something to show.
    void addAi(ProviderService& providers, AliasService& aliases)
    {
        m_providers = &providers;
        m_aliases = &aliases;
    }

    // Refuses (Conflict) if the catalog already holds consumers or APIs. Returns the tokens created.
    Result<int> fill();
    Result<bool> isEmpty() const;

private:
    const Clock& m_clock;
    ApiService& m_apis;
    ConsumerService& m_consumers;
    TokenService& m_tokens;
    ProviderService* m_providers = nullptr;
    AliasService* m_aliases = nullptr;
};

} // namespace gatehouse

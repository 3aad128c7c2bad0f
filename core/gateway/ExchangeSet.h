#pragma once

#include "core/gateway/Admission.h"
#include "core/gateway/AiRouteExchange.h"
#include "core/gateway/ApiProxyExchange.h"

namespace gatehouse::gateway {

class ClientConnection;
class UpstreamPool;

// The exchanges of one ClientConnection, one of each kind, held by value and reused request after request; a new
// kind of exchange (MCP) is added here and to AdmissionDecision::Action, not to the transport.
class ExchangeSet
{
public:
    ExchangeSet(ClientConnection& connection, UpstreamPool& pool);

    // The exchange that carries out what admission decided; null for a refusal, which the transport answers.
    Exchange* forAction(AdmissionDecision::Action action);

private:
    ApiProxyExchange m_api;
    AiRouteExchange m_ai;
};

} // namespace gatehouse::gateway

#include "core/gateway/GatewayControl.h"

#include "core/gateway/Engine.h"
#include "core/gateway/ListeningSocket.h"

namespace gatehouse::gateway {

std::unique_ptr<GatewayControl> GatewayControl::create(Catalog& catalog, const Clock& clock)
{
    return std::make_unique<Engine>(catalog, clock);
}

quint16 GatewayControl::firstFreePort(const QHostAddress& address, quint16 from)
{
    return ListeningSocket::firstFreePort(address, from);
}

} // namespace gatehouse::gateway

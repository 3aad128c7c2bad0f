#include "core/gateway/ExchangeSet.h"

namespace gatehouse::gateway {

ExchangeSet::ExchangeSet(ClientConnection& connection, UpstreamPool& pool)
    : m_api(connection, pool)
    , m_ai(connection, pool)
{ }

Exchange* ExchangeSet::forAction(AdmissionDecision::Action action)
{
    switch (action) {
    case AdmissionDecision::Action::Refuse:
        return nullptr;
    case AdmissionDecision::Action::Forward:
        return &m_api;
    case AdmissionDecision::Action::ReadAiBody:
        return &m_ai;
    }
    return nullptr;
}

} // namespace gatehouse::gateway

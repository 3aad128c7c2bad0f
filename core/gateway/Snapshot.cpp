#include "core/gateway/Snapshot.h"

#include <algorithm>

namespace gatehouse::gateway {

Snapshot::Snapshot(qint64 revision, QList<Route> routes, QList<TokenGrant> tokens, AiCatalog ai)
    : m_revision(revision)
    , m_routes(std::move(routes))
    , m_tokens(std::move(tokens))
    , m_ai(std::move(ai))
{
    std::stable_sort(m_routes.begin(), m_routes.end(),
        [](const Route& a, const Route& b) { return a.prefix.size() > b.prefix.size(); });
    m_byHash.reserve(m_tokens.size());
    m_byId.reserve(m_tokens.size());
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        const QByteArray& hash = m_tokens[i].secretHash;
        m_byHash.emplace(std::string(hash.constData(), size_t(hash.size())), i);
        m_byId.insert(m_tokens[i].id, i);
    }
}

const Route* Snapshot::route(QByteArrayView path) const
{
    for (const Route& route : m_routes) {
        if (route.prefix == "/")
            return &route;
        if (!path.startsWith(route.prefix))
            continue;
        if (path.size() == route.prefix.size())
            return &route;
        const char next = path[route.prefix.size()];
        if (next == '/' || next == '?')
            return &route;
    }
    return nullptr;
}

const TokenGrant* Snapshot::tokenByHash(QByteArrayView sha256) const
{
    const auto found = m_byHash.find(std::string_view(sha256.data(), size_t(sha256.size())));
    return found == m_byHash.end() ? nullptr : &m_tokens[found->second];
}

const TokenGrant* Snapshot::tokenById(qint64 id) const
{
    const auto found = m_byId.constFind(id);
    return found == m_byId.constEnd() ? nullptr : &m_tokens[*found];
}

} // namespace gatehouse::gateway

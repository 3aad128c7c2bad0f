#pragma once

#include "core/catalog/AiLimits.h"
#include "core/gateway/AiCatalog.h"
#include "core/gateway/Route.h"
#include "core/tokens/ScopeSet.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace gatehouse::gateway {

// One token as the gateway checks it: no plaintext, only what the decision needs.
struct TokenGrant
{
    qint64 id = 0;
    qint64 consumerId = 0;
    QByteArray secretHash; // SHA-256 of the token: the index key
    QString consumerName;
    QString name;
    QString hint;
    tokens::ScopeSet scopes;
    qint64 expiresAtMs = 0; // 0: never
    qint64 revokedAtMs = 0; // 0: not revoked; may lie in the future (a rotation's grace period)
    RateLimit rateLimit;
    AiLimits aiLimits; // the token's own budget and per-minute limits on the AI routes
    UsageBudget consumerBudget; // its consumer's budget, shared with the consumer's other tokens

    bool isRevokedAt(qint64 nowMs) const { return revokedAtMs != 0 && revokedAtMs <= nowMs; }
    bool isExpiredAt(qint64 nowMs) const { return expiresAtMs != 0 && expiresAtMs <= nowMs; }
    bool isUsableAt(qint64 nowMs) const { return !isRevokedAt(nowMs) && !isExpiredAt(nowMs); }
};

// An immutable picture of the catalog at one revision: routes and the token index by hash.
// Workers hold a shared_ptr to it and read it without locks; a new revision builds a new one.
class Snapshot
{
public:
    Snapshot(qint64 revision, QList<Route> routes, QList<TokenGrant> tokens, AiCatalog ai = {});

    qint64 revision() const { return m_revision; }

    // The API whose prefix is the longest one that matches `path` on a segment boundary:
    // "/billing" matches "/billing", "/billing/x" and "/billing?x", never "/billingx".
    const Route* route(QByteArrayView path) const;
    const TokenGrant* tokenByHash(QByteArrayView sha256) const;
    const TokenGrant* tokenById(qint64 id) const;
    const QList<Route>& routes() const { return m_routes; }
    qsizetype tokenCount() const { return m_tokens.size(); }
    const AiCatalog& ai() const { return m_ai; }

private:
    // Keys are SHA-256 digests, already uniform: their first eight bytes are a perfect hash.
    // Transparent, so that a lookup with the request's digest allocates nothing.
    struct DigestHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view digest) const
        {
            size_t value = 0;
            std::memcpy(&value, digest.data(), qMin(digest.size(), sizeof value));
            return value;
        }
    };

    qint64 m_revision = 0;
    QList<Route> m_routes; // longest prefix first
    QList<TokenGrant> m_tokens;
    std::unordered_map<std::string, qsizetype, DigestHash, std::equal_to<>> m_byHash;
    QHash<qint64, qsizetype> m_byId;
    AiCatalog m_ai;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

} // namespace gatehouse::gateway

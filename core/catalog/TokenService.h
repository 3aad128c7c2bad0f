#pragma once

#include "core/catalog/Token.h"
#include "core/catalog/TokenState.h"
#include "core/common/Result.h"
#include "core/common/SecretBytes.h"
#include "core/tokens/Duration.h"

#include <QList>
#include <QObject>

#include <optional>

namespace gatehouse {

class Catalog;

struct TokenRequest
{
    QString consumer;
    QString name; // empty: "<consumer> <date>"
    QStringList scopes;
    tokens::Expiry expiry; // required; `never` only when the admin asked for it explicitly
    QString rateLimit; // "10/s", "600/m"; empty: the API's default
    AiLimits aiLimits;
};

// How fast a token may go and how much AI usage it may spend; set at creation and changed with setLimits().
struct TokenLimits
{
    QString rateLimit;
    AiLimits aiLimits;
};

// A token that was just minted: the catalog row and the plaintext, which exists only here and is
// shown to the admin once. SecretBytes wipes it when this object dies.
struct IssuedToken
{
    Token token;
    SecretBytes plaintext;
};

struct TokenFilter
{
    QString consumer; // empty: every consumer
    std::optional<TokenState> state; // Active matches every usable token, Expiring included
    qint64 expiringWindowMs = tokenState::kDefaultExpiringWindowMs;
};

// The whole life of a bearer token: create, list, revoke, rotate. Every writer (console, CLI)
// goes through here, so the rules live in one place.
class TokenService : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxNameLength = 100;

    TokenService(Catalog& catalog, QString actor, QObject* parent = nullptr);

    Result<IssuedToken> create(const TokenRequest& request);
    // Immediate and idempotent: revoking a revoked token changes nothing and succeeds.
    Result<Token> revoke(qint64 id, const QString& reason = {});
    // A new token for the same consumer, name, scopes and lifetime length. The old one keeps
    // working until `graceMs` from now (0: it stops at once).
    Result<IssuedToken> rotate(qint64 id, qint64 graceMs = 0);
    // Replaces the token's rate limit, budgets and AI limits; the gateway applies them from its next snapshot.
    Result<Token> setLimits(qint64 id, const TokenLimits& limits);

    Result<QList<Token>> list(const TokenFilter& filter = {}) const;
    Result<Token> find(qint64 id) const;
    Result<Token> findByHash(QByteArrayView sha256) const;
    // Checks the token's format and checksum before hashing it and looking it up.
    Result<Token> findBySecret(QByteArrayView plaintext) const;

    TokenState state(const Token& token, qint64 expiringWindowMs = tokenState::kDefaultExpiringWindowMs) const;

Q_SIGNALS:
    void tokenCreated(const gatehouse::Token& token);
    void tokenRevoked(const gatehouse::Token& token);
    void tokenRotated(const gatehouse::Token& previous, const gatehouse::Token& replacement);
    void tokenLimitsChanged(const gatehouse::Token& token);

private:
    Result<void> checkScopesExist(const QStringList& apiNames) const;

    Catalog& m_catalog;
    QString m_actor;
};

} // namespace gatehouse

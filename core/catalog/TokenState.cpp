#include "core/catalog/TokenState.h"

#include "core/catalog/Token.h"

namespace gatehouse::tokenState {

TokenState of(const Token& token, const QDateTime& now, qint64 expiringWindowMs)
{
    // A revocation can be scheduled (the end of a rotation's grace period): it counts once reached.
    if (token.revoked.isValid() && token.revoked <= now)
        return TokenState::Revoked;
    if (token.expires.isValid()) {
        if (token.expires <= now)
            return TokenState::Expired;
        if (now.msecsTo(token.expires) <= expiringWindowMs)
            return TokenState::Expiring;
    }
    return TokenState::Active;
}

bool isUsable(const Token& token, const QDateTime& now)
{
    const TokenState state = of(token, now, 0);
    return state == TokenState::Active || state == TokenState::Expiring;
}

QString name(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return QStringLiteral("active");
    case TokenState::Expiring:
        return QStringLiteral("expiring");
    case TokenState::Expired:
        return QStringLiteral("expired");
    case TokenState::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

std::optional<TokenState> fromName(QStringView text)
{
    for (TokenState state : {TokenState::Active, TokenState::Expiring, TokenState::Expired, TokenState::Revoked}) {
        if (text == name(state))
            return state;
    }
    return std::nullopt;
}

} // namespace gatehouse::tokenState

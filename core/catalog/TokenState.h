#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace gatehouse {

struct Token;

// Where a token stands at a moment: the lifecycle rules in one place, shared by the CLI, the
// console's badges, the timeline and the gateway's snapshot.
enum class TokenState {
    Active, // usable, and not expiring within the "expiring soon" window
    Expiring, // usable, but expires within the window
    Expired, // past its expiry
    Revoked, // revoked, or rotated away and past its grace period
};

namespace tokenState {

inline constexpr qint64 kDefaultExpiringWindowMs = 7LL * 24 * 3600 * 1000;

TokenState of(const Token& token, const QDateTime& now, qint64 expiringWindowMs = kDefaultExpiringWindowMs);
// Whether the gateway would accept the token at `now` (active or expiring).
bool isUsable(const Token& token, const QDateTime& now);

QString name(TokenState state); // "active", "expiring", "expired", "revoked"
std::optional<TokenState> fromName(QStringView name);

} // namespace tokenState

} // namespace gatehouse

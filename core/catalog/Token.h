#pragma once

#include "core/catalog/AiLimits.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// A bearer token as the catalog keeps it: never the plaintext, only its SHA-256 and a hint.
struct Token
{
    qint64 id = 0;
    qint64 consumerId = 0;
    QString consumerName;
    QString name;
    QStringList scopes;
    QDateTime created;
    QDateTime expires; // invalid means "never" (only when asked for explicitly)
    QDateTime revoked; // when it stops working; may lie in the future during a rotation's grace period
    QString revokeReason;
    QDateTime lastUsed;
    QString lastUsedAddress;
    qint64 rotatedFrom = 0; // the token this one replaced, 0 if none
    QDateTime graceEnds; // set on a token that was rotated away: it works until then
    QByteArray secretHash; // SHA-256 of the whole token
    QString hint; // its last four characters, for recognising it in the console
    QString rateLimit; // "10/s", "600/m", "" for the API's default
    AiLimits aiLimits; // budgets and per-minute limits on the AI routes

    bool neverExpires() const { return !expires.isValid(); }

    bool operator==(const Token&) const = default;
};

} // namespace gatehouse

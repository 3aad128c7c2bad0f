#pragma once

#include "core/catalog/Token.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

namespace gatehouse::ui {

// How many tokens name an API in their scopes (api:NAME, api:NAME:read, api:NAME:write).
struct TokenMentions
{
    int granting = 0; // usable at `now`: removing or breaking the API affects them
    int all = 0; // expired and revoked ones included

    bool operator==(const TokenMentions&) const = default;
};

// For every API named by some token: one pass over the tokens, each token's scopes parsed once.
QHash<QString, TokenMentions> tokenMentionsByApi(const QList<Token>& tokens, const QDateTime& now);
// Distinct tokens that name at least one of `apiNames`.
TokenMentions tokenMentionsOf(const QList<Token>& tokens, const QStringList& apiNames, const QDateTime& now);

} // namespace gatehouse::ui

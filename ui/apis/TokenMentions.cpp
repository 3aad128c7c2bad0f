#include "ui/apis/TokenMentions.h"

#include "core/catalog/TokenState.h"
#include "core/tokens/ScopeSet.h"

#include <algorithm>

namespace gatehouse::ui {

namespace {

// The same reading of stored scopes as the gateway's snapshot: an entry that does not parse
// grants nothing, so it names nothing here either.
QStringList apiNamesOf(const Token& token)
{
    return tokens::ScopeSet::fromStorage(token.scopes.join(u' ')).apiNames();
}

} // namespace

QHash<QString, TokenMentions> tokenMentionsByApi(const QList<Token>& tokens, const QDateTime& now)
{
    QHash<QString, TokenMentions> byApi;
    for (const Token& token : tokens) {
        const bool usable = tokenState::isUsable(token, now);
        const QStringList names = apiNamesOf(token);
        for (const QString& name : names) {
            TokenMentions& mentions = byApi[name];
            ++mentions.all;
            if (usable)
                ++mentions.granting;
        }
    }
    return byApi;
}

TokenMentions tokenMentionsOf(const QList<Token>& tokens, const QStringList& apiNames, const QDateTime& now)
{
    TokenMentions mentions;
    for (const Token& token : tokens) {
        const QStringList names = apiNamesOf(token);
        const bool mentioned
            = std::any_of(names.cbegin(), names.cend(), [&](const QString& name) { return apiNames.contains(name); });
        if (!mentioned)
            continue;
        ++mentions.all;
        if (tokenState::isUsable(token, now))
            ++mentions.granting;
    }
    return mentions;
}

} // namespace gatehouse::ui

#pragma once

#include "core/catalog/AiLimits.h"

#include <QDateTime>
#include <QString>

namespace gatehouse {

// Who holds tokens: an app, a team or a script.
struct Consumer
{
    qint64 id = 0;
    QString name;
    QString description;
    QDateTime created;
    UsageBudget budget; // shared by all of its tokens, on top of each token's own
    // Derived when listed: tokens usable now, and the latest use of any of its tokens.
    int activeTokens = 0;
    QDateTime lastUsed;

    bool operator==(const Consumer&) const = default;
};

} // namespace gatehouse

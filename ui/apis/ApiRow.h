#pragma once

#include "core/catalog/Api.h"

namespace gatehouse::ui {

// One row of the APIs table: the API and how many tokens name it. The counts belong to the row
// so that a token created or revoked elsewhere turns into a dataChanged of that row.
struct ApiRow
{
    qint64 id = 0; // the API's id
    Api api;
    int grantingTokens = 0; // usable tokens whose scopes name the API
    int mentioningTokens = 0; // every token whose scopes name it, expired and revoked ones too

    bool operator==(const ApiRow&) const = default;
};

} // namespace gatehouse::ui

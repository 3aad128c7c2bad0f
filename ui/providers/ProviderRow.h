#pragma once

#include "core/catalog/Provider.h"

namespace gatehouse::ui {

// One row of the AI providers table. Holds no key: the catalog only knows whether one is set.
struct ProviderRow
{
    qint64 id = 0; // the provider's id
    Provider provider;

    bool operator==(const ProviderRow&) const = default;
};

} // namespace gatehouse::ui

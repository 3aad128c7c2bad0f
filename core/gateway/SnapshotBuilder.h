#pragma once

#include "core/common/Result.h"
#include "core/gateway/Snapshot.h"

#include <QSqlDatabase>

namespace gatehouse::gateway {

// Reads the catalog into a new immutable Snapshot. Runs on the engine's control thread when the
// revision changes, never on the request path.
class SnapshotBuilder
{
public:
    static Result<SnapshotPtr> build(const QSqlDatabase& db);

    // An upstream URL split into what the proxy needs.
    static bool fillUpstream(Route& route, const QUrl& upstream);
};

} // namespace gatehouse::gateway

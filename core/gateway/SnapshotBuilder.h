#pragma once

#include "core/common/Result.h"
#include "core/gateway/Snapshot.h"

#include <QHash>
#include <QSqlDatabase>

namespace gatehouse::gateway {

// Reads the catalog into a new immutable Snapshot. Runs on the engine's control thread when the
// revision changes, never on the request path.
class SnapshotBuilder
{
public:
    // An API key as the engine read it from the secret store (never from SQL), for one version of its provider's
    // row (its updated_at): a provider edited since, its key perhaps replaced, is read again.
    struct ProviderKey
    {
        qint64 version = 0;
        QByteArray key;
    };
    using ProviderKeys = QHash<qint64, ProviderKey>; // by provider id

    static Result<SnapshotPtr> build(const QSqlDatabase& db, const ProviderKeys& keys = {});
    // The AI providers and model aliases, with the keys given.
    static Result<AiCatalog> buildAi(const QSqlDatabase& db, const ProviderKeys& keys);

    // An upstream URL split into what the proxy needs.
    static bool fillUpstream(Route& route, const QUrl& upstream);
};

} // namespace gatehouse::gateway

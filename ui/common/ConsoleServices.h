#pragma once

#include "core/catalog/ApiService.h"
#include "core/catalog/AuditLog.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/RevisionWatcher.h"
#include "core/tokens/TokenService.h"

namespace gatehouse {
class Catalog;
class Clock;
} // namespace gatehouse

namespace gatehouse::ui {

// The core services every page works through, on the catalog the console opened. Pages never
// touch SQL: they call these and reread when `revisions` says the catalog moved.
class ConsoleServices
{
public:
    ConsoleServices(Catalog& catalog, const Clock& clock, const QString& actor = defaultActor());
    Q_DISABLE_COPY_MOVE(ConsoleServices)

    // "console:<login name>", as the audit trail shows it.
    static QString defaultActor();

    Catalog& catalog;
    const Clock& clock;
    ApiService apis;
    ConsumerService consumers;
    TokenService tokens;
    AuditLog audit;
    RevisionWatcher revisions;
};

} // namespace gatehouse::ui

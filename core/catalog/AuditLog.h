#pragma once

#include "core/catalog/AuditEvent.h"
#include "core/common/Result.h"

#include <QList>

namespace gatehouse {

class Catalog;

struct AuditFilter
{
    int limit = 100; // newest first
    QString text; // matched against actor, action and subject; empty: everything
};

// Reads the audit trail. Events are written by the services, inside their own transactions.
class AuditLog
{
public:
    explicit AuditLog(const Catalog& catalog)
        : m_catalog(catalog)
    { }

    Result<QList<AuditEvent>> list(const AuditFilter& filter = {}) const;

private:
    const Catalog& m_catalog;
};

} // namespace gatehouse

#include "core/catalog/AuditLog.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/sql/AuditRepository.h"

namespace gatehouse {

Result<QList<AuditEvent>> AuditLog::list(const AuditFilter& filter) const
{
    return auditRepository::list(m_catalog.database(), filter);
}

} // namespace gatehouse

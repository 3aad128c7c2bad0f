#pragma once

#include <QString>

namespace gatehouse {

// Who the audit trail names for a change made here: the tool and the login name, as in
// "cli:alice" or "console:alice" (just the tool when no login name is known).
QString localActor(QStringView tool);

} // namespace gatehouse

#pragma once

#include "core/requestlog/RequestEvent.h"

#include <QString>

namespace gatehouse {

// A request as read back from the log, with the names its ids stood for when it is read. Its own header so that
// those who only show or export rows (the console, the CLI) need not see how the log is stored.
struct LoggedRequest
{
    qint64 id = 0;
    RequestEvent event;
    QString tokenName;
    QString tokenHint;
};

} // namespace gatehouse

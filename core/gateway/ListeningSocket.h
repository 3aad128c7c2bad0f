#pragma once

#include "core/common/Result.h"

#include <QHostAddress>

namespace gatehouse::gateway {

// Opens a listening TCP socket by hand, so that SO_REUSEPORT can be set before bind(): each
// worker then has its own accept queue on the same port and the kernel balances between them.
class ListeningSocket
{
public:
    // Binds `address:port` (port 0: any free port) with SO_REUSEADDR, and SO_REUSEPORT if asked.
    static Result<qintptr> open(const QHostAddress& address, quint16 port, bool reusePort, int backlog = 1024);
    static quint16 localPort(qintptr descriptor);
    static void close(qintptr descriptor);
};

} // namespace gatehouse::gateway

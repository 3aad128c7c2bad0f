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
    // Takes one connection from the queue of `listening`: its descriptor (close-on-exec), or -1 with errno's value
    // in `error` (EAGAIN: the queue is empty). Unlike QTcpServer, which in Qt 6.4 takes EMFILE for a passing error
    // and tries again at once, for ever, this lets the caller tell the errors apart.
    static qintptr accept(qintptr listening, int& error);
    static void close(qintptr descriptor);
    // The first port from `from` on that nobody listens on now (0 if none among `attempts`), to
    // offer when the chosen one is taken. Only a suggestion: someone may take it before we do.
    static quint16 firstFreePort(const QHostAddress& address, quint16 from, int attempts = 50);
};

} // namespace gatehouse::gateway

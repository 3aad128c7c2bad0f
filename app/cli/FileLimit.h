#pragma once

#include <QtGlobal>

namespace gatehouse::cli {

// The descriptors `serve` may hold (RLIMIT_NOFILE), and how many client connections fit in them.
class FileLimit
{
public:
    // Descriptors kept out of the connections' share: the catalog and request log (SQLite with its WAL and shared
    // memory), the listening sockets, each thread's epoll and event descriptors, the admin listener's connections
    // (at most 64), standard streams and what Qt and OpenSSL open on their own.
    static constexpr qint64 kReserved = 128;
    static constexpr qint64 kReservedPerWorker = 4;

    // Raises the soft limit to the hard one (the soft default, often 1024, is far below what a gateway needs);
    // the soft limit in force afterwards, or -1 if it cannot be read (or is unlimited).
    static qint64 raiseToHard();
    // The most client connections `limit` descriptors carry: each proxied connection may hold two, its own and
    // its upstream's. At least 1.
    static int maxConnectionsFor(qint64 limit, int workers);
};

} // namespace gatehouse::cli

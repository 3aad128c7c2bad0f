#pragma once

#include <QByteArray>
#include <QNetworkProxy>

namespace gatehouse::gateway {

// The proxy the system's settings name for a TCP connection to an upstream (Qt's proxy factory: on Linux,
// libproxy, that is the desktop's proxy settings, the environment or a PAC file), or NoProxy.
//
// Asked once per upstream when a snapshot is built, on the engine's thread, and set on each upstream socket:
// left to Qt, every new socket asks at connectToHost(), on a worker thread, which then waits for libproxy's
// helper thread (and, with a PAC file, for the network) before it can serve any other connection.
QNetworkProxy upstreamProxy(const QByteArray& host, quint16 port);

} // namespace gatehouse::gateway

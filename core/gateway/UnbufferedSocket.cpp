#include "core/gateway/UnbufferedSocket.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace gatehouse::gateway {

bool adoptUnbuffered(QTcpSocket& socket, qintptr descriptor)
{
    // Qt 6.4 turns a socket's buffering off only in connectToHost(QIODevice::Unbuffered), and
    // setSocketDescriptor() keeps what the socket had. So connect first in a way that fails at once,
    // without a system call or a host lookup: an IPv6 literal asked for over IPv4 leaves no address to
    // try. The socket is then unconnected and unbuffered, and adopts the descriptor. No proxy: with the default
    // one, connectToHost() first asks the system's proxy settings (libproxy, on a helper thread it waits for).
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(
        QStringLiteral("::"), 0, QIODevice::ReadWrite | QIODevice::Unbuffered, QAbstractSocket::IPv4Protocol);
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.abort();
    return socket.setSocketDescriptor(
        descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered);
}

} // namespace gatehouse::gateway

#include "core/gateway/ListeningSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::gateway {

Result<qintptr> ListeningSocket::open(const QHostAddress& address, quint16 port, bool reusePort, int backlog)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error::runtime(
            QStringLiteral("cannot create a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);

    sockaddr_storage storage {};
    socklen_t length = 0;
    if (v6) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof *in6;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in4;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 || ::listen(fd, backlog) != 0) {
        const int error = errno;
        ::close(fd);
        // A taken port is the caller's to resolve (pick another), so it is a conflict on "listen".
        if (error == EADDRINUSE) {
            return Error::conflict(QStringLiteral("listen"),
                QStringLiteral("cannot listen on %1:%2: the port is already in use").arg(address.toString()).arg(port));
        }
        return Error::runtime(QStringLiteral("cannot listen on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(QString::fromLocal8Bit(std::strerror(error))));
    }
    return qintptr(fd);
}

quint16 ListeningSocket::localPort(qintptr descriptor)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getsockname(int(descriptor), reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
}

qintptr ListeningSocket::accept(qintptr listening, int& error)
{
    const int fd = ::accept4(int(listening), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    error = fd < 0 ? errno : 0;
    return fd;
}

void ListeningSocket::close(qintptr descriptor)
{
    ::close(int(descriptor));
}

quint16 ListeningSocket::firstFreePort(const QHostAddress& address, quint16 from, int attempts)
{
    for (int i = 0; i < attempts && int(from) + i <= 65535; ++i) {
        const auto port = quint16(from + i);
        auto probe = open(address, port, false, 1);
        if (probe) {
            close(*probe);
            return port;
        }
    }
    return 0;
}

} // namespace gatehouse::gateway

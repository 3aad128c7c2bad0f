#pragma once

#include <QtGlobal>

class QTcpSocket;

namespace gatehouse::gateway {

// Gives an accepted connection's descriptor to `socket` in Qt's unbuffered mode: read() then takes
// the kernel's bytes straight into the caller's buffer, where buffered mode asks FIONREAD before every
// read and copies through a ring buffer; write() goes to the kernel at once. Unbuffered, the end of the
// stream shows as read() == -1 after a readyRead, never as disconnected(). Returns false if the
// descriptor was refused.
bool adoptUnbuffered(QTcpSocket& socket, qintptr descriptor);

} // namespace gatehouse::gateway

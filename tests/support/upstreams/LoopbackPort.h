#pragma once

#include <QtGlobal>

namespace gatehouse::test {

// A loopback port that nothing listens on: the system's choice for a server that is closed again at once.
// For a test that starts a listener of its own there, or that expects a connection to be refused. 0 if no port
// could be had.
quint16 unusedLoopbackPort();

} // namespace gatehouse::test

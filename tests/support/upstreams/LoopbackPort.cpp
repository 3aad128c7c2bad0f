#include "tests/support/upstreams/LoopbackPort.h"

#include <QTcpServer>

namespace gatehouse::test {

quint16 unusedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed as `probe` goes
}

} // namespace gatehouse::test

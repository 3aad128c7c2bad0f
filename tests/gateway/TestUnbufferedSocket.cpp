#include "core/gateway/UnbufferedSocket.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace gatehouse::gateway;

namespace {

// Hands over accepted descriptors untouched, as the gateway's listening sockets do.
class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

} // namespace

class TestUnbufferedSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adoptsAnAcceptedConnectionUnbuffered()
    {
        DescriptorServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket peer;
        peer.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(peer.waitForConnected(5'000));
        QTRY_COMPARE(server.descriptors.size(), 1);

        QTcpSocket socket;
        QVERIFY(adoptUnbuffered(socket, server.descriptors.first()));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(socket.peerPort(), peer.localPort());
        QCOMPARE(socket.socketDescriptor(), server.descriptors.first());
        QVERIFY(socket.openMode().testFlag(QIODevice::Unbuffered));

        // Both ways work.
        QSignalSpy readyRead(&socket, &QIODevice::readyRead);
        peer.write("ping");
        QVERIFY(peer.waitForBytesWritten(5'000));
        QTRY_VERIFY(readyRead.size() >= 1);
        char bytes[16];
        QCOMPARE(socket.read(bytes, sizeof bytes), 4);
        QCOMPARE(QByteArray(bytes, 4), QByteArray("ping"));
        QCOMPARE(socket.write("pong"), 4);
        QTRY_COMPARE(peer.bytesAvailable(), 4);
        QCOMPARE(peer.readAll(), QByteArray("pong"));

        // The mark of unbuffered mode: the peer's close is a readyRead whose read() says -1, and no
        // disconnected() follows (buffered, Qt reads the end itself and says disconnected()).
        QSignalSpy disconnected(&socket, &QAbstractSocket::disconnected);
        readyRead.clear();
        peer.close();
        QTRY_VERIFY(readyRead.size() >= 1);
        QCOMPARE(socket.read(bytes, sizeof bytes), -1);
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QTest::qWait(50);
        QCOMPARE(disconnected.size(), 0);
    }

    void refusesAnInvalidDescriptor()
    {
        QTcpSocket socket;
        QVERIFY(!adoptUnbuffered(socket, -1));
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    }
};

QTEST_GUILESS_MAIN(TestUnbufferedSocket)
#include "TestUnbufferedSocket.moc"

#include "core/gateway/UpstreamConnection.h"
#include "core/gateway/UpstreamPool.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace gatehouse::gateway;

namespace {

// A keep-alive upstream in the test's own thread: answers each request head with a two-byte 200 and
// keeps the connection, until the test closes the connections from its side.
class KeepAliveServer : public QTcpServer
{
public:
    KeepAliveServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                m_sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
            }
        });
    }

    int accepted() const { return int(m_sockets.size()); }
    void closeAll()
    {
        for (QTcpSocket* socket : std::as_const(m_sockets)) {
            if (socket)
                socket->disconnectFromHost();
        }
    }

private:
    void answer(QTcpSocket* socket)
    {
        QByteArray& pending = m_pending[socket];
        pending += socket->readAll();
        while (true) {
            const qsizetype end = pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            pending.remove(0, end + 4);
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }
    }

    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket*, QByteArray> m_pending;
};

// Records what an upstream connection tells the client connection that holds it.
class RecordingClient : public UpstreamClient
{
public:
    void onUpstreamHead(HttpResponseHead&& head) override { status = head.status; }
    void onUpstreamBody(QByteArrayView chunk) override { body += chunk; }
    void onUpstreamComplete() override { complete = true; }
    void onUpstreamFailure(Failure, const QString& detail) override
    {
        failure = detail.isEmpty() ? QStringLiteral("?") : detail;
    }
    void onUpstreamWritable() override { }
    void onUpstreamReadDone() override { }

    int status = 0;
    QByteArray body;
    bool complete = false;
    QString failure;
};

} // namespace

class TestUpstreamPool : public QObject
{
    Q_OBJECT

private:
    // Sends one GET over `connection` and waits for the whole response.
    static bool exchange(UpstreamConnection* connection)
    {
        RecordingClient client;
        connection->begin(&client, "GET / HTTP/1.1\r\nHost: upstream\r\n\r\n", false);
        connection->requestSent();
        if (!QTest::qWaitFor([&] { return client.complete || !client.failure.isEmpty(); }, 5'000))
            return false;
        const bool ok = client.complete && client.status == 200 && client.body == "ok";
        connection->detach();
        return ok;
    }

private Q_SLOTS:
    void reusesAReleasedConnection()
    {
        KeepAliveServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        UpstreamPool pool {QSslConfiguration()};

        UpstreamConnection* first = pool.acquire("127.0.0.1", server.serverPort(), false);
        QVERIFY(exchange(first));
        pool.release(first, 0);
        QCOMPARE(pool.idleCount(), 1);

        UpstreamConnection* second = pool.acquire("127.0.0.1", server.serverPort(), false);
        QCOMPARE(second, first);
        QCOMPARE(pool.idleCount(), 0);
        QVERIFY(exchange(second));
        QVERIFY(second->wasReused());
        pool.release(second, 0);
        QCOMPARE(server.accepted(), 1);
    }

    // A connection that has been lent out and taken back several times is still forgotten, once, when the upstream
    // closes it while it waits in the pool; the next request gets a new connection.
    void forgetsAConnectionTheUpstreamClosesWhileIdle()
    {
        KeepAliveServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        UpstreamPool pool {QSslConfiguration()};

        QPointer<UpstreamConnection> connection = pool.acquire("127.0.0.1", server.serverPort(), false);
        for (int round = 0; round < 3; ++round) {
            QVERIFY(exchange(connection));
            pool.release(connection, 0);
            QCOMPARE(pool.idleCount(), 1);
            if (round < 2)
                QCOMPARE(pool.acquire("127.0.0.1", server.serverPort(), false), connection.data());
        }

        server.closeAll();
        QTRY_COMPARE(pool.idleCount(), 0);
        QTRY_VERIFY(connection.isNull()); // deleted, not leaked

        UpstreamConnection* fresh = pool.acquire("127.0.0.1", server.serverPort(), false);
        QVERIFY(exchange(fresh));
        pool.release(fresh, 0);
        QCOMPARE(server.accepted(), 2);
        QCOMPARE(pool.idleCount(), 1);
    }

    // A connection in a client's hands is the client's: the upstream closing it is that exchange's failure, and the
    // pool neither lists nor deletes it.
    void leavesABusyConnectionToItsClient()
    {
        KeepAliveServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        UpstreamPool pool {QSslConfiguration()};

        UpstreamConnection* warm = pool.acquire("127.0.0.1", server.serverPort(), false);
        QVERIFY(exchange(warm));
        pool.release(warm, 0);
        QPointer<UpstreamConnection> busy = pool.acquire("127.0.0.1", server.serverPort(), false);
        QCOMPARE(busy.data(), warm);

        RecordingClient client;
        server.closeAll();
        busy->begin(&client, "GET / HTTP/1.1\r\nHost: upstream\r\n\r\n", false);
        QTRY_VERIFY(client.complete || !client.failure.isEmpty());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(!busy.isNull());
        QCOMPARE(pool.idleCount(), 0);

        // Not reusable now: release closes it rather than listing it.
        pool.release(busy, 0);
        QCOMPARE(pool.idleCount(), 0);
        QTRY_VERIFY(busy.isNull());
    }

    void keepsUpstreamsApart()
    {
        KeepAliveServer one;
        KeepAliveServer two;
        QVERIFY(one.listen(QHostAddress::LocalHost));
        QVERIFY(two.listen(QHostAddress::LocalHost));
        UpstreamPool pool {QSslConfiguration()};

        UpstreamConnection* toOne = pool.acquire("127.0.0.1", one.serverPort(), false);
        QVERIFY(exchange(toOne));
        pool.release(toOne, 0);
        UpstreamConnection* toTwo = pool.acquire("127.0.0.1", two.serverPort(), false);
        QVERIFY(toTwo != toOne);
        QVERIFY(exchange(toTwo));
        pool.release(toTwo, 0);
        QCOMPARE(pool.idleCount(), 2);

        one.closeAll();
        QTRY_COMPARE(pool.idleCount(), 1);
        QCOMPARE(pool.acquire("127.0.0.1", two.serverPort(), false), toTwo);
        pool.release(toTwo, 0);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamPool)
#include "TestUpstreamPool.moc"

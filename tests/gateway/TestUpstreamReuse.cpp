#include "core/gateway/EpollEventDispatcher.h"
#include "core/gateway/UpstreamConnection.h"
#include "core/gateway/UpstreamPool.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/MisbehavingUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QTest>

using namespace gatehouse;
using test::MisbehavingUpstream;
using test::RawHttpClient;

namespace {

QByteArray bearer(const QByteArray& token)
{
    return QByteArrayLiteral("Bearer ") + token;
}

// The smuggled request: it declares a body, so a naive upstream that read it from an earlier request's body
// waits, and takes the next request the gateway sends on that connection for that body.
const QByteArray kSmuggled = "GET /admin/secret HTTP/1.1\r\nHost: upstream\r\nContent-Length: 40\r\n\r\n";

// Records what an upstream connection tells its holder, for the pool-level case.
class RecordingClient : public gateway::UpstreamClient
{
public:
    void onUpstreamHead(gateway::HttpResponseHead&& head) override { status = head.status; }
    void onUpstreamBody(QByteArrayView chunk) override { body += chunk; }
    void onUpstreamComplete() override { complete = true; }
    void onUpstreamFailure(Failure, const QString&) override { failed = true; }
    void onUpstreamWritable() override { }
    void onUpstreamReadDone() override { }

    int status = 0;
    QByteArray body;
    bool complete = false;
    bool failed = false;
};

} // namespace

class TestUpstreamReuse : public QObject
{
    Q_OBJECT

private:
    // One worker, so that every client shares the one pool.
    static bool startGateway(test::GatewayHarness& gateway, const MisbehavingUpstream& upstream)
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(upstream.port());
        if (!gateway.addApi(QStringLiteral("public"), url, QStringLiteral("/public")))
            return false;
        gateway::EngineConfig config;
        config.workers = 1;
        return gateway.start(config);
    }

    // One GET through a connection the pool lends, answered whole; the connection is back in the pool after.
    static gateway::UpstreamConnection* exchangeOnce(
        gateway::UpstreamPool& pool, quint16 port, const QByteArray& target)
    {
        gateway::UpstreamConnection* connection = pool.acquire("127.0.0.1", port, false);
        RecordingClient client;
        connection->begin(&client, "GET " + target + " HTTP/1.1\r\nHost: upstream\r\n\r\n", false);
        connection->requestSent();
        if (!QTest::qWaitFor([&] { return client.complete; }))
            return nullptr;
        pool.release(connection, 0);
        return client.body == "GET " + target + " #1" ? connection : nullptr;
    }

    // A keep-alive GET on its own connection; the body of its answer.
    static QByteArray get(quint16 port, const QByteArray& token, const QByteArray& target)
    {
        RawHttpClient client;
        if (!client.connectTo(port)
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n\r\n"))
            return "(not sent)";
        const auto response = client.readResponse();
        if (!response || !response->complete)
            return "(no answer)";
        return QByteArray::number(response->status) + ' ' + response->body;
    }

    // Sends a request head that announces a body, waits until the upstream's (early) answer has begun to arrive,
    // then sends the body and reads the rest of the answer.
    static QByteArray uploadAfterEarlyAnswer(
        quint16 port, const QByteArray& token, const QByteArray& framing, const QByteArray& body)
    {
        RawHttpClient client;
        if (!client.connectTo(port)
            || !client.send("POST /public/upload HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token) + "\r\n"
                + framing + "\r\n"))
            return "(not sent)";
        auto head = client.readHead();
        if (!head)
            return "(no head)";
        if (!client.send(body))
            return "(body not sent)";
        QByteArray answer;
        while (!client.bodyFinished()) {
            const QByteArray data = client.readChunkData();
            if (data.isEmpty() && !client.bodyFinished())
                return "(cut short)";
            answer += data;
        }
        return QByteArray::number(head->status) + ' ' + answer;
    }

private Q_SLOTS:
    // The attack: a POST's body is a request of its own. The upstream answers the POST before reading that body,
    // the gateway pools the connection, and the next client's GET completes the smuggled request. The GET must get
    // its own answer, and the smuggled request must never be served to anyone.
    void anEarlyAnswerRetiresTheConnection()
    {
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::AnswerBeforeBody);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        QCOMPARE(uploadAfterEarlyAnswer(gateway.port(), token,
                     "Content-Length: " + QByteArray::number(kSmuggled.size()) + "\r\n", kSmuggled),
            QByteArray("200 POST /public/upload #1"));
        QCOMPARE(get(gateway.port(), token, "/public/innocent"), QByteArray("200 GET /public/innocent #2"));
        QVERIFY(!upstream.served("/admin/secret"));
        QCOMPARE(upstream.connectionCount(), 2);
    }

    // The same with a chunked upload: the chunk carries the smuggled request.
    void anEarlyAnswerToAChunkedUploadRetiresTheConnection()
    {
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::AnswerBeforeBody);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        // On the upstream's wire the chunk's size line is skipped as junk, and the chunk framing after the data
        // ends the smuggled head, whose Content-Length then waits for the next request's bytes.
        const QByteArray smuggled = "GET /admin/secret HTTP/1.1\r\nHost: upstream\r\nContent-Length: 40";
        const QByteArray chunked = QByteArray::number(smuggled.size(), 16) + "\r\n" + smuggled + "\r\n0\r\n\r\n";
        QCOMPARE(uploadAfterEarlyAnswer(gateway.port(), token, "Transfer-Encoding: chunked\r\n", chunked),
            QByteArray("200 POST /public/upload #1"));
        QCOMPARE(get(gateway.port(), token, "/public/innocent"), QByteArray("200 GET /public/innocent #2"));
        QVERIFY(!upstream.served("/admin/secret"));
    }

    // Bytes that follow a complete answer, in its write or a little later, belong to no request.
    void bytesAfterTheResponseRetireTheConnection_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::newRow("same write") << 0;
        QTest::newRow("later") << 50;
    }
    void bytesAfterTheResponseRetireTheConnection()
    {
        QFETCH(int, delayMs);
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::TrailingBytes);
        upstream.setTrailingDelayMs(delayMs);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        QCOMPARE(get(gateway.port(), token, "/public/first"), QByteArray("200 GET /public/first #1"));
        QVERIFY(upstream.waitForTrailingWrites(1));
        QTest::qWait(50); // the extra bytes reach the gateway
        upstream.setMode(MisbehavingUpstream::Mode::Correct);
        QCOMPARE(get(gateway.port(), token, "/public/second"), QByteArray("200 GET /public/second #2"));
    }

    // An idle connection whose upstream sent bytes the pool has not noticed yet (its readyRead not yet handled) is
    // not lent out: the check happens as it is taken from the pool. `waitFirstMs`: how long the event loop runs after
    // the release, before the bytes come (0: not at all; else its waits see nothing, and the bytes arrive in the long
    // while after, so that the pool must still look: EpollEventDispatcher::quietSince).
    void thePoolLooksAtAnIdleConnectionBeforeLendingIt_data()
    {
        QTest::addColumn<int>("waitFirstMs");
        QTest::newRow("no event loop since the release") << 0;
        QTest::newRow("after a long pass") << 5;
    }
    void thePoolLooksAtAnIdleConnectionBeforeLendingIt()
    {
        QFETCH(int, waitFirstMs);
        QVERIFY(gateway::EpollEventDispatcher::ofThisThread());
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::TrailingBytes);
        upstream.setTrailingDelayMs(30);
        QVERIFY(upstream.start());
        gateway::UpstreamPool pool {QSslConfiguration()};

        gateway::UpstreamConnection* first = exchangeOnce(pool, upstream.port(), "/one");
        QVERIFY(first);
        QCOMPARE(pool.idleCount(), 1);
        if (waitFirstMs > 0)
            QTest::qWait(waitFirstMs);
        // The extra bytes arrive while this thread runs no event loop: only a look at the socket can see them.
        QVERIFY(upstream.waitForTrailingWrites(1));
        QThread::msleep(20);
        gateway::UpstreamConnection* second = pool.acquire("127.0.0.1", upstream.port(), false);
        QVERIFY(second != first);
        QCOMPARE(pool.idleCount(), 0);
        delete second;
    }

    // Lent again without a look when the event loop has just waited and seen nothing.
    void aQuietIdleConnectionIsLentAgain()
    {
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::Correct);
        QVERIFY(upstream.start());
        gateway::UpstreamPool pool {QSslConfiguration()};
        gateway::UpstreamConnection* first = exchangeOnce(pool, upstream.port(), "/one");
        QVERIFY(first);
        QTest::qWait(5);
        QCOMPARE(exchangeOnce(pool, upstream.port(), "/two"), first); // "#1": the first connection again
        QCOMPARE(upstream.connectionCount(), 1);
        pool.clear();
    }

    // A request pipelined behind one whose answer came with extra bytes gets its own answer.
    void aPipelinedRequestGetsItsOwnAnswer()
    {
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::TrailingBytes);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        const QByteArray auth = "Authorization: " + bearer(token) + "\r\n";
        QVERIFY(client.send("GET /public/a HTTP/1.1\r\nHost: gw\r\n" + auth
            + "\r\nGET /public/b HTTP/1.1\r\nHost: gw\r\n" + auth + "\r\n"));
        auto first = client.readResponse();
        QVERIFY(first && first->complete);
        QCOMPARE(first->body, QByteArray("GET /public/a #1"));
        auto second = client.readResponse();
        QVERIFY(second && second->complete);
        QVERIFY2(second->body.startsWith("GET /public/b #"), second->body.constData());
        QVERIFY(second->body != "smuggled");
    }

    // "Connection: close" (or HTTP/1.0 without keep-alive) ends the connection's use, even if the upstream then
    // keeps its socket open and would serve on.
    void aClosingAnswerRetiresTheConnection_data()
    {
        QTest::addColumn<MisbehavingUpstream::Mode>("mode");
        QTest::newRow("Connection: close") << MisbehavingUpstream::Mode::CloseButStayOpen;
        QTest::newRow("HTTP/1.0") << MisbehavingUpstream::Mode::Http10;
    }
    void aClosingAnswerRetiresTheConnection()
    {
        QFETCH(MisbehavingUpstream::Mode, mode);
        MisbehavingUpstream upstream(mode);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        QCOMPARE(get(gateway.port(), token, "/public/first"), QByteArray("200 GET /public/first #1"));
        QCOMPARE(get(gateway.port(), token, "/public/second"), QByteArray("200 GET /public/second #2"));
        QCOMPARE(upstream.connectionCount(), 2);
    }

    // A well-behaved upstream still has its connection reused: the checks cost no reuse.
    void aCleanConnectionIsStillReused()
    {
        MisbehavingUpstream upstream(MisbehavingUpstream::Mode::Correct);
        QVERIFY(upstream.start());
        test::GatewayHarness gateway;
        QVERIFY(startGateway(gateway, upstream));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:public")});

        QCOMPARE(get(gateway.port(), token, "/public/first"), QByteArray("200 GET /public/first #1"));
        RawHttpClient client;
        QVERIFY(client.connectTo(gateway.port()));
        QVERIFY(client.send("POST /public/upload HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer(token)
            + "\r\nContent-Length: 5\r\n\r\nhello"));
        auto response = client.readResponse();
        QVERIFY(response && response->complete);
        QCOMPARE(response->body, QByteArray("POST /public/upload #1"));
        QCOMPARE(get(gateway.port(), token, "/public/third"), QByteArray("200 GET /public/third #1"));
        QCOMPARE(upstream.connectionCount(), 1);
    }
};

// The gateway's workers run on EpollEventDispatcher; so does this thread, for the tests that drive a pool here.
int main(int argc, char* argv[])
{
    QCoreApplication::setEventDispatcher(new gateway::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestUpstreamReuse test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestUpstreamReuse.moc"

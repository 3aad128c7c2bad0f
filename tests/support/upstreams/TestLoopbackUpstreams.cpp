#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gatehouse::test::LoopbackUpstream;
using gatehouse::test::RawHttpClient;

namespace {

QByteArray get(QByteArrayView target, QByteArrayView extra = {})
{
    return "GET " + target.toByteArray() + " HTTP/1.1\r\nHost: upstream\r\n" + extra.toByteArray() + "\r\n";
}

QJsonObject json(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

// The fixtures gateway tests stand on: each behaviour of LoopbackUpstream, driven over a real
// loopback socket by RawHttpClient, which is tested along the way.
class TestLoopbackUpstreams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void echoKeepsConnectionAlive();
    void echoHonoursConnectionClose();
    void echoHeadHasNoBody();
    void echoReadsChunkedRequestBody();
    void echoSends100Continue();
    void pipelinedResponsesReadInOrder();
    void malformedRequestGets400();
    void statusPath();
    void statusBehaviour();
    void slowWaitsForDelay();
    void sseEventsArriveOneByOne();
    void sseHoldOpenSeesClientDisconnect();
    void resetCutsBodyShort();
    void streamWaitsForSlowReader();
    void streamDeliversWholeBody();
    void refusingPortRefuses();
    void waitForRequestsAndStop();
};

void TestLoopbackUpstreams::echoKeepsConnectionAlive()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    QVERIFY(upstream.port() != 0);
    QCOMPARE(upstream.url().toString(), QStringLiteral("http://127.0.0.1:%1").arg(upstream.port()));

    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    for (int i = 0; i < 3; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray body = "payload-" + n;
        QVERIFY(client.send("POST /items/" + n + "?page=" + n + " HTTP/1.1\r\nHost: upstream\r\nX-Test: " + n
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body));
        const std::optional<RawHttpClient::Response> response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(response->complete);
        QCOMPARE(response->header("content-type"), QByteArray("application/json"));
        QVERIFY(response->header("Connection").isEmpty());
        const QJsonObject echo = json(response->body);
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/items/") + QString::number(i));
        QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("page=") + QString::number(i));
        QCOMPARE(echo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("x-test")).toString(),
            QString::number(i));
        QCOMPARE(echo.value(QStringLiteral("body")).toString(), QString::fromLatin1(body));
    }
    QVERIFY(client.isConnected());
    QCOMPARE(upstream.connectionCount(), 1);
    QCOMPARE(upstream.openConnections(), 1);
    QCOMPARE(upstream.requestCount(), 3);

    const QList<LoopbackUpstream::ReceivedRequest> requests = upstream.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[1].method, QByteArray("POST"));
    QCOMPARE(requests[1].target, QByteArray("/items/1?page=1"));
    QCOMPARE(requests[1].header("x-TEST"), QByteArray("1"));
    QCOMPARE(requests[1].body, QByteArray("payload-1"));
    QCOMPARE(requests[2].connection, 1);

    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(upstream.openConnections(), 0, 2000);
}

void TestLoopbackUpstreams::echoHonoursConnectionClose()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/bye", "Connection: close\r\n")));
    const std::optional<RawHttpClient::Response> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected(2000));

    // The convenience request() asks for close too, on a connection of its own.
    const RawHttpClient::Response other = RawHttpClient::request(upstream.port(), "GET", "/again");
    QCOMPARE(other.status, 200);
    QVERIFY(other.complete);
    QCOMPARE(upstream.connectionCount(), 2);
}

void TestLoopbackUpstreams::echoHeadHasNoBody()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send("HEAD /thing HTTP/1.1\r\nHost: upstream\r\n\r\n"));
    std::optional<RawHttpClient::Response> response = client.readResponse(5000, true);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->header("content-length").toInt() > 0);
    QVERIFY(response->body.isEmpty());
    // Had the upstream sent a body, it would now be misread as the next response.
    QVERIFY(client.send(get("/next")));
    response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(json(response->body).value(QStringLiteral("path")).toString(), QStringLiteral("/next"));
}

void TestLoopbackUpstreams::echoReadsChunkedRequestBody()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: upstream\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello"));
    QTest::qWait(20); // the upstream has the first chunk now, and must wait for the rest
    QCOMPARE(upstream.requestCount(), 0);
    QVERIFY(client.send("\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n"));
    const std::optional<RawHttpClient::Response> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(json(response->body).value(QStringLiteral("body")).toString(), QStringLiteral("hello world"));
    QCOMPARE(upstream.requests().constFirst().body, QByteArray("hello world"));
}

void TestLoopbackUpstreams::echoSends100Continue()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send("PUT /doc HTTP/1.1\r\nHost: upstream\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
    std::optional<RawHttpClient::Response> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 100);
    QVERIFY(response->complete);
    QVERIFY(client.send("data"));
    response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(json(response->body).value(QStringLiteral("body")).toString(), QStringLiteral("data"));
}

void TestLoopbackUpstreams::pipelinedResponsesReadInOrder()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/one") + get("/status/404") + get("/three")));
    const QStringList expected = {QStringLiteral("/one"), QString(), QStringLiteral("/three")};
    for (const QString& path : expected) {
        const std::optional<RawHttpClient::Response> response = client.readResponse();
        QVERIFY(response);
        QVERIFY(response->complete);
        if (path.isEmpty())
            QCOMPARE(response->status, 404);
        else
            QCOMPARE(json(response->body).value(QStringLiteral("path")).toString(), path);
    }
    QCOMPARE(upstream.connectionCount(), 1);
}

void TestLoopbackUpstreams::malformedRequestGets400()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    // Both framings at once: what a smuggling gateway would forward.
    QVERIFY(client.send("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
    const std::optional<RawHttpClient::Response> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(client.waitForDisconnected(2000));
    QCOMPARE(upstream.requestCount(), 0);
}

void TestLoopbackUpstreams::statusPath()
{
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Echo);
    QVERIFY(upstream.start());
    RawHttpClient::Response response = RawHttpClient::request(upstream.port(), "GET", "/status/503");
    QCOMPARE(response.status, 503);
    QCOMPARE(response.reason, QByteArray("Service Unavailable"));
    QCOMPARE(json(response.body).value(QStringLiteral("status")).toInt(), 503);

    response = RawHttpClient::request(upstream.port(), "DELETE", "/status/204");
    QCOMPARE(response.status, 204);
    QVERIFY(response.complete);
    QVERIFY(response.body.isEmpty());
}

void TestLoopbackUpstreams::statusBehaviour()
{
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Status);
    upstream.setStatus(429);
    QVERIFY(upstream.start());
    RawHttpClient::Response response = RawHttpClient::request(upstream.port(), "POST", "/anything", {}, "{}");
    QCOMPARE(response.status, 429);
    QCOMPARE(json(response.body).value(QStringLiteral("status")).toInt(), 429);
    // /status/NNN still wins, so one upstream can serve both kinds of request.
    response = RawHttpClient::request(upstream.port(), "GET", "/status/502");
    QCOMPARE(response.status, 502);
}

void TestLoopbackUpstreams::slowWaitsForDelay()
{
    constexpr int delayMs = 300;
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Slow);
    upstream.setDelayMs(delayMs);
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(client.send(get("/slow")));
    // The request is recorded on arrival, long before the answer.
    QVERIFY(upstream.waitForRequests(1, 2000));
    QVERIFY(elapsed.elapsed() < delayMs);
    const std::optional<RawHttpClient::Response> response = client.readResponse(5000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY2(elapsed.elapsed() >= delayMs, QByteArray::number(elapsed.elapsed()).constData());
}

void TestLoopbackUpstreams::sseEventsArriveOneByOne()
{
    constexpr int events = 5;
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
    upstream.setSseEvents(events);
    upstream.setSseIntervalMs(80);
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/v1/stream")));
    const std::optional<RawHttpClient::Response> head = client.readHead();
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(head->header("transfer-encoding"), QByteArray("chunked"));

    const QByteArray first = client.readChunkData(2000);
    QVERIFY(upstream.sseEventsSent() < events);
    QCOMPARE(first, QByteArray("data: {\"n\":1}\n\n"));

    QByteArray rest;
    while (!client.bodyFinished())
        rest += client.readChunkData(2000);
    QVERIFY(client.bodyComplete());
    QCOMPARE(rest, QByteArray("data: {\"n\":2}\n\ndata: {\"n\":3}\n\ndata: {\"n\":4}\n\ndata: {\"n\":5}\n\n"));
    QCOMPARE(upstream.sseEventsSent(), events);
    QVERIFY(!upstream.clientDisconnectedDuringStream());

    // The connection stays usable after the terminating chunk.
    QVERIFY(client.send(get("/v1/stream")));
    const std::optional<RawHttpClient::Response> again = client.readResponse();
    QVERIFY(again);
    QVERIFY(again->complete);
    QCOMPARE(again->body.count("data: "), events);
}

void TestLoopbackUpstreams::sseHoldOpenSeesClientDisconnect()
{
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Sse);
    upstream.setSseEvents(2);
    upstream.setSseIntervalMs(10);
    upstream.setSseHoldOpen(true);
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/events")));
    QVERIFY(client.readHead());
    QByteArray data;
    while (data.count("data: ") < 2) {
        const QByteArray more = client.readChunkData(2000);
        QVERIFY(!more.isEmpty());
        data += more;
    }
    QVERIFY(client.readChunkData(150).isEmpty());
    QVERIFY(!client.bodyFinished()); // still open: no terminating chunk
    QVERIFY(!upstream.clientDisconnectedDuringStream());
    client.close();
    QTRY_VERIFY_WITH_TIMEOUT(upstream.clientDisconnectedDuringStream(), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.openConnections(), 0, 2000);
}

void TestLoopbackUpstreams::resetCutsBodyShort()
{
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Reset);
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/crash")));
    const std::optional<RawHttpClient::Response> response = client.readResponse(3000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("content-length"), QByteArray("100000"));
    QVERIFY(!response->complete);
    QVERIFY(response->body.size() < 100000);
    QVERIFY(client.waitForDisconnected(2000));
    QVERIFY(!client.isConnected());
    QCOMPARE(client.socket().error(), QAbstractSocket::RemoteHostClosedError);
}

void TestLoopbackUpstreams::streamWaitsForSlowReader()
{
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Stream);
    QVERIFY(upstream.start());
    const qint64 total = qint64(64) * 1024 * 1024;
    RawHttpClient client;
    client.setReadBufferSize(64 * 1024);
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/big")));
    // The client reads nothing: kernel buffers fill and the upstream must stop handing out data.
    QTest::qWait(500);
    const qint64 written = upstream.streamBytesWritten();
    QVERIFY(written > 0);
    QVERIFY2(written < total / 4, QByteArray::number(written).constData());
    QTest::qWait(100);
    // Stalled, not merely slow: unthrottled, loopback would move hundreds of MiB in that time.
    QVERIFY(upstream.streamBytesWritten() - written <= 1024 * 1024);
    client.abort();
    QTRY_VERIFY_WITH_TIMEOUT(upstream.clientDisconnectedDuringStream(), 2000);
}

void TestLoopbackUpstreams::streamDeliversWholeBody()
{
    constexpr qint64 bytes = 3 * 1024 * 1024 + 7;
    LoopbackUpstream upstream(LoopbackUpstream::Behaviour::Stream);
    upstream.setStreamBytes(bytes);
    QVERIFY(upstream.start());
    RawHttpClient client;
    QVERIFY(client.connectTo(upstream.port()));
    QVERIFY(client.send(get("/big")));
    const std::optional<RawHttpClient::Response> response = client.readResponse(5000);
    QVERIFY(response);
    QVERIFY(response->complete);
    QCOMPARE(response->body.size(), bytes);
    QCOMPARE(response->body.count('x'), bytes);
    QCOMPARE(upstream.streamBytesWritten(), bytes);
}

void TestLoopbackUpstreams::refusingPortRefuses()
{
    const quint16 port = LoopbackUpstream::refusingPort();
    QVERIFY(port != 0);
    RawHttpClient client;
    QVERIFY(!client.connectTo(port, 2000));
    QCOMPARE(client.socket().error(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(RawHttpClient::request(port, "GET", "/").status, 0);
}

void TestLoopbackUpstreams::waitForRequestsAndStop()
{
    LoopbackUpstream upstream;
    QVERIFY(upstream.start());
    const quint16 port = upstream.port();
    RawHttpClient client;
    QVERIFY(client.connectTo(port));
    QVERIFY(!upstream.waitForRequests(1, 50));
    QVERIFY(client.send(get("/a") + get("/b")));
    QVERIFY(upstream.waitForRequests(2, 2000));

    // stop() drops open connections and frees the port; start() serves again on a new one.
    upstream.stop();
    QVERIFY(!upstream.isRunning());
    QVERIFY(client.waitForDisconnected(2000));
    RawHttpClient late;
    QVERIFY(!late.connectTo(port, 1000));
    QVERIFY(upstream.start());
    QCOMPARE(RawHttpClient::request(upstream.port(), "GET", "/back").status, 200);
}

QTEST_GUILESS_MAIN(TestLoopbackUpstreams)

#include "TestLoopbackUpstreams.moc"

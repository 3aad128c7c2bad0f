#include "core/gateway/HttpParser.h"

#include <QTest>

using namespace gatehouse::gateway;

namespace {

// Records what the parser reports, as one event string per call, so that feeding the same bytes in
// different pieces can be compared exactly.
class Recorder : public HttpParserListener
{
public:
    void onResponseHead(HttpResponseHead&& head) override
    {
        events.append(QByteArrayLiteral("head ") + QByteArray::number(head.status));
        heads.append(std::move(head));
        bodies.append(QByteArray());
    }
    void onBody(QByteArrayView chunk) override
    {
        events.append(QByteArrayLiteral("body"));
        bodies.last() += chunk;
        ++bodyCalls;
    }
    void onMessageComplete() override
    {
        events.append(QByteArrayLiteral("complete"));
        ++completed;
    }

    QList<QByteArray> mergedEvents() const
    {
        QList<QByteArray> merged;
        for (const QByteArray& event : events) {
            if (event == "body" && !merged.isEmpty() && merged.last() == "body")
                continue;
            merged.append(event);
        }
        return merged;
    }

    QList<QByteArray> events;
    QList<HttpResponseHead> heads;
    QList<QByteArray> bodies;
    int bodyCalls = 0;
    int completed = 0;
};

// Feeds `data` in pieces of `step` bytes (all at once when step <= 0), resuming after each complete
// message. Returns the bytes consumed.
qsizetype feedAll(HttpParser& parser, const QByteArray& data, qsizetype step = 0)
{
    const QByteArrayView view(data);
    qsizetype pos = 0;
    while (pos < view.size()) {
        if (parser.isPaused())
            parser.resume();
        const qsizetype n = step <= 0 ? view.size() - pos : qMin(step, view.size() - pos);
        const qsizetype used = parser.feed(view.sliced(pos, n));
        pos += used;
        if (parser.hasError())
            break;
        if (used < n && !parser.isPaused()) {
            qWarning("parser stopped without pause or error at %lld", static_cast<long long>(pos));
            break;
        }
    }
    return pos;
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentLength();
    void chunkedIsDeliveredIncrementally();
    void readUntilClose();
    void finishDetectsTruncation_data();
    void finishDetectsTruncation();
    void finishBetweenMessages();
    void headResponseHasNoBody();
    void noBodyStatuses_data();
    void noBodyStatuses();
    void interimResponsesAreSkipped();
    void finishAfterInterimOnlyIsTruncation();
    void switchingProtocolsIsRefused();
    void pipelinedResponsesPause();
    void eachResponseHasItsOwnReason();
    void rejects_data();
    void rejects();
    void bodyLimit();
    void byteByByteEqualsOneShot_data();
    void byteByByteEqualsOneShot();
};

void TestHttpResponseParser::contentLength()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray data = QByteArrayLiteral("HTTP/1.1 201 Created Here\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello");
    QCOMPARE(parser.feed(data), data.size());
    QVERIFY(!parser.hasError());
    QVERIFY(parser.isPaused());
    QCOMPARE(recorder.heads.size(), 1);
    const HttpResponseHead& head = recorder.heads.first();
    QCOMPARE(head.status, 201);
    QCOMPARE(head.reason, QByteArrayLiteral("Created Here"));
    QCOMPARE(head.versionMajor, 1);
    QCOMPARE(head.versionMinor, 1);
    QCOMPARE(head.contentLength, qint64(5));
    QVERIFY(!head.chunked);
    QVERIFY(head.keepAlive);
    QVERIFY(!head.noBody);
    QCOMPARE(head.headers.value("x-a"), QByteArrayLiteral("b"));
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("hello"));
    QCOMPARE(recorder.completed, 1);
}

void TestHttpResponseParser::chunkedIsDeliveredIncrementally()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray data = QByteArrayLiteral("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "6\r\ndata: \r\n3\r\none\r\n1\r\n\n\r\n0\r\n\r\n");
    QCOMPARE(feedAll(parser, data, 2), data.size());
    QVERIFY(!parser.hasError());
    QVERIFY(recorder.heads.first().chunked);
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("data: one\n"));
    QVERIFY2(recorder.bodyCalls > 3, qPrintable(QString::number(recorder.bodyCalls)));
    QCOMPARE(recorder.events.last(), QByteArrayLiteral("complete"));
    QCOMPARE(recorder.events.count(QByteArrayLiteral("body")), recorder.bodyCalls);
}

void TestHttpResponseParser::readUntilClose()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray data = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome ");
    QCOMPARE(parser.feed(data), data.size());
    QCOMPARE(parser.feed(QByteArrayLiteral("more")), qsizetype(4));
    QCOMPARE(recorder.completed, 0);
    QVERIFY(parser.isMidMessage());
    QVERIFY(!recorder.heads.first().keepAlive);
    QCOMPARE(recorder.heads.first().contentLength, qint64(-1));
    QVERIFY(parser.finish());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.completed, 1);
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("some more"));
    QVERIFY(!parser.isMidMessage());
}

void TestHttpResponseParser::finishDetectsTruncation_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("content-length short") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello");
    QTest::newRow("chunked unfinished") << QByteArrayLiteral(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    QTest::newRow("head unfinished") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Le");
}

void TestHttpResponseParser::finishDetectsTruncation()
{
    QFETCH(QByteArray, data);
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    QCOMPARE(parser.feed(data), data.size());
    QVERIFY(parser.isMidMessage());
    QVERIFY(!parser.finish());
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().code, QByteArrayLiteral("truncated"));
    QCOMPARE(parser.error().status, 502);
    QCOMPARE(recorder.completed, 0);
}

void TestHttpResponseParser::finishBetweenMessages()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    QVERIFY(!parser.isMidMessage());
    parser.feed(QByteArrayLiteral("HTTP/1.1 204 No Content\r\n\r\n"));
    parser.resume();
    QVERIFY(!parser.isMidMessage());
    QVERIFY(parser.finish());
    QCOMPARE(recorder.completed, 1);
}

void TestHttpResponseParser::headResponseHasNoBody()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray headResponse = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
    const QByteArray next = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    parser.expectNoBody(true);
    QCOMPARE(parser.feed(QByteArray(headResponse + next)), headResponse.size());
    QVERIFY(parser.isPaused());
    QCOMPARE(recorder.completed, 1);
    QCOMPARE(recorder.heads.first().contentLength, qint64(100));
    QVERIFY(recorder.heads.first().noBody);
    QVERIFY(recorder.heads.first().keepAlive);
    QCOMPARE(recorder.bodyCalls, 0);

    // expectNoBody() applied to that response only: the next one has its body.
    parser.resume();
    QCOMPARE(parser.feed(next), next.size());
    QCOMPARE(recorder.completed, 2);
    QVERIFY(!recorder.heads.at(1).noBody);
    QCOMPARE(recorder.bodies.at(1), QByteArrayLiteral("ok"));
}

void TestHttpResponseParser::noBodyStatuses_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("status");
    QTest::newRow("204 with content-length")
        << QByteArrayLiteral("HTTP/1.1 204 No Content\r\nContent-Length: 2\r\n\r\n") << 204;
    QTest::newRow("304 with content-length")
        << QByteArrayLiteral("HTTP/1.1 304 Not Modified\r\nContent-Length: 20\r\n\r\n") << 304;
    QTest::newRow("304 with chunked") << QByteArrayLiteral(
        "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n")
                                      << 304;
    QTest::newRow("204 bare") << QByteArrayLiteral("HTTP/1.1 204 No Content\r\n\r\n") << 204;
}

void TestHttpResponseParser::noBodyStatuses()
{
    QFETCH(QByteArray, data);
    QFETCH(int, status);
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray next = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
    QCOMPARE(parser.feed(QByteArray(data + next)), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.completed, 1);
    QCOMPARE(recorder.heads.first().status, status);
    QVERIFY(recorder.heads.first().noBody);
    QVERIFY(recorder.heads.first().keepAlive);
    parser.resume();
    QCOMPARE(parser.feed(next), next.size());
    QCOMPARE(recorder.bodies, (QList<QByteArray> {"", "x"}));
}

void TestHttpResponseParser::interimResponsesAreSkipped()
{
    for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder);
        const QByteArray data = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"
                                                  "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                                                  "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        QCOMPARE(feedAll(parser, data, step), data.size());
        QVERIFY(!parser.hasError());
        QCOMPARE(recorder.heads.size(), 1);
        QCOMPARE(recorder.heads.first().status, 200);
        QVERIFY(!recorder.heads.first().headers.contains("Link"));
        QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("ok"));
        QCOMPARE(recorder.completed, 1);
    }
}

void TestHttpResponseParser::finishAfterInterimOnlyIsTruncation()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray data = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
    QCOMPARE(parser.feed(data), data.size());
    QVERIFY(!parser.isPaused());
    QVERIFY(parser.isMidMessage());
    QVERIFY(!parser.finish());
    QCOMPARE(parser.error().code, QByteArrayLiteral("truncated"));
}

void TestHttpResponseParser::switchingProtocolsIsRefused()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    parser.feed(
        QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"));
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().code, QByteArrayLiteral("unsupported_upgrade"));
    QCOMPARE(parser.error().status, 502);
    QCOMPARE(recorder.heads.size(), 0);
}

void TestHttpResponseParser::eachResponseHasItsOwnReason()
{
    // The usual phrase, an unusual one, the usual one of another status, none, and the usual phrase of another
    // status than the one sent: each head carries exactly what its status line said.
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QList<QByteArray> lines {"HTTP/1.1 200 OK", "HTTP/1.1 200 Fine Thanks", "HTTP/1.1 404 Not Found",
        "HTTP/1.1 204 ", "HTTP/1.1 200 Not Found"};
    QByteArray data;
    for (const QByteArray& line : lines)
        data += line + "\r\nContent-Length: 0\r\n\r\n";
    QCOMPARE(feedAll(parser, data), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.heads.size(), lines.size());
    const QList<QByteArray> reasons {"OK", "Fine Thanks", "Not Found", "", "Not Found"};
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(recorder.heads.at(i).reason, reasons.at(i));
}

void TestHttpResponseParser::pipelinedResponsesPause()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Response, recorder);
    const QByteArray first = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
    const QByteArray second = QByteArrayLiteral("HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nb");
    QCOMPARE(parser.feed(QByteArray(first + second)), first.size());
    QVERIFY(parser.isPaused());
    QCOMPARE(recorder.completed, 1);
    parser.resume();
    QCOMPARE(parser.feed(second), second.size());
    QCOMPARE(recorder.heads.at(1).status, 404);
    QCOMPARE(recorder.bodies, (QList<QByteArray> {"a", "b"}));
}

void TestHttpResponseParser::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("code");

    QTest::newRow("obs-fold") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nX: a\r\n\tb\r\nContent-Length: 0\r\n\r\n")
                              << QByteArrayLiteral("obsolete_line_folding");
    QTest::newRow("bare LF") << QByteArrayLiteral("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n")
                             << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare LF ending head") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n")
                                         << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare CR") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 0\rX: y\r\n\r\n")
                             << QByteArrayLiteral("invalid_line_ending");
    // HttpHeadWriter forwards parsed fields without a second look: no value it is given may hold NUL or a control.
    QTest::newRow("NUL in value") << QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\nContent-Length: 0\r\n\r\n", 46)
                                  << QByteArrayLiteral("invalid_header");
    QTest::newRow("control in value") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nX: a\x01b\r\nContent-Length: 0\r\n\r\n")
                                      << QByteArrayLiteral("invalid_header");
    QTest::newRow("space before colon") << QByteArrayLiteral(
        "HTTP/1.1 200 OK\r\nX-Custom : 0\r\nContent-Length: 0\r\n\r\n")
                                        << QByteArrayLiteral("invalid_header");
    QTest::newRow("duplicate content-length")
        << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na")
        << QByteArrayLiteral("bad_content_length");
    QTest::newRow("content-length and chunked")
        << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << QByteArrayLiteral("bad_content_length");
    QTest::newRow("bad chunk size") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n")
                                    << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk data without CRLF")
        << QByteArrayLiteral("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXX0\r\n\r\n")
        << QByteArrayLiteral("bad_chunk");
    QTest::newRow("bad status") << QByteArrayLiteral("HTTP/1.1 2x0 OK\r\n\r\n") << QByteArrayLiteral("invalid_status");
    QTest::newRow("missing status") << QByteArrayLiteral("HTTP/1.1 \r\nContent-Length: 0\r\n\r\n")
                                    << QByteArrayLiteral("invalid_status");
    QTest::newRow("status 000") << QByteArrayLiteral("HTTP/1.1 000 X\r\nContent-Length: 0\r\n\r\n")
                                << QByteArrayLiteral("invalid_status");
    QTest::newRow("status 600") << QByteArrayLiteral("HTTP/1.1 600 X\r\nContent-Length: 0\r\n\r\n")
                                << QByteArrayLiteral("invalid_status");
    QTest::newRow("HTTP/2.0") << QByteArrayLiteral("HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                              << QByteArrayLiteral("unsupported_version");
}

void TestHttpResponseParser::rejects()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, code);
    for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder);
        feedAll(parser, data, step);
        QVERIFY2(parser.hasError(), step == 0 ? "one feed" : "byte by byte");
        QCOMPARE(parser.error().code, code);
        // Whatever broke, the gateway answers its client 502 Bad Gateway.
        QCOMPARE(parser.error().status, 502);
        QCOMPARE(recorder.completed, 0);
        QVERIFY(!parser.finish());
    }
}

void TestHttpResponseParser::bodyLimit()
{
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder, {16 * 1024, 4});
        parser.feed(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"));
        QCOMPARE(parser.error().code, QByteArrayLiteral("body_too_large"));
        QCOMPARE(parser.error().status, 502);
    }
    {
        // Read until close: counted as it streams.
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder, {16 * 1024, 4});
        parser.feed(QByteArrayLiteral("HTTP/1.1 200 OK\r\n\r\nabc"));
        QVERIFY(!parser.hasError());
        parser.feed(QByteArrayLiteral("de"));
        QCOMPARE(parser.error().code, QByteArrayLiteral("body_too_large"));
        QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("abc"));
    }
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder, {40, -1});
        parser.feed(QByteArrayLiteral("HTTP/1.1 200 OK\r\nX-Long: 0123456789012345678901234567890\r\n\r\n"));
        QCOMPARE(parser.error().code, QByteArrayLiteral("header_too_large"));
        QCOMPARE(parser.error().status, 502);
    }
}

void TestHttpResponseParser::byteByByteEqualsOneShot_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("content-length") << QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
    QTest::newRow("chunked with trailers")
        << QByteArrayLiteral("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "3;x=y\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nChecksum: 1\r\n\r\n");
    QTest::newRow("sequence") << QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
                                                   "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz"
                                                   "HTTP/1.0 200 OK\r\n\r\nuntil close");
}

void TestHttpResponseParser::byteByByteEqualsOneShot()
{
    QFETCH(QByteArray, data);
    Recorder reference;
    HttpParser referenceParser(HttpParser::Mode::Response, reference);
    QCOMPARE(feedAll(referenceParser, data), data.size());
    QVERIFY(referenceParser.finish());
    QVERIFY(reference.completed > 0);

    for (const qsizetype step : {1, 2, 5}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Response, recorder);
        QCOMPARE(feedAll(parser, data, step), data.size());
        QVERIFY(parser.finish());
        QCOMPARE(recorder.mergedEvents(), reference.mergedEvents());
        QCOMPARE(recorder.bodies, reference.bodies);
        QCOMPARE(recorder.heads.size(), reference.heads.size());
        for (qsizetype i = 0; i < recorder.heads.size(); ++i) {
            QCOMPARE(recorder.heads.at(i).status, reference.heads.at(i).status);
            QCOMPARE(recorder.heads.at(i).reason, reference.heads.at(i).reason);
            QCOMPARE(recorder.heads.at(i).keepAlive, reference.heads.at(i).keepAlive);
            QCOMPARE(recorder.heads.at(i).noBody, reference.heads.at(i).noBody);
        }
    }
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "TestHttpResponseParser.moc"

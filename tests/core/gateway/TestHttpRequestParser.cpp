#include "core/gateway/HttpParser.h"

#include <QTest>

#include <functional>

using namespace gatehouse::gateway;

namespace {

// Records what the parser reports, as one event string per call, so that feeding the same bytes in
// different pieces can be compared exactly.
class Recorder : public HttpParserListener
{
public:
    void onRequestHead(HttpRequestHead&& head) override
    {
        events.append(QByteArrayLiteral("head ") + head.method + ' ' + head.target);
        heads.append(std::move(head));
        bodies.append(QByteArray());
        if (onHead)
            onHead();
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

    // Events with consecutive "body" entries merged: how the body was cut depends on the pieces fed.
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
    QList<HttpRequestHead> heads;
    QList<QByteArray> bodies;
    int bodyCalls = 0;
    int completed = 0;
    std::function<void()> onHead;
};

// Feeds `data` in pieces of `step` bytes (all at once when step <= 0), resuming after each complete
// message the way a connection does once it has answered. Returns the bytes consumed.
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

QByteArray repeated(char c, qsizetype count)
{
    return QByteArray(count, c);
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet();
    void headerLookupIsCaseInsensitive();
    void headerValuesAreTrimmed();
    void keepAlive_data();
    void keepAlive();
    void contentLengthBody();
    void chunkedBodyIsDeliveredIncrementally();
    void pipelining();
    void pipeliningWithBodies();
    void leadingEmptyLinesAreIgnored();
    void upgradeRequestIsParsedAsOrdinaryRequest();
    void bytesAfterConnectionCloseAreDiscarded();
    void rejects_data();
    void rejects();
    void errorIsSticky();
    void byteByByteEqualsOneShot_data();
    void byteByByteEqualsOneShot();
    void headerTooLargeAcrossFeeds();
    void headerTooLargeInOneFeed();
    void headerLimitBoundary();
    void bodyTooLargeByContentLength();
    void bodyLimitSetFromRequestHead();
    void bodyTooLargeWhileStreamingChunks();
    void chunkedBodyWithinLimit();
    void midMessageAndHeadersComplete();
    void finishReportsTruncation();
    void headersHelpers();
    void namesEqualMatchesAsciiCaseFolding();
    void headersStorage();
    void keptHeadsSurviveTheNextMessage();
    void headersSetAndRemove();
    void headersHasToken_data();
    void headersHasToken();
};

void TestHttpRequestParser::simpleGet()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data
        = QByteArrayLiteral("GET /billing/x?y=1 HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n");

    QCOMPARE(parser.feed(data), data.size());
    QVERIFY(!parser.hasError());
    QVERIFY(parser.isPaused());
    QCOMPARE(recorder.heads.size(), 1);
    QCOMPARE(recorder.completed, 1);
    const HttpRequestHead& head = recorder.heads.first();
    QCOMPARE(head.method, QByteArrayLiteral("GET"));
    QCOMPARE(head.target, QByteArrayLiteral("/billing/x?y=1"));
    QCOMPARE(head.versionMajor, 1);
    QCOMPARE(head.versionMinor, 1);
    QCOMPARE(head.headers.size(), 2);
    QCOMPARE(head.headers.all().at(0).name, QByteArrayLiteral("Host"));
    QCOMPARE(head.headers.all().at(0).value, QByteArrayLiteral("example.test"));
    QCOMPARE(head.headers.all().at(1).name, QByteArrayLiteral("Accept"));
    QVERIFY(head.keepAlive);
    QVERIFY(!head.chunked);
    QCOMPARE(head.contentLength, qint64(-1));
    QVERIFY(!head.expectsBody());
    QVERIFY(!parser.isMidMessage());
    QVERIFY(!parser.headersComplete());
    QCOMPARE(recorder.bodyCalls, 0);
}

void TestHttpRequestParser::headerLookupIsCaseInsensitive()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    feedAll(
        parser, QByteArrayLiteral("GET / HTTP/1.1\r\nX-Custom-Thing: one\r\nx-custom-thing: two\r\nHOST: h\r\n\r\n"));
    QCOMPARE(recorder.heads.size(), 1);
    const HttpHeaders& headers = recorder.heads.first().headers;
    QCOMPARE(headers.value("x-CUSTOM-thing"), QByteArrayLiteral("one"));
    QCOMPARE(headers.values("X-CUSTOM-THING"), (QList<QByteArray> {"one", "two"}));
    QVERIFY(headers.contains("host"));
    QVERIFY(!headers.contains("hos"));
    QCOMPARE(headers.value("missing"), QByteArray());
}

void TestHttpRequestParser::headerValuesAreTrimmed()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    feedAll(parser, QByteArrayLiteral("GET / HTTP/1.1\r\nA:   spaced value \t \r\nB:\r\nC: \r\n\r\n"));
    QCOMPARE(recorder.heads.size(), 1);
    const HttpHeaders& headers = recorder.heads.first().headers;
    QCOMPARE(headers.value("A"), QByteArrayLiteral("spaced value"));
    QVERIFY(headers.contains("B"));
    QCOMPARE(headers.value("B"), QByteArray());
    QCOMPARE(headers.value("C"), QByteArray());
    QCOMPARE(headers.size(), 3);
}

void TestHttpRequestParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<int>("minor");

    QTest::newRow("1.1 default") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << true << 1;
    QTest::newRow("1.1 close") << QByteArrayLiteral("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false << 1;
    QTest::newRow("1.1 Close mixed case")
        << QByteArrayLiteral("GET / HTTP/1.1\r\nconnection: CLOSE\r\n\r\n") << false << 1;
    QTest::newRow("1.1 list with close") << QByteArrayLiteral("GET / HTTP/1.1\r\nConnection: foo, close\r\n\r\n")
                                         << false << 1;
    QTest::newRow("1.0 default") << QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n") << false << 0;
    QTest::newRow("1.0 keep-alive") << QByteArrayLiteral("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true
                                    << 0;
}

void TestHttpRequestParser::keepAlive()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, keepAlive);
    QFETCH(int, minor);
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    QCOMPARE(feedAll(parser, data), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.heads.size(), 1);
    QCOMPARE(recorder.heads.first().keepAlive, keepAlive);
    QCOMPARE(recorder.heads.first().versionMinor, minor);
}

void TestHttpRequestParser::contentLengthBody()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data = QByteArrayLiteral("POST /x HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world");
    QCOMPARE(parser.feed(data), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.heads.size(), 1);
    QCOMPARE(recorder.heads.first().contentLength, qint64(11));
    QVERIFY(recorder.heads.first().expectsBody());
    QVERIFY(!recorder.heads.first().chunked);
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("hello world"));
    QCOMPARE(recorder.completed, 1);
}

void TestHttpRequestParser::chunkedBodyIsDeliveredIncrementally()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data = QByteArrayLiteral("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer-Field: x\r\n\r\n");
    QCOMPARE(feedAll(parser, data, 3), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.heads.size(), 1);
    QVERIFY(recorder.heads.first().chunked);
    QVERIFY(recorder.heads.first().expectsBody());
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("hello world"));
    // Trailer fields are not added to the delivered head.
    QVERIFY(!recorder.heads.first().headers.contains("Trailer-Field"));
    // The body arrived in several calls, all before the message completed.
    QVERIFY2(recorder.bodyCalls > 2, qPrintable(QString::number(recorder.bodyCalls)));
    QCOMPARE(recorder.events.first(), QByteArrayLiteral("head POST /x"));
    QCOMPARE(recorder.events.last(), QByteArrayLiteral("complete"));
    QCOMPARE(recorder.events.count(QByteArrayLiteral("body")), recorder.bodyCalls);
    QCOMPARE(recorder.completed, 1);
}

void TestHttpRequestParser::pipelining()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray first = QByteArrayLiteral("GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray second = QByteArrayLiteral("GET /b HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray both = first + second;

    QCOMPARE(parser.feed(both), first.size());
    QVERIFY(parser.isPaused());
    QCOMPARE(recorder.completed, 1);
    QCOMPARE(recorder.heads.size(), 1);
    QCOMPARE(recorder.heads.at(0).target, QByteArrayLiteral("/a"));

    // While paused nothing more is taken.
    QCOMPARE(parser.feed(QByteArrayView(both).sliced(first.size())), qsizetype(0));
    QCOMPARE(recorder.heads.size(), 1);

    parser.resume();
    QVERIFY(!parser.isPaused());
    QCOMPARE(parser.feed(QByteArrayView(both).sliced(first.size())), second.size());
    QCOMPARE(recorder.completed, 2);
    QCOMPARE(recorder.heads.size(), 2);
    QCOMPARE(recorder.heads.at(1).target, QByteArrayLiteral("/b"));
    QVERIFY(!parser.hasError());
}

void TestHttpRequestParser::pipeliningWithBodies()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray first = QByteArrayLiteral("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    const QByteArray second
        = QByteArrayLiteral("POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ndef\r\n0\r\n\r\n");
    const QByteArray third = QByteArrayLiteral("GET /c HTTP/1.1\r\n\r\n");
    const QByteArray all = first + second + third;

    QCOMPARE(parser.feed(all), first.size());
    parser.resume();
    QCOMPARE(parser.feed(QByteArrayView(all).sliced(first.size())), second.size());
    parser.resume();
    QCOMPARE(parser.feed(QByteArrayView(all).sliced(first.size() + second.size())), third.size());
    QCOMPARE(recorder.bodies, (QList<QByteArray> {"abc", "def", ""}));
    QCOMPARE(recorder.completed, 3);
}

void TestHttpRequestParser::leadingEmptyLinesAreIgnored()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data = QByteArrayLiteral("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    QCOMPARE(feedAll(parser, data, 1), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.completed, 1);
}

void TestHttpRequestParser::upgradeRequestIsParsedAsOrdinaryRequest()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data = QByteArrayLiteral("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
                                              "GET /next HTTP/1.1\r\n\r\n");
    QCOMPARE(feedAll(parser, data), data.size());
    QVERIFY2(!parser.hasError(), parser.error().code.constData());
    QCOMPARE(recorder.heads.size(), 2);
    QVERIFY(recorder.heads.at(0).headers.hasToken("connection", "upgrade"));
    QCOMPARE(recorder.heads.at(1).target, QByteArrayLiteral("/next"));
}

void TestHttpRequestParser::bytesAfterConnectionCloseAreDiscarded()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray data = QByteArrayLiteral("GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET /more HTTP/1.1\r\n\r\n");
    QCOMPARE(feedAll(parser, data), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.heads.size(), 1);
    QCOMPARE(recorder.completed, 1);
    QVERIFY(parser.finish());
}

void TestHttpRequestParser::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");

    const QByteArray chunkedHead = QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");

    QTest::newRow("obs-fold space") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n z\r\n\r\n") << 400
                                    << QByteArrayLiteral("obsolete_line_folding");
    QTest::newRow("obs-fold tab") << QByteArrayLiteral("GET / HTTP/1.1\r\nX: y\r\n\tz\r\nHost: a\r\n\r\n") << 400
                                  << QByteArrayLiteral("obsolete_line_folding");
    QTest::newRow("space before first header")
        << QByteArrayLiteral("GET / HTTP/1.1\r\n Host: a\r\n\r\n") << 400 << QByteArrayLiteral("obsolete_line_folding");
    QTest::newRow("content-length and transfer-encoding")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << 400 << QByteArrayLiteral("bad_content_length");
    QTest::newRow("transfer-encoding and content-length")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")
        << 400 << QByteArrayLiteral("bad_content_length");
    QTest::newRow("duplicate content-length equal")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na") << 400
        << QByteArrayLiteral("bad_content_length");
    QTest::newRow("duplicate content-length different")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 1\r\ncontent-length: 2\r\n\r\nab") << 400
        << QByteArrayLiteral("bad_content_length");
    QTest::newRow("content-length list") << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\na") << 400
                                         << QByteArrayLiteral("bad_content_length");
    QTest::newRow("content-length signed") << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\na") << 400
                                           << QByteArrayLiteral("bad_content_length");
    QTest::newRow("content-length above int64")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 18446744073709551615\r\n\r\na") << 400
        << QByteArrayLiteral("bad_content_length");
    QTest::newRow("bare LF after request line")
        << QByteArrayLiteral("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400 << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare LF after header") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n") << 400
                                          << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare LF ending head") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\r\n\n") << 400
                                         << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare LF only") << QByteArrayLiteral("GET / HTTP/1.1\nHost: a\n\n") << 400
                                  << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare CR in header") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n") << 400
                                       << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare CR after request line")
        << QByteArrayLiteral("GET / HTTP/1.1\rHost: a\r\n\r\n") << 400 << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("bare CR ending head") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: a\r\n\rX") << 400
                                         << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("space before colon") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400
                                        << QByteArrayLiteral("invalid_header");
    QTest::newRow("tab before colon") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n") << 400
                                      << QByteArrayLiteral("invalid_header");
    QTest::newRow("at sign in name") << QByteArrayLiteral("GET / HTTP/1.1\r\nH@st: a\r\n\r\n") << 400
                                     << QByteArrayLiteral("invalid_header");
    QTest::newRow("space in name") << QByteArrayLiteral("GET / HTTP/1.1\r\nHo st: a\r\n\r\n") << 400
                                   << QByteArrayLiteral("invalid_header");
    QTest::newRow("parenthesis in name") << QByteArrayLiteral("GET / HTTP/1.1\r\nX(y): a\r\n\r\n") << 400
                                         << QByteArrayLiteral("invalid_header");
    QTest::newRow("empty name") << QByteArrayLiteral("GET / HTTP/1.1\r\n: a\r\n\r\n") << 400
                                << QByteArrayLiteral("invalid_header");
    QTest::newRow("control in value") << QByteArrayLiteral("GET / HTTP/1.1\r\nX: a\x01z\r\n\r\n") << 400
                                      << QByteArrayLiteral("invalid_header");
    // HttpHeadWriter forwards parsed fields without a second look: no value it is given may hold NUL or DEL.
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\nX: a\0z\r\n\r\n", 26) << 400
                                  << QByteArrayLiteral("invalid_header");
    QTest::newRow("DEL in value") << QByteArrayLiteral("GET / HTTP/1.1\r\nX: a\x7fz\r\n\r\n") << 400
                                  << QByteArrayLiteral("invalid_header");
    QTest::newRow("NUL in name") << QByteArray("GET / HTTP/1.1\r\nX\0: a\r\n\r\n", 25) << 400
                                 << QByteArrayLiteral("invalid_header");
    QTest::newRow("chunk size letters") << chunkedHead + QByteArrayLiteral("zz\r\nhello\r\n0\r\n\r\n") << 400
                                        << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size negative") << chunkedHead + QByteArrayLiteral("-5\r\nhello\r\n0\r\n\r\n") << 400
                                         << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size 0x") << chunkedHead + QByteArrayLiteral("0x5\r\nhello\r\n0\r\n\r\n") << 400
                                   << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size space") << chunkedHead + QByteArrayLiteral("5 \r\nhello\r\n0\r\n\r\n") << 400
                                      << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size empty") << chunkedHead + QByteArrayLiteral("\r\nhello\r\n0\r\n\r\n") << 400
                                      << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size overflow") << chunkedHead + QByteArrayLiteral("fffffffffffffffff\r\nx\r\n0\r\n\r\n")
                                         << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size above int64") << chunkedHead + QByteArrayLiteral("ffffffffffffffff\r\nx\r\n0\r\n\r\n")
                                            << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size bare LF") << chunkedHead + QByteArrayLiteral("5\nhello\r\n0\r\n\r\n") << 400
                                        << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk size bare CR") << chunkedHead + QByteArrayLiteral("5\rxhello\r\n0\r\n\r\n") << 400
                                        << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk extension bare LF")
        << chunkedHead + QByteArrayLiteral("5;a=b\nhello\r\n0\r\n\r\n") << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk data without CRLF")
        << chunkedHead + QByteArrayLiteral("5\r\nhelloXX0\r\n\r\n") << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk data with bare LF")
        << chunkedHead + QByteArrayLiteral("5\r\nhello\n0\r\n\r\n") << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("chunk line too long") << chunkedHead + QByteArrayLiteral("5;") + repeated('a', 5000)
            + QByteArrayLiteral("\r\nhello\r\n0\r\n\r\n")
                                         << 400 << QByteArrayLiteral("bad_chunk");
    QTest::newRow("trailers end with bare LF")
        << chunkedHead + QByteArrayLiteral("0\r\n\n") << 400 << QByteArrayLiteral("invalid_line_ending");
    QTest::newRow("trailer obs-fold") << chunkedHead + QByteArrayLiteral("0\r\nT: a\r\n b\r\n\r\n") << 400
                                      << QByteArrayLiteral("obsolete_line_folding");
    QTest::newRow("trailer space before colon")
        << chunkedHead + QByteArrayLiteral("0\r\nT : a\r\n\r\n") << 400 << QByteArrayLiteral("invalid_header");
    QTest::newRow("transfer-encoding gzip") << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                            << 400 << QByteArrayLiteral("bad_transfer_encoding");
    QTest::newRow("transfer-encoding chunked not last")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") << 400
        << QByteArrayLiteral("bad_transfer_encoding");
    QTest::newRow("connect") << QByteArrayLiteral("CONNECT example.test:443 HTTP/1.1\r\nHost: example.test\r\n\r\n")
                             << 400 << QByteArrayLiteral("unsupported_method");
    QTest::newRow("invalid method") << QByteArrayLiteral("G@T / HTTP/1.1\r\n\r\n") << 400
                                    << QByteArrayLiteral("invalid_method");
    QTest::newRow("HTTP/2.0") << QByteArrayLiteral("GET / HTTP/2.0\r\n\r\n") << 505
                              << QByteArrayLiteral("unsupported_version");
    QTest::newRow("HTTP/0.9") << QByteArrayLiteral("GET / HTTP/0.9\r\n\r\n") << 505
                              << QByteArrayLiteral("unsupported_version");
    QTest::newRow("garbage protocol") << QByteArrayLiteral("GET / HTTX/1.1\r\n\r\n") << 400
                                      << QByteArrayLiteral("bad_request");
    QTest::newRow("garbage version") << QByteArrayLiteral("GET / HTTP/1.x\r\n\r\n") << 400
                                     << QByteArrayLiteral("invalid_version");
}

void TestHttpRequestParser::rejects()
{
    QFETCH(QByteArray, data);
    QFETCH(int, status);
    QFETCH(QByteArray, code);

    for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder);
        const qsizetype consumed = feedAll(parser, data, step);
        const QByteArray context
            = (step == 0 ? QByteArrayLiteral("one feed: ") : QByteArrayLiteral("byte by byte: ")) + parser.error().code;
        QVERIFY2(parser.hasError(), context.constData());
        QCOMPARE(parser.error().code, code);
        QCOMPARE(parser.error().status, status);
        QVERIFY(!parser.error().message.isEmpty());
        QVERIFY2(consumed <= data.size(), context.constData());
        QCOMPARE(recorder.completed, 0);
    }
}

void TestHttpRequestParser::errorIsSticky()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    const QByteArray bad = QByteArrayLiteral("GET / HTTP/1.1\r\nX: y\r\n z\r\n\r\n");
    QVERIFY(parser.feed(bad) < bad.size());
    QVERIFY(parser.hasError());
    const QByteArray good = QByteArrayLiteral("GET / HTTP/1.1\r\n\r\n");
    QCOMPARE(parser.feed(good), qsizetype(0));
    parser.resume();
    QCOMPARE(parser.feed(good), qsizetype(0));
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().code, QByteArrayLiteral("obsolete_line_folding"));
    QCOMPARE(recorder.heads.size(), 0);
    QVERIFY(!parser.finish());
}

void TestHttpRequestParser::byteByByteEqualsOneShot_data()
{
    QTest::addColumn<QByteArray>("data");

    QTest::newRow("get") << QByteArrayLiteral("GET /a?b=c HTTP/1.1\r\nHost: h\r\nAccept: x, y\r\n\r\n");
    QTest::newRow("content-length") << QByteArrayLiteral("PUT /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789");
    QTest::newRow("chunked with trailers")
        << QByteArrayLiteral("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "a;name=value\r\n0123456789\r\n1\r\nX\r\n0\r\nT1: a\r\nT2: b\r\n\r\n");
    QTest::newRow("pipelined mix") << QByteArrayLiteral(
        "\r\nGET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nok"
        "POST /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
        "GET /4 HTTP/1.0\r\n\r\n");
}

void TestHttpRequestParser::byteByByteEqualsOneShot()
{
    QFETCH(QByteArray, data);

    Recorder reference;
    HttpParser referenceParser(HttpParser::Mode::Request, reference);
    QCOMPARE(feedAll(referenceParser, data), data.size());
    QVERIFY(!referenceParser.hasError());
    QVERIFY(reference.completed > 0);

    for (const qsizetype step : {1, 2, 3, 7}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder);
        QCOMPARE(feedAll(parser, data, step), data.size());
        QVERIFY(!parser.hasError());
        QCOMPARE(recorder.mergedEvents(), reference.mergedEvents());
        QCOMPARE(recorder.bodies, reference.bodies);
        QCOMPARE(recorder.heads.size(), reference.heads.size());
        for (qsizetype i = 0; i < recorder.heads.size(); ++i) {
            const HttpRequestHead& a = recorder.heads.at(i);
            const HttpRequestHead& b = reference.heads.at(i);
            QCOMPARE(a.method, b.method);
            QCOMPARE(a.target, b.target);
            QCOMPARE(a.versionMinor, b.versionMinor);
            QCOMPARE(a.keepAlive, b.keepAlive);
            QCOMPARE(a.chunked, b.chunked);
            QCOMPARE(a.contentLength, b.contentLength);
            QCOMPARE(a.headers.size(), b.headers.size());
            for (qsizetype h = 0; h < a.headers.size(); ++h) {
                QCOMPARE(a.headers.all().at(h).name, b.headers.all().at(h).name);
                QCOMPARE(a.headers.all().at(h).value, b.headers.all().at(h).value);
            }
        }
    }
}

void TestHttpRequestParser::headerTooLargeAcrossFeeds()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    // 20 KiB of header lines and no end: the parser must give up once it has taken 16 KiB.
    QByteArray data = QByteArrayLiteral("GET / HTTP/1.1\r\n");
    while (data.size() < 20 * 1024)
        data += QByteArrayLiteral("X-Filler: ") + repeated('a', 100) + QByteArrayLiteral("\r\n");

    qsizetype consumed = 0;
    qsizetype fed = 0;
    for (qsizetype pos = 0; pos < data.size() && !parser.hasError(); pos += 1024) {
        const QByteArrayView piece = QByteArrayView(data).sliced(pos, qMin<qsizetype>(1024, data.size() - pos));
        fed += piece.size();
        consumed += parser.feed(piece);
    }
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().status, 431);
    QCOMPARE(parser.error().code, QByteArrayLiteral("header_too_large"));
    QCOMPARE(consumed, qsizetype(16 * 1024));
    QVERIFY2(fed <= 17 * 1024, qPrintable(QString::number(fed)));
    QCOMPARE(recorder.heads.size(), 0);
    QVERIFY(parser.isMidMessage());
}

void TestHttpRequestParser::headerTooLargeInOneFeed()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    // A complete head and body in one feed, but the head is too large: no head may be delivered.
    const QByteArray data
        = QByteArrayLiteral("GET / HTTP/1.1\r\nX-Big: ") + repeated('b', 20 * 1024) + QByteArrayLiteral("\r\n\r\n");
    QCOMPARE(parser.feed(data), qsizetype(16 * 1024));
    QCOMPARE(parser.error().status, 431);
    QCOMPARE(parser.error().code, QByteArrayLiteral("header_too_large"));
    QCOMPARE(recorder.heads.size(), 0);

    // A long request target counts too.
    Recorder recorder2;
    HttpParser parser2(HttpParser::Mode::Request, recorder2, {1024, -1});
    feedAll(parser2, QByteArrayLiteral("GET /") + repeated('p', 2000) + QByteArrayLiteral(" HTTP/1.1\r\n\r\n"), 5);
    QCOMPARE(parser2.error().code, QByteArrayLiteral("header_too_large"));
}

void TestHttpRequestParser::headerLimitBoundary()
{
    const QByteArray data = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {data.size(), -1});
        QCOMPARE(feedAll(parser, data, 1), data.size());
        QVERIFY(!parser.hasError());
        QCOMPARE(recorder.completed, 1);
    }
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {data.size() - 1, -1});
        QCOMPARE(feedAll(parser, data), data.size() - 1);
        QCOMPARE(parser.error().code, QByteArrayLiteral("header_too_large"));
        QCOMPARE(recorder.heads.size(), 0);
    }
    {
        // The limit counts per message: two heads that each fit pass, even together larger than it.
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {data.size(), -1});
        QCOMPARE(feedAll(parser, data + data), 2 * data.size());
        QCOMPARE(recorder.completed, 2);
    }
}

void TestHttpRequestParser::bodyTooLargeByContentLength()
{
    const QByteArray head = QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {16 * 1024, 10});
        // Only the head is sent: the refusal comes before any body byte.
        parser.feed(head);
        QVERIFY(parser.hasError());
        QCOMPARE(parser.error().status, 413);
        QCOMPARE(parser.error().code, QByteArrayLiteral("body_too_large"));
        QCOMPARE(recorder.bodyCalls, 0);
        QCOMPARE(recorder.completed, 0);
        // The head was delivered first: the connection logs the request it refuses.
        QCOMPARE(recorder.heads.size(), 1);
    }
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {16 * 1024, 11});
        const QByteArray data = head + QByteArrayLiteral("hello world");
        QCOMPARE(parser.feed(data), data.size());
        QVERIFY(!parser.hasError());
        QCOMPARE(recorder.completed, 1);
    }
}

void TestHttpRequestParser::bodyLimitSetFromRequestHead()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    recorder.onHead = [&parser] { parser.setLimits({16 * 1024, 4}); };
    QCOMPARE(parser.limits().maxBodyBytes, qint64(-1));
    parser.feed(QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"));
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().status, 413);
    QCOMPARE(parser.limits().maxBodyBytes, qint64(4));
}

void TestHttpRequestParser::bodyTooLargeWhileStreamingChunks()
{
    for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder, {16 * 1024, 8});
        const QByteArray data = QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                  "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
        const qsizetype consumed = feedAll(parser, data, step);
        QVERIFY(parser.hasError());
        QCOMPARE(parser.error().status, 413);
        QCOMPARE(parser.error().code, QByteArrayLiteral("body_too_large"));
        // The second chunk is refused from its size line, before any of its bytes are delivered.
        QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("hello"));
        QVERIFY(consumed <= data.indexOf("world"));
        QCOMPARE(recorder.completed, 0);
    }
}

void TestHttpRequestParser::chunkedBodyWithinLimit()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder, {16 * 1024, 10});
    const QByteArray data = QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
    QCOMPARE(feedAll(parser, data, 1), data.size());
    QVERIFY(!parser.hasError());
    QCOMPARE(recorder.bodies.first(), QByteArrayLiteral("helloworld"));
}

void TestHttpRequestParser::midMessageAndHeadersComplete()
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder);
    QVERIFY(!parser.isMidMessage());
    parser.feed(QByteArrayLiteral("\r\n"));
    QVERIFY(!parser.isMidMessage());
    parser.feed(QByteArrayLiteral("POST / HT"));
    QVERIFY(parser.isMidMessage());
    QVERIFY(!parser.headersComplete());
    parser.feed(QByteArrayLiteral("TP/1.1\r\nContent-Length: 4\r\n\r\nab"));
    QVERIFY(parser.isMidMessage());
    QVERIFY(parser.headersComplete());
    parser.feed(QByteArrayLiteral("cd"));
    QVERIFY(!parser.isMidMessage());
    QVERIFY(!parser.headersComplete());
    QCOMPARE(recorder.completed, 1);
}

void TestHttpRequestParser::finishReportsTruncation()
{
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder);
        parser.feed(QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab"));
        QVERIFY(!parser.finish());
        QCOMPARE(parser.error().code, QByteArrayLiteral("truncated"));
    }
    {
        Recorder recorder;
        HttpParser parser(HttpParser::Mode::Request, recorder);
        parser.feed(QByteArrayLiteral("GET / HTTP/1.1\r\n\r\n"));
        parser.resume();
        QVERIFY(parser.finish());
        QVERIFY(!parser.hasError());
    }
}

void TestHttpRequestParser::headersHelpers()
{
    HttpHeaders headers;
    QVERIFY(headers.isEmpty());
    headers.append("Content-Type", "text/plain");
    headers.append("Set-Cookie", "a=1");
    headers.append("set-cookie", "b=2");
    QCOMPARE(headers.size(), 3);
    QVERIFY(!headers.isEmpty());
    QCOMPARE(headers.value("CONTENT-TYPE"), QByteArrayLiteral("text/plain"));
    QCOMPARE(headers.values("Set-Cookie"), (QList<QByteArray> {"a=1", "b=2"}));
    QVERIFY(headers.contains("content-type"));
    QVERIFY(!headers.contains("content-typ"));
    QVERIFY(headers.values("missing").isEmpty());
    // The views: the same values in the same order, pointing into the headers' own storage.
    headers.append("SET-COOKIE", "c=3");
    const auto views = headers.valueViews("set-cookie");
    QCOMPARE(views.size(), 3);
    QCOMPARE(views[0], QByteArrayView("a=1"));
    QCOMPARE(views[1], QByteArrayView("b=2"));
    QCOMPARE(views[2], QByteArrayView("c=3"));
    QCOMPARE(views[1].data(), headers.at(2).value.data());
    QVERIFY(headers.valueViews("missing").isEmpty());
    headers.removeAll("SET-COOKIE");
    QVERIFY(headers.valueViews("set-cookie").isEmpty());
    QVERIFY(HttpHeaders::namesEqual("Content-Length", "content-LENGTH"));
    QVERIFY(!HttpHeaders::namesEqual("Content-Length", "Content-Lengt"));
    // Only ASCII letters fold: '[' (0x5B) is not '{' (0x7B).
    QVERIFY(!HttpHeaders::namesEqual("[", "{"));
}

void TestHttpRequestParser::namesEqualMatchesAsciiCaseFolding()
{
    // namesEqual works on eight bytes at a time: every pair of byte values, at every position of names of
    // every length up to 17 (short names, one word, a partial word after one), against plain ASCII folding.
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; };
    for (int x = 0; x < 256; ++x) {
        for (int y = 0; y < 256; ++y) {
            const bool expected = lower(char(x)) == lower(char(y));
            for (int length = 1; length <= 17; ++length) {
                for (int at : {0, length / 2, length - 1}) {
                    QByteArray a(length, 'k');
                    QByteArray b(length, 'K');
                    a[at] = char(x);
                    b[at] = char(y);
                    if (HttpHeaders::namesEqual(a, b) != expected)
                        QFAIL(qPrintable(
                            QStringLiteral("bytes %1 and %2 at %3 of %4").arg(x).arg(y).arg(at).arg(length)));
                }
            }
        }
    }
    QVERIFY(HttpHeaders::namesEqual("X-Forwarded-FOR", "x-forwarded-for"));
    QVERIFY(!HttpHeaders::namesEqual("X-Forwarded-FOR", "x-forwarded-fox"));
    QVERIFY(!HttpHeaders::namesEqual("x-forwarded-for", "y-forwarded-for"));
    QVERIFY(HttpHeaders::namesEqual(QByteArrayView(), ""));
}

void TestHttpRequestParser::headersStorage()
{
    HttpHeaders headers;
    headers.append("Host", "a.example");
    headers.append("X-Empty", "");
    headers.append("Via", "1.1 proxy");
    QList<QByteArray> seen;
    for (const HttpHeader& header : headers.all())
        seen.append(header.name.toByteArray() + '=' + header.value.toByteArray());
    QCOMPARE(seen, (QList<QByteArray> {"Host=a.example", "X-Empty=", "Via=1.1 proxy"}));

    // A copy shares the bytes until one side changes: the other keeps what it had.
    HttpHeaders copy = headers;
    copy.set("host", "b.example");
    copy.removeAll("via");
    QCOMPARE(headers.value("host"), QByteArrayLiteral("a.example"));
    QCOMPARE(headers.value("via"), QByteArrayLiteral("1.1 proxy"));
    QCOMPARE(copy.value("HOST"), QByteArrayLiteral("b.example"));
    QCOMPARE(copy.at(0).name, QByteArrayView("host"));
    QCOMPARE(copy.size(), 2);

    // Fields given as views into the headers' own storage, while it grows past its capacity.
    for (int i = 0; i < 100; ++i)
        copy.append(QByteArray("X-Fill-" + QByteArray::number(i)), QByteArray(50, char('a' + i % 26)));
    for (int i = 0; i < 20; ++i)
        copy.append(copy.at(i + 2).name, copy.at(i + 2).value);
    QCOMPARE(copy.size(), 122);
    QCOMPARE(copy.at(121).name, QByteArrayView("X-Fill-19"));
    QCOMPARE(copy.at(121).value, QByteArrayView(QByteArray(50, 't')));
    copy.set(copy.at(1).name, copy.at(50).value);
    QCOMPARE(copy.at(1).name, QByteArrayView("X-Empty"));
    QCOMPARE(copy.at(1).value, QByteArrayView(QByteArray(50, char('a' + 48 % 26))));
    QCOMPARE(copy.last().name, QByteArrayView("X-Fill-19"));

    // clear() keeps the storage for the next message, when nobody else holds it.
    const qsizetype capacity = copy.capacityBytes();
    QVERIFY(capacity > 0);
    copy.clear();
    QVERIFY(copy.isEmpty());
    QCOMPARE(copy.capacityBytes(), capacity);
    copy.append("A", "1");
    QCOMPARE(copy.value("a"), QByteArrayLiteral("1"));
    QCOMPARE(headers.size(), 3); // still untouched
}

void TestHttpRequestParser::keptHeadsSurviveTheNextMessage()
{
    // The parser reuses its header storage for the next message; a listener that copied a head's fields
    // keeps them as they were, whatever the next (pipelined, small or large) messages hold.
    class Copier : public HttpParserListener
    {
    public:
        void onRequestHead(HttpRequestHead&& head) override { heads.append(head.headers); }
        void onBody(QByteArrayView) override { }
        void onMessageComplete() override { }
        QList<HttpHeaders> heads;
    };
    const QByteArray large(10'000, 'L');
    const QByteArray data = "GET /a HTTP/1.1\r\nA: 1\r\nB: two\r\n\r\n"
                            "GET /b HTTP/1.1\r\nBig: "
        + large + "\r\nC: 3\r\n\r\nGET /c HTTP/1.1\r\nD: 4\r\n\r\n";
    for (const qsizetype step : {0, 1, 5}) {
        Copier copier;
        HttpParser parser(HttpParser::Mode::Request, copier);
        QCOMPARE(feedAll(parser, data, step), data.size());
        QVERIFY(!parser.hasError());
        QCOMPARE(copier.heads.size(), 3);
        QCOMPARE(copier.heads.at(0).size(), 2);
        QCOMPARE(copier.heads.at(0).value("a"), QByteArrayLiteral("1"));
        QCOMPARE(copier.heads.at(0).value("b"), QByteArrayLiteral("two"));
        QCOMPARE(copier.heads.at(1).size(), 2);
        QCOMPARE(copier.heads.at(1).value("big"), large);
        QCOMPARE(copier.heads.at(1).value("c"), QByteArrayLiteral("3"));
        QCOMPARE(copier.heads.at(2).size(), 1);
        QCOMPARE(copier.heads.at(2).at(0).name, QByteArrayView("D"));
        QCOMPARE(copier.heads.at(2).at(0).value, QByteArrayView("4"));
    }
}

void TestHttpRequestParser::headersSetAndRemove()
{
    HttpHeaders headers;
    headers.append("A", "1");
    headers.append("Via", "x");
    headers.append("B", "2");
    headers.append("via", "y");
    headers.append("C", "3");

    headers.set("VIA", "z");
    QCOMPARE(headers.size(), 4);
    QCOMPARE(headers.all().at(1).name, QByteArrayLiteral("VIA"));
    QCOMPARE(headers.all().at(1).value, QByteArrayLiteral("z"));
    QCOMPARE(headers.values("via"), (QList<QByteArray> {"z"}));
    QCOMPARE(headers.all().at(2).name, QByteArrayLiteral("B"));

    headers.set("D", "4");
    QCOMPARE(headers.all().last().name, QByteArrayLiteral("D"));

    headers.append("b", "22");
    QCOMPARE(headers.removeAll("B"), qsizetype(2));
    QCOMPARE(headers.removeAll("B"), qsizetype(0));
    QCOMPARE(headers.size(), 4);
    QVERIFY(!headers.contains("b"));
    QCOMPARE(headers.all().at(0).name, QByteArrayLiteral("A"));
    QCOMPARE(headers.all().at(2).name, QByteArrayLiteral("C"));
}

void TestHttpRequestParser::headersHasToken_data()
{
    QTest::addColumn<QList<QByteArray>>("connectionValues");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("expected");

    const QList<QByteArray> keepAliveUpgrade {"keep-alive, Upgrade"};
    QTest::newRow("second token") << keepAliveUpgrade << QByteArrayLiteral("upgrade") << true;
    QTest::newRow("first token") << keepAliveUpgrade << QByteArrayLiteral("KEEP-ALIVE") << true;
    QTest::newRow("part of a token") << keepAliveUpgrade << QByteArrayLiteral("keep") << false;
    QTest::newRow("other part of a token") << keepAliveUpgrade << QByteArrayLiteral("alive") << false;
    QTest::newRow("absent token") << keepAliveUpgrade << QByteArrayLiteral("close") << false;
    QTest::newRow("empty token") << QList<QByteArray> {"a, ,b"} << QByteArray() << false;
    QTest::newRow("tabs and spaces") << QList<QByteArray> {"a ,\tclose\t, b"} << QByteArrayLiteral("close") << true;
    QTest::newRow("second field") << QList<QByteArray> {"keep-alive", "close"} << QByteArrayLiteral("close") << true;
    QTest::newRow("no field") << QList<QByteArray> {} << QByteArrayLiteral("close") << false;
    QTest::newRow("whole value") << QList<QByteArray> {"keep-alive, Upgrade"}
                                 << QByteArrayLiteral("keep-alive, Upgrade") << false;
}

void TestHttpRequestParser::headersHasToken()
{
    QFETCH(QList<QByteArray>, connectionValues);
    QFETCH(QByteArray, token);
    QFETCH(bool, expected);

    HttpHeaders headers;
    headers.append("Upgrade", "close");
    for (const QByteArray& value : connectionValues)
        headers.append("Connection", value);
    QCOMPARE(headers.hasToken("connection", token), expected);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "TestHttpRequestParser.moc"

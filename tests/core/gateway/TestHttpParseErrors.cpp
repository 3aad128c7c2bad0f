#include "core/gateway/HttpParseErrors.h"

#include <QTest>

#include <llhttp.h>

using namespace gatehouse::gateway;

class TestHttpParseErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void llhttpErrorsHaveTheirOwnCodes_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("header token") << int(HPE_INVALID_HEADER_TOKEN) << QByteArray("invalid_header");
        QTest::newRow("space") << int(HPE_UNEXPECTED_SPACE) << QByteArray("invalid_header");
        QTest::newRow("content length") << int(HPE_INVALID_CONTENT_LENGTH) << QByteArray("bad_content_length");
        QTest::newRow("unexpected length") << int(HPE_UNEXPECTED_CONTENT_LENGTH) << QByteArray("bad_content_length");
        QTest::newRow("transfer encoding") << int(HPE_INVALID_TRANSFER_ENCODING) << QByteArray("bad_transfer_encoding");
        QTest::newRow("chunk size") << int(HPE_INVALID_CHUNK_SIZE) << QByteArray("bad_chunk");
        QTest::newRow("method") << int(HPE_INVALID_METHOD) << QByteArray("invalid_method");
        QTest::newRow("url") << int(HPE_INVALID_URL) << QByteArray("invalid_target");
        QTest::newRow("version") << int(HPE_INVALID_VERSION) << QByteArray("invalid_version");
        QTest::newRow("status") << int(HPE_INVALID_STATUS) << QByteArray("invalid_status");
        QTest::newRow("upgrade") << int(HPE_PAUSED_UPGRADE) << QByteArray("unsupported_upgrade");
    }
    void llhttpErrorsHaveTheirOwnCodes()
    {
        QFETCH(int, err);
        QFETCH(QByteArray, code);
        for (bool inChunkedBody : {false, true}) {
            const HttpParseError error = HttpParseErrors::fromLlhttp(err, inChunkedBody);
            QCOMPARE(error.status, 400);
            QCOMPARE(error.code, code);
            QVERIFY(!error.message.isEmpty());
        }
    }

    void otherLlhttpErrorsDependOnWhereTheParserWas()
    {
        QCOMPARE(HttpParseErrors::fromLlhttp(HPE_STRICT, false).code, QByteArray("bad_request"));
        QCOMPARE(HttpParseErrors::fromLlhttp(HPE_STRICT, true).code, QByteArray("bad_chunk"));
        QCOMPARE(HttpParseErrors::fromLlhttp(HPE_INVALID_CONSTANT, true).status, 400);
    }

    void scannerFaults()
    {
        using Fault = HttpLineScanner::Fault;
        QCOMPARE(
            HttpParseErrors::fromScanner(Fault::ObsoleteFolding, false, 100).code, QByteArray("obsolete_line_folding"));
        QCOMPARE(HttpParseErrors::fromScanner(Fault::BareLf, false, 100).code, QByteArray("invalid_line_ending"));
        QCOMPARE(HttpParseErrors::fromScanner(Fault::BareCr, false, 100).code, QByteArray("invalid_line_ending"));
        QCOMPARE(HttpParseErrors::fromScanner(Fault::NotEmpty, false, 100).code, QByteArray("invalid_line_ending"));
        const HttpParseError tooLong = HttpParseErrors::fromScanner(Fault::TooLong, false, 16384);
        QCOMPARE(tooLong.status, 431);
        QCOMPARE(tooLong.code, QByteArray("header_too_large"));
        QVERIFY(tooLong.message.contains(u"16384"));
        // In a chunk line every fault is a malformed chunk.
        for (Fault fault : {Fault::TooLong, Fault::BareLf, Fault::ObsoleteFolding}) {
            const HttpParseError error = HttpParseErrors::fromScanner(fault, true, 100);
            QCOMPARE(error.status, 400);
            QCOMPARE(error.code, QByteArray("bad_chunk"));
        }
    }

    void bodyTooLargeNamesTheLimit()
    {
        const HttpParseError error = HttpParseErrors::bodyTooLarge(1048576);
        QCOMPARE(error.status, 413);
        QCOMPARE(error.code, QByteArray("body_too_large"));
        QCOMPARE(error.message, QStringLiteral("The body exceeds the limit of 1048576 bytes."));
    }
};

QTEST_GUILESS_MAIN(TestHttpParseErrors)
#include "TestHttpParseErrors.moc"

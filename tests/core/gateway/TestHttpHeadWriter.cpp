#include "core/gateway/HttpHeadWriter.h"

#include <QTest>

#include <limits>

using namespace gatehouse::gateway;

class TestHttpHeadWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAHead();
    void appendsAfterWhatTheBufferHolds();
    void growsPastItsEstimate();
    void writesNumbers_data();
    void writesNumbers();
    void keepsBytesAsTheyAre();
    void refusesFieldsThatCouldSplitTheHead_data();
    void refusesFieldsThatCouldSplitTheHead();
    void destructorFinishes();
    void reusedBufferKeepsItsCapacity();
};

void TestHttpHeadWriter::writesAHead()
{
    QByteArray out;
    HttpHeadWriter writer(out);
    writer.append("HTTP/1.1 ").appendNumber(200).append(' ').append("OK").append("\r\n");
    writer.field("Content-Type", "text/plain").field("Content-Length", qint64(5)).end();
    writer.finish();
    QCOMPARE(out, QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n"));
}

void TestHttpHeadWriter::appendsAfterWhatTheBufferHolds()
{
    QByteArray out = QByteArrayLiteral("earlier body bytes");
    {
        HttpHeadWriter writer(out, 4);
        writer.field("A", "1").end();
    }
    QCOMPARE(out, QByteArrayLiteral("earlier body bytesA: 1\r\n\r\n"));
}

void TestHttpHeadWriter::growsPastItsEstimate()
{
    // Far more than the estimate, in parts both smaller and larger than the room left.
    QByteArray expected;
    QByteArray out;
    HttpHeadWriter writer(out, 1);
    for (int i = 0; i < 200; ++i) {
        const QByteArray value(i * 7, char('a' + i % 26));
        const QByteArray name = "X-Field-" + QByteArray::number(i);
        writer.field(name, value);
        writer.append('!');
        expected += name + ": " + value + "\r\n!";
    }
    const QByteArray large(100'000, 'z');
    writer.append(large).end();
    expected += large + "\r\n";
    writer.finish();
    QCOMPARE(out.size(), expected.size());
    QCOMPARE(out, expected);
}

void TestHttpHeadWriter::writesNumbers_data()
{
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << qint64(0) << QByteArrayLiteral("0");
    QTest::newRow("status") << qint64(404) << QByteArrayLiteral("404");
    QTest::newRow("negative") << qint64(-17) << QByteArrayLiteral("-17");
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << QByteArrayLiteral("9223372036854775807");
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << QByteArrayLiteral("-9223372036854775808");
}

void TestHttpHeadWriter::writesNumbers()
{
    QFETCH(qint64, number);
    QFETCH(QByteArray, text);
    QByteArray out;
    HttpHeadWriter(out).appendNumber(number);
    QCOMPARE(out, text);
    QCOMPARE(out, QByteArray::number(number));
}

void TestHttpHeadWriter::keepsBytesAsTheyAre()
{
    // What a parsed value may hold (bytes above 0x7f, a colon, spaces, a tab) passes through unchanged.
    const QByteArray value("a:b\xff\x80 \tc", 8);
    QByteArray out;
    HttpHeadWriter(out).field("X-A", value).field("Empty", QByteArrayView());
    QCOMPARE(out, "X-A: " + value + "\r\nEmpty: \r\n");
}

void TestHttpHeadWriter::refusesFieldsThatCouldSplitTheHead_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("CRLF in the value") << QByteArray("WWW-Authenticate")
                                       << QByteArray("Bearer error=\"x\r\nX-Injected: yes\r\n\r\nHTTP/1.1 200\"");
    QTest::newRow("LF in the value") << QByteArray("X-A") << QByteArray("a\nb");
    QTest::newRow("CR in the value") << QByteArray("X-A") << QByteArray("a\rb");
    QTest::newRow("NUL in the value") << QByteArray("X-A") << QByteArray("a\0b", 3);
    QTest::newRow("colon in the name") << QByteArray("X-A:") << QByteArray("b");
    QTest::newRow("space in the name") << QByteArray("X A") << QByteArray("b");
    QTest::newRow("CRLF in the name") << QByteArray("X\r\nY") << QByteArray("b");
    QTest::newRow("control byte in the name") << QByteArray("X-\x01") << QByteArray("b");
    QTest::newRow("empty name") << QByteArray() << QByteArray("b");
}

void TestHttpHeadWriter::refusesFieldsThatCouldSplitTheHead()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QByteArray out;
    HttpHeadWriter writer(out);
    writer.field("Before", "1").field(name, value).field("After", "2").end();
    QCOMPARE(writer.refusedFields(), 1);
    writer.finish();
    QCOMPARE(out, QByteArrayLiteral("Before: 1\r\nAfter: 2\r\n\r\n"));

    // A name written in the source has its value looked at all the same, at every length and position.
    for (qsizetype length = 1; length <= 24; ++length) {
        for (qsizetype at = 0; at < length; ++at) {
            for (char bad : {'\r', '\n', '\0'}) {
                QByteArray text(length, 'v');
                text[at] = bad;
                QByteArray written;
                HttpHeadWriter check(written);
                check.field("X-Request-Id", text);
                QCOMPARE(check.refusedFields(), 1);
                QVERIFY(HttpHeadWriter::isFieldValue(QByteArray(length, 'v')));
            }
        }
    }
}

void TestHttpHeadWriter::destructorFinishes()
{
    QByteArray out;
    {
        HttpHeadWriter writer(out, 4096);
        writer.append("GET / HTTP/1.1\r\n");
    }
    QCOMPARE(out, QByteArrayLiteral("GET / HTTP/1.1\r\n"));
    QCOMPARE(out.size(), qsizetype(16));
}

void TestHttpHeadWriter::reusedBufferKeepsItsCapacity()
{
    QByteArray out;
    HttpHeadWriter(out, 1024).append("first");
    const char* data = out.constData();
    out.resize(0); // as the client outbox does after a write
    HttpHeadWriter(out, 512).append("second");
    QCOMPARE(out, QByteArrayLiteral("second"));
    QCOMPARE(out.constData(), data); // no new allocation
}

QTEST_GUILESS_MAIN(TestHttpHeadWriter)
#include "TestHttpHeadWriter.moc"

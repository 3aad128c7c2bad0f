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
    // Whatever a parsed field holds (NUL, bytes above 0x7f, a colon) passes through unchanged.
    const QByteArray name("X-\x01:", 4);
    const QByteArray value("a\0b\xff\x80 c", 7);
    QByteArray out;
    HttpHeadWriter(out).field(name, value).field("Empty", QByteArrayView());
    QCOMPARE(out, name + ": " + value + "\r\nEmpty: \r\n");
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

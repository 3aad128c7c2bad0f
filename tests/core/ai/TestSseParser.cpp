#include "core/ai/SseParser.h"

#include <QRandomGenerator>
#include <QTest>

using gatehouse::SseEvent;
using gatehouse::SseParser;

namespace {

QList<SseEvent> parseAll(const QByteArray& bytes, int pieceSize)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype at = 0; at < bytes.size(); at += pieceSize)
        events += parser.feed(QByteArrayView(bytes).sliced(at, qMin<qsizetype>(pieceSize, bytes.size() - at)));
    return events;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesFieldsAndDispatchesOnBlankLine()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("event: message_start\ndata: {\"a\":1}\nid: 7\n\ndata: second\n\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].event, QByteArray("message_start"));
        QCOMPARE(events[0].data, QByteArray("{\"a\":1}"));
        QCOMPARE(events[0].id, QByteArray("7"));
        QCOMPARE(events[1].event, QByteArray()); // the type resets with each event
        QCOMPARE(events[1].data, QByteArray("second"));
        QCOMPARE(events[1].id, QByteArray("7")); // the last event id persists
        QVERIFY(parser.finish());
    }

    void joinsDataLinesAndHandlesColonsAndSpaces()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("data:first\ndata:  two spaces\ndata\ndata: a: b\n\n");
        QCOMPARE(events.size(), 1);
        // Only one space after the colon is removed; "data" alone is an empty data line.
        QCOMPARE(events[0].data, QByteArray("first\n two spaces\n\na: b"));
    }

    void ignoresCommentsUnknownFieldsAndEventsWithoutData()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed(": keep-alive\nretry: 100\nfoo: bar\n\nevent: ping\n\ndata: x\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].event, QByteArray()); // "ping" had no data and was reset with it
        QCOMPARE(events[0].data, QByteArray("x"));
    }

    void acceptsEveryLineEnding_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("LF") << QByteArray("data: a\ndata: b\n\ndata: c\n\n");
        QTest::newRow("CRLF") << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
        QTest::newRow("CR") << QByteArray("data: a\rdata: b\r\rdata: c\r\r");
        QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\n\rdata: c\r\n\n");
    }
    void acceptsEveryLineEnding()
    {
        QFETCH(QByteArray, stream);
        for (int piece : {1, 2, 3, 1000}) {
            const QList<SseEvent> events = parseAll(stream, piece);
            QCOMPARE(events.size(), 2);
            QCOMPARE(events[0].data, QByteArray("a\nb"));
            QCOMPARE(events[1].data, QByteArray("c"));
        }
    }

    void crAtTheEndOfOnePieceAndLfAtTheStartOfTheNextAreOneLineEnd()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: a\r").isEmpty());
        // Were the LF taken for a line end of its own, it would dispatch "a" here.
        QVERIFY(parser.feed("\ndata: b\r").isEmpty());
        const QList<SseEvent> events = parser.feed("\n\r\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("a\nb"));
    }

    void multiByteCharactersSurviveAnySplit()
    {
        const QByteArray stream = QStringLiteral("data: Grüße aus Zürich \U0001F44B\n\n").toUtf8();
        for (int piece = 1; piece <= 5; ++piece) {
            const QList<SseEvent> events = parseAll(stream, piece);
            QCOMPARE(events.size(), 1);
            QCOMPARE(QString::fromUtf8(events[0].data), QStringLiteral("Grüße aus Zürich \U0001F44B"));
        }
    }

    void randomSplitsGiveTheSameEvents()
    {
        QByteArray stream;
        for (int i = 0; i < 50; ++i)
            stream += "event: e" + QByteArray::number(i) + "\r\ndata: {\"n\":" + QByteArray::number(i)
                + "}\r\ndata: more\r\n\r\n";
        const QList<SseEvent> expected = parseAll(stream, int(stream.size()));
        QCOMPARE(expected.size(), 50);
        QRandomGenerator random(7);
        for (int round = 0; round < 20; ++round) {
            SseParser parser;
            QList<SseEvent> events;
            qsizetype at = 0;
            while (at < stream.size()) {
                const qsizetype size = qMin<qsizetype>(random.bounded(1, 40), stream.size() - at);
                events += parser.feed(QByteArrayView(stream).sliced(at, size));
                at += size;
            }
            QCOMPARE(events.size(), expected.size());
            for (qsizetype i = 0; i < events.size(); ++i) {
                QCOMPARE(events[i].event, expected[i].event);
                QCOMPARE(events[i].data, expected[i].data);
            }
        }
    }

    void finishReportsALeftOverEvent()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: complete\n\ndata: cut").size() == 1);
        QVERIFY(!parser.finish());
        SseParser pending;
        QVERIFY(pending.feed("data: no blank line yet\n").isEmpty());
        QVERIFY(!pending.finish()); // a complete line but no dispatch: the event is discarded
        SseParser clean;
        QCOMPARE(clean.feed("data: x\n\n").size(), 1);
        QVERIFY(clean.finish());
    }

    void skipsALeadingByteOrderMark()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("\xEF\xBB\xBF"
                                                   "data: x\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("x"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"

#include "core/ai/StreamUsageOption.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

class TestStreamUsageOption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsUsage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no options")
            << QByteArray("{\"model\":\"m\",\"stream\":true}")
            << QByteArray("{\"stream_options\":{\"include_usage\":true},\"model\":\"m\",\"stream\":true}");
        QTest::newRow("spacing kept")
            << QByteArray(" {\n  \"stream\" : true\n}\n")
            << QByteArray(" {\"stream_options\":{\"include_usage\":true},\n  \"stream\" : true\n}\n");
        QTest::newRow("empty options") << QByteArray("{\"stream\":true,\"stream_options\":{ }}")
                                       << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true }}");
        QTest::newRow("other option kept")
            << QByteArray("{\"stream\":true,\"stream_options\":{\"x\":[1,{\"include_usage\":false}]}}")
            << QByteArray(
                   "{\"stream\":true,\"stream_options\":{\"include_usage\":true,\"x\":[1,{\"include_usage\":false}]}}");
        QTest::newRow("usage false") << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":false}}")
                                     << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        QTest::newRow("usage null") << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\": null}}")
                                    << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\": true}}");
        QTest::newRow("options null") << QByteArray("{\"stream\":true,\"stream_options\":null}")
                                      << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        QTest::newRow("big numbers untouched")
            << QByteArray("{\"seed\":12345678901234567890,\"temperature\":0.70,\"stream\":true}")
            << QByteArray(
                   "{\"stream_options\":{\"include_usage\":true},\"seed\":12345678901234567890,\"temperature\":0.70,"
                   "\"stream\":true}");
        QTest::newRow("strings with braces untouched")
            << QByteArray("{\"messages\":[{\"content\":\"} \\\"stream_options\\\": {\"}],\"stream\":true}")
            << QByteArray("{\"stream_options\":{\"include_usage\":true},\"messages\":[{\"content\":\"} "
                          "\\\"stream_options\\\": "
                          "{\"}],\"stream\":true}");
        QTest::newRow("duplicate options, both edited")
            << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"stream_options\":{}}")
            << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"stream_options\":{\"include_"
                          "usage\":true}}");
        QTest::newRow("duplicate usage, both true")
            << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":false,\"include_usage\":true}}")
            << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true,\"include_usage\":true}}");
        QTest::newRow("escaped member names")
            << QByteArray("{\"stre\\u0061m\":true,\"stream_options\":{\"include_usag\\u0065\":false}}")
            << QByteArray("{\"stre\\u0061m\":true,\"stream_options\":{\"include_usag\\u0065\":true}}");
    }

    void addsUsage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        const std::optional<QByteArray> edited = withStreamUsage(body);
        QVERIFY(edited.has_value());
        QCOMPARE(*edited, expected);
        QJsonParseError error {};
        const QJsonObject json = QJsonDocument::fromJson(*edited, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")), true);
        QVERIFY(!withStreamUsage(*edited).has_value()); // once is enough
    }

    void leavesAlone_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no stream") << QByteArray("{\"model\":\"m\"}");
        QTest::newRow("stream false") << QByteArray("{\"stream\":false}");
        QTest::newRow("stream as string") << QByteArray("{\"stream\":\"true\"}");
        QTest::newRow("stream nested") << QByteArray("{\"x\":{\"stream\":true}}");
        QTest::newRow("already asked") << QByteArray("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        QTest::newRow("options a string") << QByteArray("{\"stream\":true,\"stream_options\":\"x\"}");
        QTest::newRow("options an array") << QByteArray("{\"stream\":true,\"stream_options\":[]}");
        QTest::newRow("not JSON") << QByteArray("stream=true");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[{\"stream\":true}]");
        QTest::newRow("truncated") << QByteArray("{\"stream\":true,");
    }

    void leavesAlone()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!withStreamUsage(body).has_value());
    }
};

QTEST_GUILESS_MAIN(TestStreamUsageOption)
#include "TestStreamUsageOption.moc"

#include "ui/livelog/RequestLogExporter.h"

#include "core/requestlog/RequestLogJson.h"
#include "tests/ui/livelog/LogRows.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using test::loggedRow;

class TestRequestLogExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvQuotesPerRfc4180()
    {
        LoggedRequest row = loggedRow(42, "/a,\"b\"\r\nc", 200);
        row.event.apiName = QStringLiteral("billing");
        row.event.tokenId = 7;
        row.tokenName = QStringLiteral("ci \"main\"");
        row.tokenHint = QStringLiteral("AbCd");
        const QByteArray line = ui::RequestLogExporter::csvLine(row);
        QVERIFY(line.startsWith("42,\""));
        QVERIFY(line.contains(",\"/a,\"\"b\"\"\r\nc\","));
        QVERIFY(line.contains(",\"billing\","));
        QVERIFY(line.contains(",7,\"ci \"\"main\"\"\",\"AbCd\",200,200,"));
        // No error, and not an AI request: empty quoted texts, empty numbers.
        QVERIFY2(line.endsWith(",\"\",\"\",\"\",,\r\n"), line.constData());
        QVERIFY(ui::RequestLogExporter::csvHeader().startsWith("id,time,request_id,method,path,"));
        QVERIFY(ui::RequestLogExporter::csvHeader().endsWith(",error,provider,model,tokens_in,tokens_out\r\n"));
    }

    void aiRequestsCarryProviderModelAndTokens()
    {
        LoggedRequest row = loggedRow(43, "/ai/v1/chat/completions", 200);
        row.event.providerId = 3;
        row.event.providerName = QStringLiteral("anthropic");
        row.event.model = QStringLiteral("claude-sonnet-4-5");
        row.event.tokensIn = 12;
        row.event.tokensOut = 345;
        QVERIFY(ui::RequestLogExporter::csvLine(row).endsWith(",\"anthropic\",\"claude-sonnet-4-5\",12,345\r\n"));
        const QJsonObject json = QJsonDocument::fromJson(ui::RequestLogExporter::jsonLine(row)).object();
        QCOMPARE(json.value(QStringLiteral("provider")).toString(), QStringLiteral("anthropic"));
        QCOMPARE(json.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(json.value(QStringLiteral("tokens_in")).toInteger(), 12);
        QCOMPARE(json.value(QStringLiteral("tokens_out")).toInteger(), 345);
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        ui::RequestLogExporter exporter(
            test::loggedRows(1, 3 * ui::RequestLogExporter::kRowsPerChunk), path, ui::RequestLogExporter::Format::Csv);
        QSignalSpy progress(&exporter, &ui::RequestLogExporter::progress);
        QSignalSpy finished(&exporter, &ui::RequestLogExporter::finished);
        exporter.start();
        // The first chunk is written on a later event-loop pass, not inside start().
        QTRY_VERIFY(progress.size() >= 2);
        QCOMPARE(finished.size(), 0);
        exporter.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void writesEveryRowInChunks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("all.jsonl"));
        QCOMPARE(ui::RequestLogExporter::formatForPath(path), ui::RequestLogExporter::Format::JsonLines);
        const int total = 2 * ui::RequestLogExporter::kRowsPerChunk + 5;
        const QList<LoggedRequest> rows = test::loggedRows(1, total);
        ui::RequestLogExporter exporter(rows, path, ui::RequestLogExporter::Format::JsonLines);
        QSignalSpy progress(&exporter, &ui::RequestLogExporter::progress);
        QSignalSpy finished(&exporter, &ui::RequestLogExporter::finished);
        exporter.start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(progress.size(), 4); // 0, then three chunks
        QCOMPARE(progress.last().at(0).toInt(), total);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), total + 1); // the last line ends with a newline too
        QCOMPARE(QJsonDocument::fromJson(lines.at(total - 1)).object().value(QStringLiteral("id")).toInteger(), total);
        // The format of `gatehouse-cli logs --json`, line for line.
        QCOMPARE(lines.at(0) + '\n', requestlogjson::line(rows.first()));
    }
};

QTEST_MAIN(TestRequestLogExporter)
#include "TestRequestLogExporter.moc"

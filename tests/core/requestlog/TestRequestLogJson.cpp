#include "core/requestlog/RequestLogJson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

namespace {

// A row the way the log reads one back: an API request with a token, answered by the upstream.
LoggedRequest apiRow()
{
    LoggedRequest row;
    row.id = 7;
    row.tokenName = QStringLiteral("deploy \"main\"");
    row.tokenHint = QStringLiteral("AbCd");
    RequestEvent& e = row.event;
    e.timeMs = QDateTime(QDate(2026, 1, 15), QTime(12, 0, 0, 123), Qt::UTC).toMSecsSinceEpoch();
    e.requestId = "0123abcd";
    e.method = "GET";
    e.path = "/billing/invoices?page=";
    e.apiId = 2;
    e.apiName = QStringLiteral("billing");
    e.consumerId = 3;
    e.consumerName = QStringLiteral("Zoë");
    e.tokenId = 9;
    e.status = 200;
    e.upstreamStatus = 201;
    e.latencyUs = 1500;
    e.bytesIn = 0;
    e.bytesOut = 120;
    e.clientAddress = "127.0.0.1";
    return row;
}

} // namespace

// The format `gatehouse-cli logs --json` has always printed and the console exports: pinned byte for byte, since
// scripts parse it.
class TestRequestLogJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apiRequestLine()
    {
        const QByteArray expected(
            "{\"api\":\"billing\",\"bytes_in\":0,\"bytes_out\":120,\"client\":\"127.0.0.1\",\"consumer\":\"Zoë\","
            "\"error\":null,\"id\":7,\"latency_us\":1500,\"method\":\"GET\",\"model\":null,"
            "\"path\":\"/billing/invoices?page=\",\"provider\":null,\"request_id\":\"0123abcd\",\"status\":200,"
            "\"time\":\"2026-01-15T12:00:00.123Z\",\"token_hint\":\"AbCd\",\"token_id\":9,"
            "\"token_name\":\"deploy \\\"main\\\"\",\"tokens_in\":null,\"tokens_out\":null,\"upstream_status\":201,"
            "\"usage_estimated\":null}"
            "\n");
        QCOMPARE(requestlogjson::line(apiRow()), expected);
    }

    void refusalHasNullsForWhatItLacks()
    {
        LoggedRequest row;
        row.id = 8;
        row.event.timeMs = 0;
        row.event.requestId = "r";
        row.event.method = "POST";
        row.event.path = "/x";
        row.event.status = 401;
        row.event.error = "missing";
        row.event.rejectReason = "missing";
        const QByteArray expected(
            "{\"api\":null,\"bytes_in\":0,\"bytes_out\":0,\"client\":null,\"consumer\":null,\"error\":\"missing\","
            "\"id\":8,\"latency_us\":0,\"method\":\"POST\",\"model\":null,\"path\":\"/x\",\"provider\":null,"
            "\"request_id\":\"r\",\"status\":401,\"time\":\"1970-01-01T00:00:00.000Z\",\"token_hint\":null,"
            "\"token_id\":null,\"token_name\":null,\"tokens_in\":null,\"tokens_out\":null,"
            "\"upstream_status\":null,\"usage_estimated\":null}"
            "\n");
        QCOMPARE(requestlogjson::line(row), expected);
    }

    void aiRequestCarriesProviderModelAndTokens()
    {
        LoggedRequest row = apiRow();
        row.event.providerId = 4;
        row.event.providerName = QStringLiteral("anthropic");
        row.event.model = QStringLiteral("claude-sonnet-4-5");
        row.event.tokensIn = 0; // reported as none: a number, unlike "not reported"
        row.event.tokensOut = 345;
        row.event.usageEstimated = true;
        const QJsonObject object = requestlogjson::object(row);
        QCOMPARE(object.value(QStringLiteral("provider")).toString(), QStringLiteral("anthropic"));
        QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(object.value(QStringLiteral("tokens_in")).toInteger(-1), 0);
        QCOMPARE(object.value(QStringLiteral("tokens_out")).toInteger(), 345);
        QCOMPARE(object.value(QStringLiteral("usage_estimated")).toBool(), true);

        row.event.tokensIn = -1;
        row.event.usageEstimated = false;
        const QJsonObject unreported = requestlogjson::object(row);
        QVERIFY(unreported.value(QStringLiteral("tokens_in")).isNull());
        QCOMPARE(unreported.value(QStringLiteral("usage_estimated")).toBool(true), false);
    }

    void lineIsTheObjectOnOneLine()
    {
        const QByteArray line = requestlogjson::line(apiRow());
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QCOMPARE(QJsonDocument::fromJson(line).object(), requestlogjson::object(apiRow()));
    }
};

QTEST_GUILESS_MAIN(TestRequestLogJson)
#include "TestRequestLogJson.moc"

#include "core/requestlog/RequestLogJson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>

namespace gatehouse::requestlogjson {

QJsonObject object(const LoggedRequest& row)
{
    const RequestEvent& e = row.event;
    auto orNull = [](qint64 value) { return value > 0 ? QJsonValue(value) : QJsonValue(); };
    auto textOrNull = [](const QString& text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("id"), row.id},
        {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("request_id"), QString::fromLatin1(e.requestId)},
        {QStringLiteral("method"), QString::fromLatin1(e.method)}, {QStringLiteral("path"), QString::fromUtf8(e.path)},
        {QStringLiteral("api"), textOrNull(e.apiName)}, {QStringLiteral("consumer"), textOrNull(e.consumerName)},
        {QStringLiteral("token_id"), orNull(e.tokenId)}, {QStringLiteral("token_name"), textOrNull(row.tokenName)},
        {QStringLiteral("token_hint"), textOrNull(row.tokenHint)}, {QStringLiteral("status"), e.status},
        {QStringLiteral("upstream_status"), orNull(e.upstreamStatus)}, {QStringLiteral("latency_us"), e.latencyUs},
        {QStringLiteral("bytes_in"), e.bytesIn}, {QStringLiteral("bytes_out"), e.bytesOut},
        {QStringLiteral("client"), textOrNull(QString::fromLatin1(e.clientAddress))},
        {QStringLiteral("error"), textOrNull(QString::fromUtf8(e.error))},
        {QStringLiteral("provider"), textOrNull(e.providerName)}, {QStringLiteral("model"), textOrNull(e.model)},
        {QStringLiteral("tokens_in"), e.tokensIn >= 0 ? QJsonValue(e.tokensIn) : QJsonValue()},
        {QStringLiteral("tokens_out"), e.tokensOut >= 0 ? QJsonValue(e.tokensOut) : QJsonValue()},
        // Like the token counts, null for a request that was not an AI call.
        {QStringLiteral("usage_estimated"), e.providerId > 0 ? QJsonValue(e.usageEstimated) : QJsonValue()}};
}

QByteArray line(const LoggedRequest& row)
{
    return QJsonDocument(object(row)).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace gatehouse::requestlogjson

#include "core/ai/OpenAiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

namespace OpenAiError {

QByteArray body(const QString& message, QByteArrayView type, const QString& param, const QString& code)
{
    QJsonObject error;
    error.insert(QStringLiteral("message"), message);
    error.insert(QStringLiteral("type"), QString::fromLatin1(type));
    error.insert(QStringLiteral("param"), param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param));
    error.insert(QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
    return QJsonDocument(QJsonObject {{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QByteArray invalidRequest(const Error& error)
{
    return body(error.message, "invalid_request_error", error.field);
}

UpstreamError parseUpstreamError(QByteArrayView raw)
{
    UpstreamError result;
    const QJsonDocument document = QJsonDocument::fromJson(raw.toByteArray());
    if (!document.isObject()) {
        // Proxies in front of providers answer with HTML or plain text; keep a short, printable piece of it.
        result.message = QString::fromUtf8(raw.first(qMin<qsizetype>(raw.size(), 200))).simplified();
        return result;
    }
    const QJsonObject root = document.object();
    const QJsonValue errorValue = root.value(QStringLiteral("error"));
    if (errorValue.isObject()) {
        const QJsonObject error = errorValue.toObject();
        result.message = error.value(QStringLiteral("message")).toString();
        result.type = error.value(QStringLiteral("type")).toString();
        if (result.type.isEmpty())
            result.type = error.value(QStringLiteral("status")).toString();
        if (result.type.isEmpty() && error.value(QStringLiteral("code")).isString())
            result.type = error.value(QStringLiteral("code")).toString();
        const QJsonArray details = error.value(QStringLiteral("details")).toArray();
        for (const QJsonValue& detail : details) {
            if (detail.toObject().value(QStringLiteral("reason")).toString() == QLatin1String("API_KEY_INVALID"))
                result.credentialRejected = true;
        }
    } else if (errorValue.isString()) {
        result.message = errorValue.toString();
    }
    if (result.message.isEmpty())
        result.message = root.value(QStringLiteral("message")).toString();
    if (result.message.isEmpty() && root.value(QStringLiteral("detail")).isString())
        result.message = root.value(QStringLiteral("detail")).toString();
    return result;
}

Mapped fromUpstream(int upstreamStatus, QByteArrayView upstreamBody, const QString& provider)
{
    return fromUpstream(upstreamStatus, parseUpstreamError(upstreamBody), provider);
}

Mapped fromUpstream(int upstreamStatus, const UpstreamError& error, const QString& provider)
{
    Mapped mapped;
    QByteArrayView type = "upstream_error";
    QString message = error.message.isEmpty()
        ? QStringLiteral("%1 answered with status %2").arg(provider).arg(upstreamStatus)
        : error.message;
    if (error.credentialRejected || upstreamStatus == 401 || upstreamStatus == 403) {
        mapped.status = 502;
        type = "upstream_error";
        message = QStringLiteral("%1 rejected the gateway's credentials for this provider (status %2): %3")
                      .arg(provider)
                      .arg(upstreamStatus)
                      .arg(message);
    } else if (upstreamStatus == 429) {
        mapped.status = 429;
        type = "rate_limit_error";
    } else if (upstreamStatus == 422 || upstreamStatus == 400) {
        mapped.status = 400;
        type = "invalid_request_error";
    } else if (upstreamStatus == 408 || upstreamStatus == 504) {
        mapped.status = 504;
        type = "server_error";
    } else if (upstreamStatus == 503 || upstreamStatus == 529) {
        mapped.status = 503;
        type = "server_error";
    } else if (upstreamStatus >= 500) {
        mapped.status = 502;
        type = "server_error";
    } else if (upstreamStatus >= 400) {
        mapped.status = upstreamStatus;
        type = "invalid_request_error";
    } else {
        // A success status with a body that could not be read as the provider's answer.
        mapped.status = 502;
    }
    mapped.message = message;
    mapped.body = body(message, type, QString(), error.type);
    return mapped;
}

} // namespace OpenAiError

} // namespace gatehouse

#include "app/cli/CliJson.h"

#include "core/catalog/Api.h"
#include "core/catalog/AuditEvent.h"
#include "core/catalog/Consumer.h"
#include "core/catalog/ModelAlias.h"
#include "core/catalog/Provider.h"
#include "core/catalog/Token.h"
#include "core/catalog/TokenState.h"

#include <QJsonArray>

namespace gatehouse::cli {

QJsonValue isoTime(const QDateTime& time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODate);
}

QString displayTime(const QDateTime& time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + u'Z';
}

// A limit or budget: its number, or null when there is none.
QJsonValue limitJson(qint64 value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Api& api)
{
    return {{QStringLiteral("name"), api.name}, {QStringLiteral("upstream"), api.upstream.toString()},
        {QStringLiteral("prefix"), api.prefix}, {QStringLiteral("strip_prefix"), api.stripPrefix},
        {QStringLiteral("timeout_ms"), api.timeoutMs}, {QStringLiteral("max_body_bytes"), api.maxBodyBytes},
        {QStringLiteral("rate_limit"), api.rateLimit.isEmpty() ? QJsonValue() : QJsonValue(api.rateLimit)},
        {QStringLiteral("created"), isoTime(api.created)}, {QStringLiteral("updated"), isoTime(api.updated)}};
}

QJsonObject toJson(const Consumer& consumer)
{
    return {{QStringLiteral("name"), consumer.name}, {QStringLiteral("description"), consumer.description},
        {QStringLiteral("active_tokens"), consumer.activeTokens},
        {QStringLiteral("last_used"), isoTime(consumer.lastUsed)},
        {QStringLiteral("created"), isoTime(consumer.created)},
        {QStringLiteral("budget_daily_tokens"), limitJson(consumer.budget.dailyTokens)},
        {QStringLiteral("budget_monthly_tokens"), limitJson(consumer.budget.monthlyTokens)}};
}

QJsonObject toJson(const Token& token, TokenState state)
{
    return {{QStringLiteral("id"), token.id}, {QStringLiteral("consumer"), token.consumerName},
        {QStringLiteral("name"), token.name}, {QStringLiteral("scopes"), QJsonArray::fromStringList(token.scopes)},
        {QStringLiteral("state"), tokenState::name(state)}, {QStringLiteral("created"), isoTime(token.created)},
        {QStringLiteral("expires"), isoTime(token.expires)}, {QStringLiteral("revoked"), isoTime(token.revoked)},
        {QStringLiteral("revoke_reason"), token.revokeReason.isEmpty() ? QJsonValue() : QJsonValue(token.revokeReason)},
        {QStringLiteral("last_used"), isoTime(token.lastUsed)},
        {QStringLiteral("last_used_address"),
            token.lastUsedAddress.isEmpty() ? QJsonValue() : QJsonValue(token.lastUsedAddress)},
        {QStringLiteral("rotated_from"), token.rotatedFrom ? QJsonValue(token.rotatedFrom) : QJsonValue()},
        {QStringLiteral("grace_ends"), isoTime(token.graceEnds)},
        {QStringLiteral("rate_limit"), token.rateLimit.isEmpty() ? QJsonValue() : QJsonValue(token.rateLimit)},
        {QStringLiteral("budget_daily_tokens"), limitJson(token.aiLimits.budget.dailyTokens)},
        {QStringLiteral("budget_monthly_tokens"), limitJson(token.aiLimits.budget.monthlyTokens)},
        {QStringLiteral("ai_requests_per_minute"), limitJson(token.aiLimits.requestsPerMinute)},
        {QStringLiteral("ai_tokens_per_minute"), limitJson(token.aiLimits.tokensPerMinute)},
        {QStringLiteral("hint"), token.hint}};
}

QJsonObject toJson(const AuditEvent& event)
{
    return {{QStringLiteral("id"), event.id}, {QStringLiteral("time"), isoTime(event.time)},
        {QStringLiteral("actor"), event.actor}, {QStringLiteral("action"), event.action},
        {QStringLiteral("subject"), event.subject}, {QStringLiteral("details"), event.details}};
}

QJsonObject toJson(const Provider& provider)
{
    return {{QStringLiteral("name"), provider.name}, {QStringLiteral("type"), providerType::name(provider.type)},
        {QStringLiteral("base_url"), provider.baseUrl.toString()},
        {QStringLiteral("models"), QJsonArray::fromStringList(provider.models)},
        {QStringLiteral("models_refreshed"), isoTime(provider.modelsRefreshed)},
        {QStringLiteral("has_key"), provider.hasKey}, {QStringLiteral("created"), isoTime(provider.created)},
        {QStringLiteral("updated"), isoTime(provider.updated)}};
}

QJsonObject toJson(const ModelAlias& alias)
{
    QJsonArray fallbacks;
    for (qsizetype i = 1; i < alias.targets.size(); ++i)
        fallbacks.append(alias.targets.at(i).toString());
    return {{QStringLiteral("name"), alias.name},
        {QStringLiteral("target"),
            alias.targets.isEmpty() ? QJsonValue() : QJsonValue(alias.targets.first().toString())},
        {QStringLiteral("fallbacks"), fallbacks}, {QStringLiteral("created"), isoTime(alias.created)}};
}

} // namespace gatehouse::cli

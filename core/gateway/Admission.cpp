#include "core/gateway/Admission.h"

#include "core/ai/OpenAiError.h"
#include "core/gateway/AiExchange.h"
#include "core/gateway/Authenticator.h"
#include "core/gateway/RateLimiter.h"
#include "core/tokens/TokenFormat.h"
#include "core/usage/UsageLedger.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

namespace gatehouse::gateway {

namespace {

AdmissionDecision refusal(
    int status, QByteArray body, QByteArray rejectReason, QByteArray error = {}, HeaderPairs headers = {})
{
    AdmissionDecision decision;
    decision.action = AdmissionDecision::Action::Refuse;
    decision.status = status;
    decision.body = std::move(body);
    decision.rejectReason = std::move(rejectReason);
    decision.error = std::move(error);
    decision.headers = std::move(headers);
    return decision;
}

AdmissionDecision refuseApi(
    int status, QByteArrayView code, const QString& description, QByteArray rejectReason, HeaderPairs headers = {})
{
    return refusal(
        status, responses::jsonErrorBody(code, description), std::move(rejectReason), {}, std::move(headers));
}

// Makes `decision` the refusal `refused`, keeping what admission learnt so far (API, token, path) for the log.
void refuseWith(AdmissionDecision& decision, AdmissionDecision&& refused)
{
    decision.action = AdmissionDecision::Action::Refuse;
    decision.status = refused.status;
    decision.headers = std::move(refused.headers);
    decision.body = std::move(refused.body);
    decision.rejectReason = std::move(refused.rejectReason);
    decision.error = std::move(refused.error);
    if (refused.token)
        decision.token = refused.token;
}

// Removes the query parameter `key` (how Gemini's SDKs may send their key, here the Gatehouse token) from
// `target` and returns its value. Parameter names are compared in any letter case.
QByteArray takeQueryKey(QByteArray& target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    QList<QByteArray> kept;
    QByteArray key;
    for (const QByteArray& pair : target.mid(question + 1).split('&')) {
        if (pair.size() >= 4 && QByteArrayView(pair).first(4).compare("key=", Qt::CaseInsensitive) == 0)
            key = pair.mid(4);
        else if (!pair.isEmpty())
            kept.append(pair);
    }
    target.truncate(question);
    if (!kept.isEmpty())
        target += '?' + kept.join('&');
    return key;
}

// Takes the rate limit's token (the token's own limit, else the API's for each token) and notes the RateLimit-*
// headers; false after making `decision` a 429.
bool takeRateLimit(AdmissionDecision& decision, Admission::Context& context)
{
    const TokenGrant& token = *decision.token;
    const bool tokenLimited = token.rateLimit.isSet();
    const RateLimit& limit = tokenLimited || !decision.route ? token.rateLimit : decision.route->rateLimit;
    if (!limit.isSet())
        return true;
    const quint64 key
        = tokenLimited ? RateLimiter::tokenKey(token.id) : RateLimiter::apiTokenKey(decision.route->apiId, token.id);
    const RateLimiter::Decision taken = context.rateLimiter.take(key, limit, context.nowMs);
    decision.rateHeaders = taken.headers();
    if (taken.allowed)
        return true;
    refuseWith(decision,
        refuseApi(429, "rate_limited",
            QStringLiteral("the rate limit of %1 was exceeded; retry in %2 s")
                .arg(limit.toString())
                .arg(taken.retryAfterSeconds),
            "rate_limited", decision.rateHeaders));
    return false;
}

void admitApi(AdmissionDecision& decision, const HttpRequestHead& head, Admission::Context& context)
{
    const QByteArray& path = decision.target.path;
    decision.route = context.snapshot.route(path);
    if (!decision.route) {
        refuseWith(decision,
            refuseApi(404, "not_found",
                QStringLiteral("no API is registered for %1").arg(QString::fromUtf8(Admission::redactTokens(path))),
                "no_route"));
        return;
    }
    decision.maxBodyBytes = decision.route->maxBodyBytes;
    if (head.contentLength > decision.route->maxBodyBytes) {
        refuseWith(decision,
            refuseApi(413, "body_too_large",
                QStringLiteral("the request body is larger than the API's limit of %1 bytes")
                    .arg(decision.route->maxBodyBytes),
                "body_too_large"));
        return;
    }
    // Authentication: one SHA-256 and one hash lookup, no SQL; the scope is checked against the normalised path's
    // API.
    const auto authorization = head.headers.valueViews("authorization");
    const AuthDecision auth = Authenticator::check(
        context.snapshot, *decision.route, authorization, head.method, head.target, context.nowMs);
    decision.token = auth.token;
    if (!auth.allowed()) {
        refuseWith(decision, Admission::refuseAuth(auth, false));
        return;
    }
    if (takeRateLimit(decision, context))
        decision.action = AdmissionDecision::Action::Forward;
}

void admitAi(AdmissionDecision& decision, const HttpRequestHead& head, Admission::Context& context)
{
    const QByteArrayView rest = QByteArrayView(decision.target.path).sliced(3); // after "/ai"
    decision.action = AdmissionDecision::Action::ReadAiBody;
    decision.maxBodyBytes = AiExchange::kMaxRequestBytes;
    AuthDecision auth;
    if (rest == "/v1/chat/completions") {
        decision.kind = AdmissionDecision::Kind::AiChat;
        if (head.method != "POST") {
            refuseWith(decision,
                Admission::refuseAi(405, QStringLiteral("use POST for /ai/v1/chat/completions"),
                    "invalid_request_error", QString(), "method_not_allowed"));
            return;
        }
        auth = Authenticator::identify(
            context.snapshot, head.headers.valueViews("authorization"), head.target, context.nowMs);
    } else if (rest == "/v1/models") {
        decision.kind = AdmissionDecision::Kind::AiModels;
        auth = Authenticator::identify(
            context.snapshot, head.headers.valueViews("authorization"), head.target, context.nowMs);
    } else {
        decision.kind = AdmissionDecision::Kind::AiNative;
        QByteArrayView name = rest.startsWith('/') ? rest.sliced(1) : rest;
        const qsizetype slash = name.indexOf('/');
        if (slash >= 0)
            name = name.first(slash);
        decision.provider = name.isEmpty() ? nullptr : context.snapshot.ai().provider(QString::fromUtf8(name));
        if (!decision.provider) {
            refuseWith(decision,
                Admission::refuseAi(404,
                    QStringLiteral("no AI provider is named \"%1\"; the routes are /ai/v1/chat/completions, "
                                   "/ai/v1/models and /ai/PROVIDER/...")
                        .arg(QString::fromUtf8(Admission::redactTokens(name))),
                    "invalid_request_error", QStringLiteral("not_found"), "no_route"));
            return;
        }
        QByteArray target = decision.target.target();
        const QByteArray queryKey = takeQueryKey(target);
        decision.nativeTarget = target.mid(4 + name.size()); // after "/ai/NAME"
        if (decision.nativeTarget.isEmpty() || decision.nativeTarget.startsWith('?'))
            decision.nativeTarget.prepend('/');
        const qsizetype question = decision.nativeTarget.indexOf('?');
        const QByteArrayView nativePath = question < 0 ? QByteArrayView(decision.nativeTarget)
                                                       : QByteArrayView(decision.nativeTarget).first(question);
        decision.endpoint = ProviderEndpoint::classify(decision.provider->type, head.method, nativePath);

        // The provider's SDKs carry their key where the provider wants it; here that is the Gatehouse token, in
        // exactly one of these places.
        QVarLengthArray<QByteArrayView, 2> carried;
        for (QByteArrayView header :
            {QByteArrayView("x-api-key"), QByteArrayView("api-key"), QByteArrayView("x-goog-api-key")}) {
            for (QByteArrayView value : head.headers.valueViews(header))
                carried.append(value.trimmed());
        }
        if (!queryKey.isEmpty())
            carried.append(queryKey);
        const auto authorization = head.headers.valueViews("authorization");
        if (carried.size() + authorization.size() > 1) {
            auth.outcome = AuthDecision::Outcome::InvalidRequest;
            auth.reason = "malformed";
            auth.description = QStringLiteral("the request carries more than one credential");
        } else if (!carried.isEmpty()) {
            auth = Authenticator::identifyToken(context.snapshot, carried.first(), context.nowMs);
        } else {
            // The token in the query string was taken out above (as Gemini's key=): look at what is left.
            auth = Authenticator::identify(context.snapshot, authorization, target, context.nowMs);
        }
    }
    decision.token = auth.token;
    if (!auth.allowed()) {
        refuseWith(decision, Admission::refuseAuth(auth, true));
        return;
    }

    if (decision.kind == AdmissionDecision::Kind::AiNative) {
        const AiProviderRoute& provider = *decision.provider;
        switch (decision.endpoint.kind) {
        case ProviderEndpoint::Kind::Unknown: {
            const qsizetype question = decision.nativeTarget.indexOf('?');
            const QByteArrayView nativePath
                = QByteArrayView(decision.nativeTarget).first(question < 0 ? decision.nativeTarget.size() : question);
            refuseWith(decision,
                Admission::refuseAi(404,
                    QStringLiteral("the provider \"%1\" has no endpoint %2 %3 that Gatehouse forwards")
                        .arg(provider.name, QString::fromLatin1(head.method),
                            QString::fromUtf8(Admission::redactTokens(nativePath))),
                    "invalid_request_error", QStringLiteral("not_found"), "no_route"));
            return;
        }
        case ProviderEndpoint::Kind::Admin: {
            // Files, fine-tuning, batches, model management ...: spend the admin's account beyond inference.
            const tokens::ScopeDecision scope = decision.token->scopes.allowsAiAdmin(provider.name);
            if (!scope.allowed) {
                refuseWith(decision,
                    Admission::refuseAuth(
                        Authenticator::insufficientScope(decision.token, scope.missingScope,
                            QStringLiteral("the endpoint %1 of \"%2\" is not inference: "
                                           "it needs the scope %3")
                                .arg(QString::fromLatin1(head.method), provider.name, scope.missingScope)),
                        true));
                return;
            }
            break;
        }
        case ProviderEndpoint::Kind::Inference:
        case ProviderEndpoint::Kind::Listing:
            break;
        }
    }

    if (!takeRateLimit(decision, context))
        return;
    if (auto limited = Admission::checkAiRequestLimit(*decision.token, context)) {
        refuseWith(decision, std::move(*limited));
        return;
    }
    if (head.contentLength > AiExchange::kMaxRequestBytes) {
        refuseWith(decision,
            Admission::refuseAi(413,
                QStringLiteral("the request body is larger than %1 bytes").arg(AiExchange::kMaxRequestBytes),
                "invalid_request_error", QString(), "body_too_large"));
    }
}

} // namespace

AdmissionDecision Admission::admitHead(const HttpRequestHead& head, Context& context)
{
    AdmissionDecision decision;
    // One path, decided once: what is routed, authorized, logged and forwarded.
    const RequestPath::Result normalized = RequestPath::normalizeShared(head.target);
    if (!normalized.ok()) {
        return refuseApi(400, "invalid_request", RequestPath::describe(normalized.error), "bad_target");
    }
    decision.target = normalized.target;
    if (AiExchange::isAiPath(decision.target.path))
        admitAi(decision, head, context);
    else
        admitApi(decision, head, context);
    return decision;
}

QString Admission::modelError(const QString& model)
{
    QString error = ProviderEndpoint::modelNameError(model);
    if (error.isEmpty() && carriesToken(model.toUtf8()))
        error = QStringLiteral("a model name never holds a Gatehouse token");
    return error;
}

AdmissionDecision Admission::admitNativeBody(AdmissionDecision decision, const QByteArray& body, Context& context)
{
    const AiProviderRoute& provider = *decision.provider;
    const ProviderEndpoint& endpoint = decision.endpoint;
    if (endpoint.kind == ProviderEndpoint::Kind::Admin) {
        decision.action = AdmissionDecision::Action::Forward;
        return decision;
    }
    // The model the provider will run, from where the provider reads it: never from the query string.
    QString model;
    switch (endpoint.modelSource) {
    case ProviderEndpoint::ModelSource::Body: {
        Result<QString> named = ProviderEndpoint::bodyModel(body);
        if (!named) {
            refuseWith(
                decision, refuseAi(400, named.error().message, "invalid_request_error", QString(), "invalid_request"));
            return decision;
        }
        model = *named;
        break;
    }
    case ProviderEndpoint::ModelSource::Path:
        model = endpoint.pathModel;
        break;
    case ProviderEndpoint::ModelSource::None:
        break;
    }
    if (endpoint.modelSource != ProviderEndpoint::ModelSource::None) {
        if (const QString error = modelError(model); !error.isEmpty()) {
            refuseWith(decision, refuseAi(400, error, "invalid_request_error", QString(), "invalid_request"));
            return decision;
        }
    }
    decision.model = model;
    // Without a model (listing models), only a scope for all of the provider's models will do.
    const tokens::ScopeDecision scope
        = decision.token->scopes.allowsModel(provider.name, model.isEmpty() ? QStringLiteral("*") : model);
    if (!scope.allowed) {
        refuseWith(decision,
            refuseAuth(
                Authenticator::insufficientScope(decision.token,
                    model.isEmpty() ? QStringLiteral("ai:%1/*").arg(provider.name) : scope.missingScope,
                    model.isEmpty()
                        ? QStringLiteral("the token's scopes do not allow every model of \"%1\"").arg(provider.name)
                        : QStringLiteral("the token's scopes do not allow the model \"%1/%2\"")
                              .arg(provider.name, model)),
                true));
        return decision;
    }
    if (spendsTokens(endpoint.usage)) {
        if (auto refused = checkAiBudget(*decision.token, context)) {
            refuseWith(decision, std::move(*refused));
            return decision;
        }
    }
    decision.action = AdmissionDecision::Action::Forward;
    return decision;
}

std::optional<AdmissionDecision> Admission::checkAiRequestLimit(const TokenGrant& token, Context& context)
{
    const qint64 perMinute = token.aiLimits.requestsPerMinute;
    if (perMinute <= 0)
        return std::nullopt;
    const RateLimit limit {int(perMinute), 60'000};
    const RateLimiter::Decision taken
        = context.aiRequestLimiter.take(RateLimiter::tokenKey(token.id), limit, context.nowMs);
    if (taken.allowed)
        return std::nullopt;
    return refuseApi(429, "rate_limited",
        QStringLiteral("the token's limit of %1 AI requests a minute was reached; retry in %2 s")
            .arg(perMinute)
            .arg(taken.retryAfterSeconds),
        "ai_rate_limited", taken.headers());
}

std::optional<AdmissionDecision> Admission::checkAiBudget(const TokenGrant& token, Context& context)
{
    if (const qint64 perMinute = token.aiLimits.tokensPerMinute; perMinute > 0) {
        const RateLimit limit {int(perMinute), 60'000};
        const RateLimiter::Decision checked
            = context.aiTokenLimiter.check(RateLimiter::tokenKey(token.id), limit, context.nowMs);
        if (!checked.allowed) {
            return refuseApi(429, "rate_limited",
                QStringLiteral("the token's limit of %1 AI tokens a minute is spent; retry in %2 s")
                    .arg(perMinute)
                    .arg(checked.retryAfterSeconds),
                "ai_rate_limited", checked.headers());
        }
    }
    const UsageLedger::Verdict verdict
        = context.usage.check(token.id, token.aiLimits.budget, token.consumerId, token.consumerBudget, context.nowMs);
    if (verdict.allowed)
        return std::nullopt;
    const QString resetAt = QDateTime::fromMSecsSinceEpoch(verdict.resetAtMs, Qt::UTC).toString(Qt::ISODate);
    const bool daily = verdict.budget.endsWith(u"_daily");
    const bool ofConsumer = verdict.budget.startsWith(u"consumer");
    const QString whose
        = ofConsumer ? QStringLiteral("consumer \"%1\"'s").arg(token.consumerName) : QStringLiteral("token's");
    const QJsonObject body {{QStringLiteral("error"), QStringLiteral("budget_exceeded")},
        {QStringLiteral("error_description"),
            QStringLiteral("the %1 %2 budget of %3 AI tokens is spent (%4 used); it resets at %5")
                .arg(whose, daily ? QStringLiteral("daily") : QStringLiteral("monthly"))
                .arg(verdict.limit)
                .arg(verdict.used)
                .arg(resetAt)},
        {QStringLiteral("budget"), verdict.budget}, {QStringLiteral("limit"), verdict.limit},
        {QStringLiteral("used"), verdict.used}, {QStringLiteral("reset_at"), resetAt}};
    const qint64 retryAfter = std::max<qint64>(1, (verdict.resetAtMs - context.nowMs + 999) / 1000);
    // The SDKs retry a 429 by themselves; hours before the reset, they should not.
    return refusal(429, QJsonDocument(body).toJson(QJsonDocument::Compact), "budget_exceeded", "budget_exceeded",
        {{QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)},
            {QByteArrayLiteral("x-should-retry"), QByteArrayLiteral("false")}});
}

AdmissionDecision Admission::refuseAi(
    int status, const QString& message, QByteArrayView type, const QString& code, QByteArray rejectReason)
{
    QByteArray error = rejectReason;
    return refusal(status, OpenAiError::body(message, type, QString(), code), std::move(rejectReason), error);
}

AdmissionDecision Admission::refuseAuth(const AuthDecision& auth, bool aiShape)
{
    // The AI routes answer in OpenAI's error shape, which SDKs show: given RFC 6750's body, the OpenAI SDK reports
    // only `401 "invalid_token"` and drops the description. The challenge header is RFC 6750's on every route.
    AdmissionDecision refused = refusal(auth.httpStatus(), aiShape ? auth.openAiJsonBody() : auth.jsonBody(),
        auth.reason, {}, {{QByteArrayLiteral("WWW-Authenticate"), auth.challenge()}});
    refused.token = auth.token;
    return refused;
}

bool Admission::carriesToken(QByteArrayView value)
{
    return tokens::TokenFormat::holdsLeaked(value);
}

QByteArray Admission::redactTokens(QByteArrayView text)
{
    qsizetype length = 0;
    qsizetype at = tokens::TokenFormat::findLeaked(text, 0, &length);
    if (at < 0)
        return text.toByteArray();
    QByteArray out;
    out.reserve(text.size());
    qsizetype done = 0;
    while (at >= 0) {
        out += text.sliced(done, at - done);
        out += "gth_[redacted]";
        done = at + length;
        at = tokens::TokenFormat::findLeaked(text, done, &length);
    }
    out += text.sliced(done);
    return out;
}

} // namespace gatehouse::gateway

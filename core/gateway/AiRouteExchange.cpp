// The AI routes: the OpenAI-compatible endpoint in front of every provider, the model list, and the providers'
// native APIs with their keys injected. The plain proxy, whose upstream handling this extends, is ApiProxyExchange.

#include "core/gateway/AiRouteExchange.h"

#include "core/ai/NativeUsageReader.h"
#include "core/ai/OpenAiError.h"
#include "core/ai/StreamUsageOption.h"
#include "core/common/Clock.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpResponses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::gateway {

namespace {

QByteArray openAiError(const QString& message, QByteArrayView type, const QString& code = {})
{
    return OpenAiError::body(message, type, QString(), code);
}

// The credential a provider's own SDK sends, in the header that provider expects.
QList<std::pair<QByteArray, QByteArray>> providerCredential(const AiProviderRoute& provider)
{
    if (provider.apiKey.isEmpty())
        return {};
    if (provider.type == QLatin1StringView("anthropic"))
        return {{QByteArrayLiteral("x-api-key"), provider.apiKey}};
    if (provider.type == QLatin1StringView("gemini"))
        return {{QByteArrayLiteral("x-goog-api-key"), provider.apiKey}};
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + provider.apiKey}};
}

} // namespace

bool AiExchange::isAiPath(QByteArrayView path)
{
    return path == "/ai" || path.startsWith("/ai/");
}

AiRouteExchange::AiRouteExchange(ClientConnection& connection, UpstreamPool& pool)
    : ApiProxyExchange(connection, pool, false)
{ }

void AiRouteExchange::start(const HttpRequestHead& head, AdmissionDecision&& decision)
{
    RequestState& request = m_connection.request();
    m_route = decision.route;
    m_ai = std::make_unique<AiExchange>();
    AiExchange& ai = *m_ai;
    switch (decision.kind) {
    case AdmissionDecision::Kind::AiChat:
        ai.kind = AiExchange::Kind::Chat;
        break;
    case AdmissionDecision::Kind::AiModels:
        ai.kind = AiExchange::Kind::Models;
        break;
    case AdmissionDecision::Kind::AiNative:
    case AdmissionDecision::Kind::Api:
        ai.kind = AiExchange::Kind::Passthrough;
        ai.head = head;
        ai.passthroughProvider = decision.provider;
        ai.passthroughRest = decision.nativeTarget;
        // The log shows the target without the key= the provider's SDK may have put the token in.
        request.event.path = RequestEvent::redactQuery(
            QByteArrayLiteral("/ai/") + decision.provider->name.toUtf8() + decision.nativeTarget);
        break;
    }
    ai.admission = std::move(decision);
    // The body is read whole before anything goes upstream: it must arrive in time, as an API's upstream must answer.
    m_bodyDeadlineMs = request.startMs + Admission::kAiBodyTimeoutMs;
    if (head.headers.value("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && head.expectsBody())
        m_connection.writeToClient("HTTP/1.1 100 Continue\r\n\r\n");
    // The body is collected by onRequestBody; dispatch() runs when it is complete.
}

void AiRouteExchange::onRequestBody(QByteArrayView chunk)
{
    if (!m_upstream) {
        if (!m_connection.request().responseStarted)
            m_ai->body.append(chunk.data(), chunk.size()); // bounded by the parser's body limit
        return;
    }
    ApiProxyExchange::onRequestBody(chunk);
}

void AiRouteExchange::onRequestComplete()
{
    if (!m_upstream && !m_connection.request().responseStarted) {
        dispatch();
        return;
    }
    ApiProxyExchange::onRequestComplete();
}

void AiRouteExchange::sweep(qint64 nowMs)
{
    RequestState& request = m_connection.request();
    if (m_bodyDeadlineMs != 0 && !request.requestComplete && !request.responseStarted && !m_upstream
        && nowMs >= m_bodyDeadlineMs) {
        // Slow-loris on an AI request's body, which is read whole before anything goes upstream.
        request.closeAfter = true;
        m_connection.respond(408, "request_timeout",
            QStringLiteral("the request body did not arrive within %1 s").arg(Admission::kAiBodyTimeoutMs / 1000),
            QByteArrayLiteral("body_timeout"));
        return;
    }
    ApiProxyExchange::sweep(nowMs);
}

void AiRouteExchange::end()
{
    ApiProxyExchange::end();
    m_ai.reset();
    m_bodyDeadlineMs = 0;
}

void AiRouteExchange::dispatch()
{
    switch (m_ai->kind) {
    case AiExchange::Kind::Models:
        answerModels();
        return;
    case AiExchange::Kind::Chat:
        dispatchChat();
        return;
    case AiExchange::Kind::Passthrough:
        dispatchPassthrough();
        return;
    }
}

void AiRouteExchange::answerModels()
{
    const RequestState& request = m_connection.request();
    const AiCatalog& catalog = m_connection.snapshot().ai();
    QJsonArray data;
    for (const AiProviderRoute& provider : catalog.providers()) {
        for (const QString& model : provider.models) {
            if (!request.token->scopes.allowsModel(provider.name, model).allowed)
                continue;
            data.append(QJsonObject {{QStringLiteral("id"), QString(provider.name + u'/' + model)},
                {QStringLiteral("object"), QStringLiteral("model")}, {QStringLiteral("created"), QJsonValue(0)},
                {QStringLiteral("owned_by"), provider.name}});
        }
    }
    for (const AiAliasRoute& alias : catalog.aliases()) {
        bool allowed = false;
        for (const AiModelRef& target : alias.targets)
            allowed = allowed || request.token->scopes.allowsModel(target.provider, target.model).allowed;
        if (allowed) {
            data.append(QJsonObject {{QStringLiteral("id"), alias.name},
                {QStringLiteral("object"), QStringLiteral("model")}, {QStringLiteral("created"), QJsonValue(0)},
                {QStringLiteral("owned_by"), QStringLiteral("gatehouse")}});
        }
    }
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"),
                data}}).toJson(QJsonDocument::Compact);
    m_connection.respondRaw(responses::build(200, {{QByteArrayLiteral("X-Request-Id"), request.requestId}},
                                "application/json", body, request.closeAfter),
        200);
}

void AiRouteExchange::dispatchChat()
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    auto chat = ChatRequest::parse(ai.body);
    if (!chat) {
        respondError(400, OpenAiError::invalidRequest(chat.error()), "invalid_request");
        return;
    }
    ai.chat = std::move(*chat);
    const QString model = ai.chat->model();
    // The model is quoted in answers and headers (a 403's challenge): refused before it is used if it could
    // break either.
    if (const QString error = Admission::modelError(model); !error.isEmpty()) {
        respondError(400, openAiError(error, "invalid_request_error"), "invalid_request");
        return;
    }
    const QList<AiModelRef> resolved = m_connection.snapshot().ai().resolve(model);
    if (resolved.isEmpty()) {
        respondError(404,
            openAiError(
                QStringLiteral("the model \"%1\" does not exist: name it PROVIDER/MODEL or by an alias").arg(model),
                "invalid_request_error", QStringLiteral("model_not_found")),
            "model_not_found");
        return;
    }
    QString missingScope;
    for (const AiModelRef& target : resolved) {
        const tokens::ScopeDecision scope = request.token->scopes.allowsModel(target.provider, target.model);
        if (scope.allowed)
            ai.targets.append(target);
        else if (missingScope.isEmpty())
            missingScope = scope.missingScope;
    }
    if (ai.targets.isEmpty()) {
        m_connection.refuse(
            Admission::refuseAuth(Authenticator::insufficientScope(request.token, missingScope,
                                      QStringLiteral("the token's scopes do not allow the model \"%1\"").arg(model)),
                true));
        return;
    }
    request.event.model = model;
    Admission::Context context = m_connection.admissionContext();
    if (const auto refused = Admission::checkAiBudget(*request.token, context)) {
        m_connection.refuse(*refused);
        return;
    }
    tryNextTarget();
}

void AiRouteExchange::tryNextTarget()
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    while (ai.nextTarget < ai.targets.size()) {
        const AiModelRef ref = ai.targets.at(ai.nextTarget++);
        const AiProviderRoute* provider = m_connection.snapshot().ai().provider(ref.provider);
        if (!provider) {
            ai.lastFailure = QStringLiteral("the provider \"%1\" does not exist").arg(ref.provider);
            continue;
        }
        if (provider->keyExpected && provider->apiKey.isEmpty()) {
            ai.lastFailure = QStringLiteral("the key of the provider \"%1\" is not available (is the keychain locked?)")
                                 .arg(provider->name);
            continue;
        }
        ai.provider = provider;
        ai.target = AiTarget {provider->name, ref.model, provider->apiKey, provider->upstream.upstreamBasePath};
        auto upstreamRequest = provider->adapter->buildUpstreamRequest(*ai.chat, ai.target);
        if (!upstreamRequest) {
            respondError(400, OpenAiError::invalidRequest(upstreamRequest.error()), "invalid_request");
            return;
        }
        request.event.providerId = provider->id;
        request.event.providerName = provider->name;
        request.event.model = ref.model;
        request.event.modelKnown = provider->models.contains(ref.model);
        QByteArray head;
        {
            HttpHeadWriter writer(head, 512 + upstreamRequest->path.size());
            writer.append(upstreamRequest->method).append(' ').append(upstreamRequest->path).append(" HTTP/1.1\r\n");
            writer.field("Host", provider->upstream.upstreamHostHeader);
            for (const auto& [name, value] : upstreamRequest->headers)
                writer.field(name, value);
            writer.field("Content-Length", upstreamRequest->body.size());
            writer.field("X-Request-Id", request.requestId);
            writer.end();
        }
        connectProvider(*provider, std::move(head), std::move(upstreamRequest->body));
        return;
    }
    respondError(502,
        openAiError(ai.lastFailure.isEmpty() ? QStringLiteral("no provider could answer") : ai.lastFailure, "api_error",
            QStringLiteral("bad_gateway")),
        "ai_unavailable");
}

void AiRouteExchange::dispatchPassthrough()
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    Admission::Context context = m_connection.admissionContext();
    ai.admission = Admission::admitNativeBody(std::move(ai.admission), ai.body, context);
    if (ai.admission.refused()) {
        m_connection.refuse(ai.admission);
        return;
    }
    const AiProviderRoute& provider = *ai.passthroughProvider;
    if (provider.keyExpected && provider.apiKey.isEmpty()) {
        respondError(502,
            openAiError(QStringLiteral("the key of the provider \"%1\" is not available (is the keychain locked?)")
                            .arg(provider.name),
                "api_error", QStringLiteral("bad_gateway")),
            "ai_unavailable");
        return;
    }
    const QString& model = ai.admission.model;
    ai.provider = &provider;
    ai.target = AiTarget {provider.name, model, provider.apiKey, provider.upstream.upstreamBasePath};
    request.event.providerId = provider.id;
    request.event.providerName = provider.name;
    request.event.model = model;
    request.event.modelKnown = provider.models.contains(model);

    // An OpenAI-style stream reports its usage only when asked to: ask, so that the budget is debited what was
    // spent (the usage-only chunk is one more event, which the SDKs take in their stride).
    std::optional<QByteArray> asked;
    if (ai.admission.endpoint.usage == UsageShape::OpenAiChat && provider.type != u"mistral")
        asked = withStreamUsage(ai.body);
    QByteArray body = asked ? std::move(*asked) : ai.body;
    QByteArray head;
    UpstreamRequestHead::buildNative(ai.head, provider.upstream, ai.passthroughRest, providerCredential(provider),
        body.size(), m_connection.forwardingContext(), head);
    request.headRequest = ai.head.method == "HEAD";
    connectProvider(provider, std::move(head), std::move(body));
}

void AiRouteExchange::connectProvider(const AiProviderRoute& provider, QByteArray head, QByteArray body)
{
    // The provider's upstream as the snapshot made it; the request pins that snapshot.
    m_route = &provider.upstream;
    m_retried = false;
    m_ai->upstreamBody = std::move(body);
    m_upstreamHead = std::move(head);
    connectUpstream();
    sendRequest();
}

void AiRouteExchange::sendRequest()
{
    if (m_upstream && !m_ai->upstreamBody.isEmpty())
        m_upstream->sendBody(m_ai->upstreamBody);
    if (m_upstream)
        m_upstream->requestSent();
}

void AiRouteExchange::respondError(int status, QByteArray body, QByteArray error)
{
    m_connection.request().event.error = std::move(error);
    m_connection.respondJson(status, body);
}

void AiRouteExchange::onUpstreamHead(HttpResponseHead&& head)
{
    if (!m_connection.request().active)
        return;
    if (handleHead(head))
        return;
    ApiProxyExchange::onUpstreamHead(std::move(head));
}

bool AiRouteExchange::handleHead(HttpResponseHead& head)
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    if (ai.kind == AiExchange::Kind::Passthrough) {
        // The bytes pass untouched; a reader beside them takes the usage from the provider's own format, streamed
        // or whole. Error answers spend nothing.
        if (head.status >= 200 && head.status < 300 && ai.provider) {
            ai.usageReader = std::make_unique<NativeUsageReader>(
                ai.admission.endpoint.usage, head.headers.value("content-type"), ai.body.size());
        }
        return false;
    }
    if (ai.kind != AiExchange::Kind::Chat)
        return false;

    m_lastUpstreamActivityMs = m_connection.state().clock.nowMs();
    // A fallback is tried when this target refused for want of capacity, before any byte reached the client.
    const bool retryable = head.status == 429 || head.status >= 500;
    if (retryable && ai.nextTarget < ai.targets.size()) {
        ai.lastFailure = QStringLiteral("the provider \"%1\" answered %2").arg(ai.target.providerName).arg(head.status);
        dropUpstream();
        tryNextTarget();
        return true;
    }
    request.event.upstreamStatus = head.status;
    ai.translator = ai.provider->adapter->translator(*ai.chat, ai.target, head.status);
    if (!ai.translator->isStreaming())
        return true; // the whole answer is sent when it is complete

    ai.streaming = true;
    request.event.status = 200;
    HttpHeadWriter out = m_connection.startResponseHead(256);
    out.append("HTTP/1.1 200 OK\r\n");
    out.field("Content-Type", "text/event-stream");
    out.field("Cache-Control", "no-cache");
    m_connection.endResponseHead(out, false, -1, false);
    return true;
}

void AiRouteExchange::onUpstreamBody(QByteArrayView chunk)
{
    if (!m_connection.request().active || chunk.isEmpty())
        return;
    m_lastUpstreamActivityMs = m_connection.state().clock.nowMs();
    if (m_ai->translator) {
        translateBody(chunk);
        return;
    }
    if (m_ai->usageReader)
        m_ai->usageReader->feed(chunk);
    relayBody(chunk);
}

void AiRouteExchange::translateBody(QByteArrayView chunk)
{
    const QByteArray out = m_ai->translator->feed(chunk);
    if (!m_ai->streaming)
        return;
    relayBody(out);
}

void AiRouteExchange::onUpstreamComplete()
{
    if (!m_connection.request().active)
        return;
    if (m_ai->translator) {
        completeTranslated();
        return;
    }
    if (m_ai->usageReader)
        recordUsage(m_ai->usageReader->finish());
    ApiProxyExchange::onUpstreamComplete();
}

void AiRouteExchange::completeTranslated()
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    const QByteArray out = ai.translator->finish();
    recordUsage(ai.translator->usage());
    if (ai.translator->isError() && request.event.error.isEmpty())
        request.event.error = QByteArrayLiteral("provider_error");
    if (ai.streaming) {
        endStream(out);
        return;
    }
    const int status = ai.translator->clientStatus();
    request.event.bytesOut += out.size();
    m_connection.respondRaw(responses::build(status, {{QByteArrayLiteral("X-Request-Id"), request.requestId}},
                                "application/json", out, request.closeAfter),
        status);
}

void AiRouteExchange::endStream(const QByteArray& out)
{
    m_connection.sendBody(out);
    m_connection.endResponse();
    m_connection.maybeFinish();
}

void AiRouteExchange::onUpstreamFailure(Failure failure, const QString& detail)
{
    if (!m_connection.request().active)
        return;
    if (handleFailure(failure, detail)) {
        m_connection.flushToClient(); // its end of the answer, now that no upstream read is left to flush it
        return;
    }
    ApiProxyExchange::onUpstreamFailure(failure, detail);
}

bool AiRouteExchange::handleFailure(Failure failure, const QString& detail)
{
    RequestState& request = m_connection.request();
    AiExchange& ai = *m_ai;
    if (ai.kind == AiExchange::Kind::Passthrough && !ai.translator) {
        // What was spent before the cut still counts.
        if (ai.usageReader)
            recordUsage(std::exchange(ai.usageReader, nullptr)->failed());
        return false; // the plain proxy's handling fits a native request
    }
    UpstreamConnection* failed = std::exchange(m_upstream, nullptr);
    if (failed)
        failed->deleteLater();
    if (!request.responseStarted && !ai.translator) {
        // A pooled connection that the provider had closed while idle: the whole request is at hand, send it again.
        if (failure == Failure::Closed && failed && failed->wasReused() && !m_retried) {
            m_retried = true;
            connectUpstream();
            sendRequest();
            return true;
        }
        ai.lastFailure
            = QStringLiteral("the provider \"%1\" could not be reached: %2").arg(ai.target.providerName, detail);
        tryNextTarget();
        return true;
    }
    // Cut off mid-answer: the translator ends a stream with an error event, or makes a whole answer a 502.
    const QByteArray out = ai.translator ? ai.translator->fail(detail) : QByteArray();
    if (ai.translator)
        recordUsage(ai.translator->usage());
    request.event.error = QByteArrayLiteral("upstream_reset");
    if (ai.streaming) {
        endStream(out);
        return true;
    }
    m_connection.respondRaw(responses::build(502, {{QByteArrayLiteral("X-Request-Id"), request.requestId}},
                                "application/json", out, request.closeAfter),
        502);
    return true;
}

void AiRouteExchange::recordUsage(const AiUsage& usage)
{
    if (!usage.reported && !usage.estimated)
        return;
    RequestState& request = m_connection.request();
    request.event.tokensIn = usage.promptTokens;
    request.event.tokensOut = usage.completionTokens;
    request.event.usageEstimated = usage.estimated;
    // The minute's budget learns at once; the day's and month's when the log writer has written the event.
    if (const qint64 perMinute = request.token ? request.token->aiLimits.tokensPerMinute : 0; perMinute > 0) {
        m_connection.state().aiTokenLimiter.debit(RateLimiter::tokenKey(request.token->id),
            RateLimit {int(perMinute), 60'000}, request.event.aiTokens(), m_connection.state().clock.nowMs());
    }
}

} // namespace gatehouse::gateway

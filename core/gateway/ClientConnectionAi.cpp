// ClientConnection's AI routes: the OpenAI-compatible endpoint in front of every provider, the model list, and
// the providers' native APIs with their keys injected. The plain proxy is in ClientConnection.cpp.

#include "core/ai/OpenAiError.h"
#include "core/common/Clock.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/UpstreamPool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

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

// Removes the query parameter `key` (how Gemini's SDKs may send their key, here the Gatehouse token) and returns
// its value.
QByteArray takeQueryKey(QByteArray& target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    QList<QByteArray> kept;
    QByteArray key;
    for (const QByteArray& pair : target.mid(question + 1).split('&')) {
        if (pair.startsWith("key="))
            key = pair.mid(4);
        else if (!pair.isEmpty())
            kept.append(pair);
    }
    target.truncate(question);
    if (!kept.isEmpty())
        target += '?' + kept.join('&');
    return key;
}

// Headers a native request keeps: not hop-by-hop, not framing, and no credential of the client's.
bool keepsPassthroughHeader(QByteArrayView name)
{
    static constexpr const char* dropped[] = {"authorization", "x-api-key", "x-goog-api-key", "host", "content-length",
        "expect", "x-request-id", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"};
    if (isHopByHopHeader(name))
        return false;
    for (const char* drop : dropped) {
        if (HttpHeaders::namesEqual(name, drop))
            return false;
    }
    return true;
}

} // namespace

bool AiExchange::isAiPath(QByteArrayView path)
{
    return path == "/ai" || path.startsWith("/ai/");
}

QString AiExchange::passthroughModel(QByteArrayView rest, const QByteArray& body)
{
    const qsizetype models = rest.indexOf("/models/");
    if (models >= 0) {
        QByteArrayView model = rest.sliced(models + 8);
        for (char end : {':', '?', '/'}) {
            if (const qsizetype at = model.indexOf(end); at >= 0)
                model = model.first(at);
        }
        if (!model.isEmpty())
            return QString::fromUtf8(model);
    }
    if (body.isEmpty())
        return {};
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("model")).toString();
}

void ClientConnection::beginAi(const HttpRequestHead& head, QByteArrayView path)
{
    m_x.ai = std::make_unique<AiExchange>();
    AiExchange& ai = *m_x.ai;
    const QByteArrayView rest = path.sliced(3); // after "/ai"
    const AiCatalog& catalog = m_snapshot->ai();

    if (rest == "/v1/chat/completions") {
        ai.kind = AiExchange::Kind::Chat;
        if (head.method != "POST") {
            respondAiError(405,
                openAiError(QStringLiteral("use POST for /ai/v1/chat/completions"), "invalid_request_error"),
                "method_not_allowed");
            return;
        }
    } else if (rest == "/v1/models") {
        ai.kind = AiExchange::Kind::Models;
    } else {
        ai.kind = AiExchange::Kind::Passthrough;
        QByteArrayView name = rest.startsWith('/') ? rest.sliced(1) : rest;
        const qsizetype slash = name.indexOf('/');
        if (slash >= 0)
            name = name.first(slash);
        ai.passthroughProvider = name.isEmpty() ? nullptr : catalog.provider(QString::fromUtf8(name));
        if (!ai.passthroughProvider) {
            respondAiError(404,
                openAiError(QStringLiteral("no AI provider is named \"%1\"; the routes are /ai/v1/chat/completions, "
                                           "/ai/v1/models and /ai/PROVIDER/...")
                                .arg(QString::fromUtf8(name)),
                    "invalid_request_error", QStringLiteral("not_found")),
                "no_route");
            return;
        }
        QByteArray target = head.target;
        const QByteArray queryKey = takeQueryKey(target);
        ai.passthroughRest = target.mid(4 + name.size()); // after "/ai/NAME"
        if (ai.passthroughRest.isEmpty() || ai.passthroughRest.startsWith('?'))
            ai.passthroughRest.prepend('/');
        m_x.event.path = RequestEvent::redactQuery(target);

        // The provider's SDKs carry their key where the provider wants it; here that is the Gatehouse token, in
        // exactly one of these places.
        QVarLengthArray<QByteArrayView, 2> carried;
        for (QByteArrayView header : {QByteArrayView("x-api-key"), QByteArrayView("x-goog-api-key")}) {
            for (QByteArrayView value : head.headers.valueViews(header))
                carried.append(value.trimmed());
        }
        if (!queryKey.isEmpty())
            carried.append(queryKey);
        const auto authorization = head.headers.valueViews("authorization");
        AuthDecision auth;
        if (carried.size() + authorization.size() > 1) {
            auth.outcome = AuthDecision::Outcome::InvalidRequest;
            auth.reason = "malformed";
            auth.description = QStringLiteral("the request carries more than one credential");
        } else if (!carried.isEmpty()) {
            auth = Authenticator::identifyToken(*m_snapshot, carried.first(), m_x.startMs);
        } else {
            auth = Authenticator::identify(*m_snapshot, authorization, QByteArrayView(), m_x.startMs);
        }
        adoptToken(auth.token);
        if (!auth.allowed()) {
            refuseAuth(auth);
            return;
        }
        ai.head = head;
    }

    if (ai.kind != AiExchange::Kind::Passthrough) {
        const auto authorization = head.headers.valueViews("authorization");
        const AuthDecision auth = Authenticator::identify(*m_snapshot, authorization, head.target, m_x.startMs);
        adoptToken(auth.token);
        if (!auth.allowed()) {
            refuseAuth(auth);
            return;
        }
    }
    if (!takeRateLimit() || !takeAiRequestLimit())
        return;

    HttpParser::Limits limits;
    limits.maxBodyBytes = AiExchange::kMaxRequestBytes;
    m_parser.setLimits(limits);
    if (head.contentLength > AiExchange::kMaxRequestBytes) {
        respondAiError(413,
            openAiError(QStringLiteral("the request body is larger than %1 bytes").arg(AiExchange::kMaxRequestBytes),
                "invalid_request_error"),
            "body_too_large");
        return;
    }
    if (head.headers.value("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && head.expectsBody())
        writeToClient("HTTP/1.1 100 Continue\r\n\r\n");
    // The body is collected by onBody; dispatchAi() runs when it is complete.
}

void ClientConnection::dispatchAi()
{
    switch (m_x.ai->kind) {
    case AiExchange::Kind::Models:
        answerAiModels();
        return;
    case AiExchange::Kind::Chat:
        dispatchAiChat();
        return;
    case AiExchange::Kind::Passthrough:
        dispatchAiPassthrough();
        return;
    }
}

void ClientConnection::answerAiModels()
{
    const AiCatalog& catalog = m_snapshot->ai();
    QJsonArray data;
    for (const AiProviderRoute& provider : catalog.providers()) {
        for (const QString& model : provider.models) {
            if (!m_x.token->scopes.allowsModel(provider.name, model).allowed)
                continue;
            data.append(QJsonObject {{QStringLiteral("id"), QString(provider.name + u'/' + model)},
                {QStringLiteral("object"), QStringLiteral("model")}, {QStringLiteral("created"), QJsonValue(0)},
                {QStringLiteral("owned_by"), provider.name}});
        }
    }
    for (const AiAliasRoute& alias : catalog.aliases()) {
        bool allowed = false;
        for (const AiModelRef& target : alias.targets)
            allowed = allowed || m_x.token->scopes.allowsModel(target.provider, target.model).allowed;
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
    respondRaw(responses::build(
                   200, {{QByteArrayLiteral("X-Request-Id"), m_x.requestId}}, "application/json", body, m_x.closeAfter),
        200);
}

void ClientConnection::dispatchAiChat()
{
    AiExchange& ai = *m_x.ai;
    auto chat = ChatRequest::parse(ai.body);
    if (!chat) {
        respondAiError(400, OpenAiError::invalidRequest(chat.error()), "invalid_request");
        return;
    }
    ai.chat = std::move(*chat);
    const QString model = ai.chat->model();
    const QList<AiModelRef> resolved = m_snapshot->ai().resolve(model);
    if (resolved.isEmpty()) {
        respondAiError(404,
            openAiError(
                QStringLiteral("the model \"%1\" does not exist: name it PROVIDER/MODEL or by an alias").arg(model),
                "invalid_request_error", QStringLiteral("model_not_found")),
            "model_not_found");
        return;
    }
    QString missingScope;
    for (const AiModelRef& target : resolved) {
        const tokens::ScopeDecision scope = m_x.token->scopes.allowsModel(target.provider, target.model);
        if (scope.allowed)
            ai.targets.append(target);
        else if (missingScope.isEmpty())
            missingScope = scope.missingScope;
    }
    if (ai.targets.isEmpty()) {
        refuseAuth(Authenticator::insufficientScope(
            m_x.token, missingScope, QStringLiteral("the token's scopes do not allow the model \"%1\"").arg(model)));
        return;
    }
    m_x.event.model = model;
    if (!withinAiBudget())
        return;
    tryNextAiTarget();
}

void ClientConnection::tryNextAiTarget()
{
    AiExchange& ai = *m_x.ai;
    while (ai.nextTarget < ai.targets.size()) {
        const AiModelRef ref = ai.targets.at(ai.nextTarget++);
        const AiProviderRoute* provider = m_snapshot->ai().provider(ref.provider);
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
        auto request = provider->adapter->buildUpstreamRequest(*ai.chat, ai.target);
        if (!request) {
            respondAiError(400, OpenAiError::invalidRequest(request.error()), "invalid_request");
            return;
        }
        m_x.event.providerId = provider->id;
        m_x.event.providerName = provider->name;
        m_x.event.model = ref.model;
        QByteArray head;
        head.reserve(512);
        head += request->method + ' ' + request->path + " HTTP/1.1\r\nHost: " + provider->upstream.upstreamHostHeader
            + "\r\n";
        for (const auto& [name, value] : request->headers)
            head += name + ": " + value + "\r\n";
        head += "Content-Length: " + QByteArray::number(request->body.size()) + "\r\nX-Request-Id: " + m_x.requestId
            + "\r\n\r\n";
        connectAi(*provider, std::move(head), std::move(request->body));
        return;
    }
    respondAiError(502,
        openAiError(ai.lastFailure.isEmpty() ? QStringLiteral("no provider could answer") : ai.lastFailure, "api_error",
            QStringLiteral("bad_gateway")),
        "ai_unavailable");
}

void ClientConnection::dispatchAiPassthrough()
{
    AiExchange& ai = *m_x.ai;
    const AiProviderRoute& provider = *ai.passthroughProvider;
    const QString model = AiExchange::passthroughModel(ai.passthroughRest, ai.body);
    // Without a model (listing models, counting tokens ...), only a scope for all of the provider's models will do.
    const tokens::ScopeDecision scope
        = m_x.token->scopes.allowsModel(provider.name, model.isEmpty() ? QStringLiteral("*") : model);
    if (!scope.allowed) {
        refuseAuth(Authenticator::insufficientScope(m_x.token,
            model.isEmpty() ? QStringLiteral("ai:%1/*").arg(provider.name) : scope.missingScope,
            model.isEmpty()
                ? QStringLiteral("the token's scopes do not allow every model of \"%1\"").arg(provider.name)
                : QStringLiteral("the token's scopes do not allow the model \"%1/%2\"").arg(provider.name, model)));
        return;
    }
    if (!withinAiBudget())
        return;
    if (provider.keyExpected && provider.apiKey.isEmpty()) {
        respondAiError(502,
            openAiError(QStringLiteral("the key of the provider \"%1\" is not available (is the keychain locked?)")
                            .arg(provider.name),
                "api_error", QStringLiteral("bad_gateway")),
            "ai_unavailable");
        return;
    }
    ai.provider = &provider;
    ai.target = AiTarget {provider.name, model, provider.apiKey, provider.upstream.upstreamBasePath};
    m_x.event.providerId = provider.id;
    m_x.event.providerName = provider.name;
    m_x.event.model = model;

    QByteArray head;
    head.reserve(512);
    head += ai.head.method + ' ' + provider.upstream.upstreamBasePath + ai.passthroughRest
        + " HTTP/1.1\r\nHost: " + provider.upstream.upstreamHostHeader + "\r\n";
    for (const HttpHeader& header : ai.head.headers.all()) {
        if (keepsPassthroughHeader(header.name))
            head.append(header.name).append(": ").append(header.value).append("\r\n");
    }
    for (const auto& [name, value] : providerCredential(provider))
        head += name + ": " + value + "\r\n";
    if (!ai.body.isEmpty() || ai.head.expectsBody())
        head += "Content-Length: " + QByteArray::number(ai.body.size()) + "\r\n";
    head += "X-Request-Id: " + m_x.requestId + "\r\n\r\n";
    m_x.headRequest = ai.head.method == "HEAD";
    connectAi(provider, std::move(head), ai.body);
}

void ClientConnection::connectAi(const AiProviderRoute& provider, QByteArray head, QByteArray body)
{
    AiExchange& ai = *m_x.ai;
    // The provider's upstream as the snapshot made it; the exchange pins that snapshot.
    m_x.route = &provider.upstream;
    m_x.retried = false;
    ai.upstreamBody = std::move(body);
    m_x.upstreamHead = std::move(head);
    connectUpstream();
    if (m_x.upstream && !ai.upstreamBody.isEmpty())
        m_x.upstream->sendBody(ai.upstreamBody);
    if (m_x.upstream)
        m_x.upstream->requestSent();
}

void ClientConnection::respondAiError(int status, QByteArray body, QByteArray error)
{
    m_x.event.error = std::move(error);
    respondJson(status, body);
}

bool ClientConnection::takeAiRequestLimit()
{
    const qint64 perMinute = m_x.token->aiLimits.requestsPerMinute;
    if (perMinute <= 0)
        return true;
    const RateLimit limit {int(perMinute), 60'000};
    const RateLimiter::Decision decision
        = m_state.aiRequestLimiter.take(RateLimiter::tokenKey(m_x.token->id), limit, m_x.startMs);
    if (decision.allowed)
        return true;
    respond(429, "rate_limited",
        QStringLiteral("the token's limit of %1 AI requests a minute was reached; retry in %2 s")
            .arg(perMinute)
            .arg(decision.retryAfterSeconds),
        "ai_rate_limited", decision.headers());
    return false;
}

bool ClientConnection::withinAiBudget()
{
    const TokenGrant& token = *m_x.token;
    if (const qint64 perMinute = token.aiLimits.tokensPerMinute; perMinute > 0) {
        const RateLimit limit {int(perMinute), 60'000};
        const RateLimiter::Decision decision
            = m_state.aiTokenLimiter.check(RateLimiter::tokenKey(token.id), limit, m_x.startMs);
        if (!decision.allowed) {
            respond(429, "rate_limited",
                QStringLiteral("the token's limit of %1 AI tokens a minute is spent; retry in %2 s")
                    .arg(perMinute)
                    .arg(decision.retryAfterSeconds),
                "ai_rate_limited", decision.headers());
            return false;
        }
    }
    const UsageLedger::Verdict verdict
        = m_state.usage.check(token.id, token.aiLimits.budget, token.consumerId, token.consumerBudget, m_x.startMs);
    if (verdict.allowed)
        return true;
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
    const qint64 retryAfter = std::max<qint64>(1, (verdict.resetAtMs - m_x.startMs + 999) / 1000);
    m_x.event.rejectReason = QByteArrayLiteral("budget_exceeded");
    m_x.event.error = m_x.event.rejectReason; // the log shows why
    // The SDKs retry a 429 by themselves; hours before the reset, they should not.
    respondJson(429, QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)},
            {QByteArrayLiteral("x-should-retry"), QByteArrayLiteral("false")}});
    return false;
}

bool ClientConnection::onAiUpstreamHead(HttpResponseHead& head)
{
    AiExchange& ai = *m_x.ai;
    if (ai.kind == AiExchange::Kind::Passthrough) {
        // The bytes pass untouched; a reader beside them takes the usage from the provider's own format.
        if (head.status >= 200 && head.status < 300 && ai.provider) {
            const bool stream = head.headers.value("content-type").startsWith("text/event-stream");
            QJsonObject probe {
                {QStringLiteral("model"), ai.target.model.isEmpty() ? QStringLiteral("-") : ai.target.model},
                {QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                        {QStringLiteral("content"), QStringLiteral("-")}}}},
                {QStringLiteral("stream"), stream}};
            if (auto chat = ChatRequest::parse(QJsonDocument(probe).toJson(QJsonDocument::Compact)))
                ai.usageReader = ai.provider->adapter->translator(*chat, ai.target, head.status);
        }
        return false;
    }
    if (ai.kind != AiExchange::Kind::Chat)
        return false;

    m_x.lastUpstreamActivityMs = m_state.clock.nowMs();
    // A fallback is tried when this target refused for want of capacity, before any byte reached the client.
    const bool retryable = head.status == 429 || head.status >= 500;
    if (retryable && ai.nextTarget < ai.targets.size()) {
        ai.lastFailure = QStringLiteral("the provider \"%1\" answered %2").arg(ai.target.providerName).arg(head.status);
        dropUpstream();
        tryNextAiTarget();
        return true;
    }
    m_x.event.upstreamStatus = head.status;
    ai.translator = ai.provider->adapter->translator(*ai.chat, ai.target, head.status);
    if (!ai.translator->isStreaming())
        return true; // the whole answer is sent when it is complete

    ai.streaming = true;
    m_x.event.status = 200;
    m_x.responseStarted = true;
    if (m_shuttingDown || m_state.draining.load())
        m_x.closeAfter = true;
    QByteArray out
        = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n");
    if (!m_x.http10) {
        out += "Transfer-Encoding: chunked\r\n";
        m_x.chunkedToClient = true;
    } else {
        m_x.closeAfter = true;
    }
    out += "X-Request-Id: " + m_x.requestId + "\r\n";
    for (const auto& [name, value] : m_x.rateHeaders)
        out += name + ": " + value + "\r\n";
    if (m_x.closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    writeToClient(out);
    m_state.metrics.openStreams.fetch_add(1);
    return true;
}

void ClientConnection::onAiUpstreamBody(QByteArrayView chunk)
{
    AiExchange& ai = *m_x.ai;
    const QByteArray out = ai.translator->feed(chunk);
    if (!ai.streaming)
        return;
    writeBodyToClient(out);
    pauseUpstreamIfClientIsSlow();
}

void ClientConnection::onAiUpstreamComplete()
{
    AiExchange& ai = *m_x.ai;
    const QByteArray out = ai.translator->finish();
    recordAiUsage(*ai.translator);
    if (ai.translator->isError() && m_x.event.error.isEmpty())
        m_x.event.error = QByteArrayLiteral("provider_error");
    if (ai.streaming) {
        writeBodyToClient(out);
        if (m_x.chunkedToClient)
            writeToClient("0\r\n\r\n");
        m_x.responseComplete = true;
        m_state.metrics.openStreams.fetch_sub(1);
        maybeFinish();
        return;
    }
    const int status = ai.translator->clientStatus();
    m_x.event.bytesOut += out.size();
    respondRaw(responses::build(status, {{QByteArrayLiteral("X-Request-Id"), m_x.requestId}}, "application/json", out,
                   m_x.closeAfter),
        status);
}

bool ClientConnection::onAiUpstreamFailure(Failure failure, const QString& detail)
{
    AiExchange& ai = *m_x.ai;
    if (ai.kind == AiExchange::Kind::Passthrough && !ai.translator)
        return false; // the plain proxy's handling fits a native request
    UpstreamConnection* failed = std::exchange(m_x.upstream, nullptr);
    if (failed)
        failed->deleteLater();
    if (!m_x.responseStarted && !ai.translator) {
        // A pooled connection that the provider had closed while idle: the whole request is at hand, send it again.
        if (failure == Failure::Closed && failed && failed->wasReused() && !m_x.retried) {
            m_x.retried = true;
            connectUpstream();
            if (m_x.upstream && !ai.upstreamBody.isEmpty())
                m_x.upstream->sendBody(ai.upstreamBody);
            if (m_x.upstream)
                m_x.upstream->requestSent();
            return true;
        }
        ai.lastFailure
            = QStringLiteral("the provider \"%1\" could not be reached: %2").arg(ai.target.providerName, detail);
        tryNextAiTarget();
        return true;
    }
    // Cut off mid-answer: the translator ends a stream with an error event, or makes a whole answer a 502.
    const QByteArray out = ai.translator ? ai.translator->fail(detail) : QByteArray();
    if (ai.translator)
        recordAiUsage(*ai.translator);
    m_x.event.error = QByteArrayLiteral("upstream_reset");
    if (ai.streaming) {
        writeBodyToClient(out);
        if (m_x.chunkedToClient)
            writeToClient("0\r\n\r\n");
        m_x.responseComplete = true;
        m_state.metrics.openStreams.fetch_sub(1);
        maybeFinish();
        return true;
    }
    respondRaw(responses::build(
                   502, {{QByteArrayLiteral("X-Request-Id"), m_x.requestId}}, "application/json", out, m_x.closeAfter),
        502);
    return true;
}

void ClientConnection::recordAiUsage(const ResponseTranslator& translator)
{
    const AiUsage usage = translator.usage();
    if (!usage.reported)
        return;
    m_x.event.tokensIn = usage.promptTokens;
    m_x.event.tokensOut = usage.completionTokens;
    // The minute's budget learns at once; the day's and month's when the log writer has written the event.
    if (const qint64 perMinute = m_x.token ? m_x.token->aiLimits.tokensPerMinute : 0; perMinute > 0) {
        m_state.aiTokenLimiter.debit(RateLimiter::tokenKey(m_x.token->id), RateLimit {int(perMinute), 60'000},
            m_x.event.aiTokens(), m_state.clock.nowMs());
    }
}

} // namespace gatehouse::gateway

// ClientConnection's AI routes: the OpenAI-compatible endpoint in front of every provider, the model list, and
// the providers' native APIs with their keys injected. The plain proxy is in ClientConnection.cpp.

#include "core/ai/NativeUsageReader.h"
#include "core/ai/OpenAiError.h"
#include "core/ai/StreamUsageOption.h"
#include "core/common/Clock.h"
#include "core/gateway/ClientConnection.h"
#include "core/gateway/EngineState.h"
#include "core/gateway/HttpHeadWriter.h"
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

} // namespace

bool AiExchange::isAiPath(QByteArrayView path)
{
    return path == "/ai" || path.startsWith("/ai/");
}

void ClientConnection::beginAi(const HttpRequestHead& head, AdmissionDecision decision)
{
    m_x.ai = std::make_unique<AiExchange>();
    AiExchange& ai = *m_x.ai;
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
        m_x.event.path = RequestEvent::redactQuery(
            QByteArrayLiteral("/ai/") + decision.provider->name.toUtf8() + decision.nativeTarget);
        break;
    }
    ai.admission = std::move(decision);
    // The body is read whole before anything goes upstream: it must arrive in time, as an API's upstream must answer.
    m_x.aiBodyDeadlineMs = m_x.startMs + Admission::kAiBodyTimeoutMs;
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
    // The model is quoted in answers and headers (a 403's challenge): refused before it is used if it could
    // break either.
    if (const QString error = Admission::modelError(model); !error.isEmpty()) {
        respondAiError(400, openAiError(error, "invalid_request_error"), "invalid_request");
        return;
    }
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
        refuse(Admission::refuseAuth(Authenticator::insufficientScope(m_x.token, missingScope,
                                         QStringLiteral("the token's scopes do not allow the model \"%1\"").arg(model)),
            true));
        return;
    }
    m_x.event.model = model;
    Admission::Context context = admissionContext();
    if (const auto refused = Admission::checkAiBudget(*m_x.token, context)) {
        refuse(*refused);
        return;
    }
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
        m_x.event.modelKnown = provider->models.contains(ref.model);
        QByteArray head;
        {
            HttpHeadWriter writer(head, 512 + request->path.size());
            writer.append(request->method).append(' ').append(request->path).append(" HTTP/1.1\r\n");
            writer.field("Host", provider->upstream.upstreamHostHeader);
            for (const auto& [name, value] : request->headers)
                writer.field(name, value);
            writer.field("Content-Length", request->body.size());
            writer.field("X-Request-Id", m_x.requestId);
            writer.end();
        }
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
    Admission::Context context = admissionContext();
    ai.admission = Admission::admitNativeBody(std::move(ai.admission), ai.body, context);
    if (ai.admission.refused()) {
        refuse(ai.admission);
        return;
    }
    const AiProviderRoute& provider = *ai.passthroughProvider;
    if (provider.keyExpected && provider.apiKey.isEmpty()) {
        respondAiError(502,
            openAiError(QStringLiteral("the key of the provider \"%1\" is not available (is the keychain locked?)")
                            .arg(provider.name),
                "api_error", QStringLiteral("bad_gateway")),
            "ai_unavailable");
        return;
    }
    const QString& model = ai.admission.model;
    ai.provider = &provider;
    ai.target = AiTarget {provider.name, model, provider.apiKey, provider.upstream.upstreamBasePath};
    m_x.event.providerId = provider.id;
    m_x.event.providerName = provider.name;
    m_x.event.model = model;
    m_x.event.modelKnown = provider.models.contains(model);

    // An OpenAI-style stream reports its usage only when asked to: ask, so that the budget is debited what was
    // spent (the usage-only chunk is one more event, which the SDKs take in their stride).
    std::optional<QByteArray> asked;
    if (ai.admission.endpoint.usage == UsageShape::OpenAiChat && provider.type != u"mistral")
        asked = withStreamUsage(ai.body);
    QByteArray body = asked ? std::move(*asked) : ai.body;
    QByteArray head;
    UpstreamRequestHead::buildNative(ai.head, provider.upstream, ai.passthroughRest, providerCredential(provider),
        body.size(), forwardingContext(), head);
    m_x.headRequest = ai.head.method == "HEAD";
    connectAi(provider, std::move(head), std::move(body));
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

bool ClientConnection::onAiUpstreamHead(HttpResponseHead& head)
{
    AiExchange& ai = *m_x.ai;
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
    recordAiUsage(ai.translator->usage());
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
    if (ai.kind == AiExchange::Kind::Passthrough && !ai.translator) {
        // What was spent before the cut still counts.
        if (ai.usageReader)
            recordAiUsage(std::exchange(ai.usageReader, nullptr)->failed());
        return false; // the plain proxy's handling fits a native request
    }
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
        recordAiUsage(ai.translator->usage());
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

void ClientConnection::recordAiUsage(const AiUsage& usage)
{
    if (!usage.reported && !usage.estimated)
        return;
    m_x.event.tokensIn = usage.promptTokens;
    m_x.event.tokensOut = usage.completionTokens;
    m_x.event.usageEstimated = usage.estimated;
    // The minute's budget learns at once; the day's and month's when the log writer has written the event.
    if (const qint64 perMinute = m_x.token ? m_x.token->aiLimits.tokensPerMinute : 0; perMinute > 0) {
        m_state.aiTokenLimiter.debit(RateLimiter::tokenKey(m_x.token->id), RateLimit {int(perMinute), 60'000},
            m_x.event.aiTokens(), m_state.clock.nowMs());
    }
}

} // namespace gatehouse::gateway

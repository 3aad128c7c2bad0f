#pragma once

#include "core/ai/ProviderEndpoint.h"
#include "core/gateway/Authenticator.h"
#include "core/gateway/HttpMessageHead.h"
#include "core/gateway/HttpResponses.h"
#include "core/gateway/RequestPath.h"
#include "core/gateway/Snapshot.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gatehouse {
class UsageLedger;
}

namespace gatehouse::gateway {

class RateLimiter;

// What the gateway does with one request, decided before any byte of it reaches an upstream.
struct AdmissionDecision
{
    enum class Action {
        Refuse, // answer `status` with `headers` and the JSON `body`
        Forward, // an API request: forward it to `route`, its path `target`
        ReadAiBody, // an AI request: read the whole body, then decide what it names (admitNativeBody, the chat route)
    };
    enum class Kind { Api, AiChat, AiModels, AiNative };

    Action action = Action::Refuse;
    Kind kind = Kind::Api;

    // Refuse: the whole answer, and what the log says of it.
    int status = 0;
    HeaderPairs headers;
    QByteArray body;
    QByteArray rejectReason; // the log's reject reason ("missing", "scope", "bad_target", ...)
    QByteArray error; // the log's error column, where the refusal has one

    // What was learnt on the way, refused or not.
    NormalizedTarget target; // routed, logged and forwarded: never the raw request-target
    const Route* route = nullptr; // the API's route (Kind::Api)
    const TokenGrant* token = nullptr;
    HeaderPairs rateHeaders; // RateLimit-* headers for the response
    qint64 maxBodyBytes = -1;

    // Kind::AiNative
    const AiProviderRoute* provider = nullptr;
    ProviderEndpoint endpoint;
    QByteArray nativeTarget; // after /ai/NAME, with the query (its key= parameter removed): "/v1/messages"
    QString model; // once the body is read: the model the provider will run ("" for listing and admin endpoints)

    bool refused() const { return action == Action::Refuse; }
};

// The admission step: path normalisation, routing, the credential, scopes, rate limits and AI budgets, decided from
// a parsed request head (and on the AI routes its body) and the snapshot, apart from any socket. The connection
// only carries out what it decides. The rate limiters and the usage ledger are the only state it touches.
class Admission
{
public:
    struct Context
    {
        const Snapshot& snapshot;
        RateLimiter& rateLimiter;
        RateLimiter& aiRequestLimiter;
        RateLimiter& aiTokenLimiter;
        UsageLedger& usage;
        qint64 nowMs = 0;
    };

    // How long an AI request's body may take to arrive, as an API request's upstream may take to answer: the
    // body is read whole before anything goes upstream, so without this a client could hold the connection
    // (and its buffer) open by sending nothing.
    static constexpr qint64 kAiBodyTimeoutMs = 30'000;

    static AdmissionDecision admitHead(const HttpRequestHead& head, Context& context);
    // A native AI request whose body has arrived: the model it names where its provider reads it, that model's
    // scope, and the AI budgets. `decision` is what admitHead() returned (ReadAiBody, Kind::AiNative).
    static AdmissionDecision admitNativeBody(AdmissionDecision decision, const QByteArray& body, Context& context);
    // The token's AI tokens a minute and its and its consumer's daily and monthly budgets, checked before a
    // request that spends tokens: a refusal (429), or nothing.
    static std::optional<AdmissionDecision> checkAiBudget(const TokenGrant& token, Context& context);
    // The token's AI requests a minute: a refusal (429), or nothing.
    static std::optional<AdmissionDecision> checkAiRequestLimit(const TokenGrant& token, Context& context);

    // An AI route's error in OpenAI's shape, which the SDKs on these routes show their user.
    static AdmissionDecision refuseAi(
        int status, const QString& message, QByteArrayView type, const QString& code, QByteArray rejectReason);
    // The RFC 6750 refusal of a credential; in OpenAI's shape on the AI routes, the challenge header on every route.
    static AdmissionDecision refuseAuth(const AuthDecision& auth, bool aiShape);

    // Why a model a client names cannot be used (empty: it can): ProviderEndpoint::modelNameError(), and a
    // Gatehouse token, which answers (a 403's scope, a 404) would otherwise quote.
    static QString modelError(const QString& model);
    // `text` with every Gatehouse token in it (TokenFormat::findLeaked) replaced, for an answer or a log line that
    // quotes what a client sent.
    static QByteArray redactTokens(QByteArrayView text);
    // Whether a value carries a Gatehouse token (x-api-key, api-key, x-goog-api-key are removed then).
    static bool carriesToken(QByteArrayView value);
};

} // namespace gatehouse::gateway

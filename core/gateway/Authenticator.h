#pragma once

#include "core/gateway/Snapshot.h"

#include <QByteArray>
#include <QString>

#include <span>

namespace gatehouse::gateway {

// The outcome of checking a request's bearer token against a route, per RFC 6750 section 3.
struct AuthDecision
{
    enum class Outcome {
        Allowed,
        MissingToken, // 401, a bare challenge: the request carried no Bearer credentials
        InvalidRequest, // 400 invalid_request: malformed Authorization, several of them, or a token in the query
        InvalidToken, // 401 invalid_token: malformed, unknown, expired or revoked
        InsufficientScope, // 403 insufficient_scope, naming the scope that would allow the request
    };

    Outcome outcome = Outcome::MissingToken;
    const TokenGrant* token = nullptr; // set when Allowed or InsufficientScope
    QByteArray reason; // for metrics: "missing", "malformed", "unknown", "expired", "revoked", "scope"
    QString description;
    QString scope;

    bool allowed() const { return outcome == Outcome::Allowed; }
    int httpStatus() const;
    QByteArray errorCode() const; // "" for Allowed and MissingToken
    // The WWW-Authenticate header value for a refusal.
    QByteArray challenge() const;
    // {"error": ..., "error_description": ..., "scope": ...}
    QByteArray jsonBody() const;
    // The same in OpenAI's shape, for the AI routes: {"error": {"message": description, "code": error, ...}}.
    QByteArray openAiJsonBody() const;
};

// Checks bearer tokens: one SHA-256 and one hash lookup in the snapshot, never SQL.
class Authenticator
{
public:
    static constexpr char kRealm[] = "gatehouse";

    // `authorizationHeaders`: every Authorization value the request carried (several is an error).
    // `target`: the raw request-target, checked for a token smuggled into the query string.
    static AuthDecision check(const Snapshot& snapshot, const Route& route,
        std::span<const QByteArrayView> authorizationHeaders, QByteArrayView method, QByteArrayView target,
        qint64 nowMs);

    // The same checks without a scope: the bearer token's grant if it is usable. For routes whose scope
    // depends on more than the head (an AI request names its model in the body).
    static AuthDecision identify(const Snapshot& snapshot, std::span<const QByteArrayView> authorizationHeaders,
        QByteArrayView target, qint64 nowMs);
    // The token itself, however it arrived (an SDK's own key header on the AI passthrough routes).
    static AuthDecision identifyToken(const Snapshot& snapshot, QByteArrayView credentials, qint64 nowMs);
    // A 403 insufficient_scope for `token`, naming the `scope` that would have allowed the request.
    static AuthDecision insufficientScope(const TokenGrant* token, QString scope, QString description);
};

} // namespace gatehouse::gateway

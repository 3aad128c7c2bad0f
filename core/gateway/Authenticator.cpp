#include "core/gateway/Authenticator.h"

#include "core/ai/OpenAiError.h"
#include "core/common/AsciiTable.h"
#include "core/tokens/TokenFormat.h"
#include "core/tokens/TokenHash.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <string_view>

namespace gatehouse::gateway {

namespace {

AuthDecision refuse(AuthDecision::Outcome outcome, QByteArray reason, QString description)
{
    AuthDecision decision;
    decision.outcome = outcome;
    decision.reason = std::move(reason);
    decision.description = std::move(description);
    return decision;
}

// The characters of RFC 6750's b64token before its "=" padding. A table: every byte of every request's
// token passes through here.
constexpr std::array<bool, 256> kB64TokenChar = asciiAlphanumericsAnd("-._~+/");

// RFC 6750's b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
bool isB64Token(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    qsizetype i = 0;
    while (i < text.size() && kB64TokenChar[static_cast<unsigned char>(text[i])])
        ++i;
    if (i == 0)
        return false;
    for (; i < text.size(); ++i) {
        if (text[i] != '=')
            return false;
    }
    return true;
}

// A query parameter named access_token in any letter case (RFC 6750 section 2.3), or a Gatehouse token anywhere in
// the query: Gatehouse refuses both, so that a token never travels (or is logged, or echoed) as part of a URL.
bool queryCarriesToken(QByteArrayView target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return false;
    const QByteArrayView query = target.sliced(question + 1);
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView name = equals < 0 ? pair : pair.first(equals);
        if (name.compare("access_token", Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    // A token anywhere in the query, in any letter case, its underscore also percent-encoded (an upstream would
    // decode it).
    return tokens::TokenFormat::holdsLeaked(query);
}

QByteArray quoted(const QString& text)
{
    QByteArray value = text.toUtf8();
    value.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + value + '"';
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int AuthDecision::httpStatus() const
{
    switch (outcome) {
    case Outcome::Allowed:
        return 200;
    case Outcome::MissingToken:
    case Outcome::InvalidToken:
        return 401;
    case Outcome::InvalidRequest:
        return 400;
    case Outcome::InsufficientScope:
        return 403;
    }
    return 500;
}

QByteArray AuthDecision::errorCode() const
{
    switch (outcome) {
    case Outcome::InvalidRequest:
        return QByteArrayLiteral("invalid_request");
    case Outcome::InvalidToken:
        return QByteArrayLiteral("invalid_token");
    case Outcome::InsufficientScope:
        return QByteArrayLiteral("insufficient_scope");
    case Outcome::Allowed:
    case Outcome::MissingToken:
        break;
    }
    return {};
}

QByteArray AuthDecision::challenge() const
{
    QByteArray value = QByteArrayLiteral("Bearer realm=\"") + Authenticator::kRealm + '"';
    // RFC 6750 section 3.1: a request without credentials gets no error code.
    if (outcome == Outcome::MissingToken || outcome == Outcome::Allowed)
        return value;
    value += ", error=\"" + errorCode() + '"';
    if (!description.isEmpty())
        value += ", error_description=" + quoted(description);
    if (!scope.isEmpty())
        value += ", scope=" + quoted(scope);
    return value;
}

QByteArray AuthDecision::jsonBody() const
{
    QJsonObject body;
    if (outcome == Outcome::MissingToken) {
        body.insert(QStringLiteral("error"), QStringLiteral("unauthorized"));
        body.insert(QStringLiteral("error_description"), description);
    } else {
        body.insert(QStringLiteral("error"), QString::fromLatin1(errorCode()));
        body.insert(QStringLiteral("error_description"), description);
    }
    if (!scope.isEmpty())
        body.insert(QStringLiteral("scope"), scope);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray AuthDecision::openAiJsonBody() const
{
    const QByteArray code = outcome == Outcome::MissingToken ? QByteArrayLiteral("unauthorized") : errorCode();
    return OpenAiError::body(description, "invalid_request_error", QString(), QString::fromLatin1(code));
}

AuthDecision Authenticator::identify(
    const Snapshot& snapshot, std::span<const QByteArrayView> authorizationHeaders, QByteArrayView target, qint64 nowMs)
{
    using Outcome = AuthDecision::Outcome;
    if (queryCarriesToken(target)) {
        return refuse(Outcome::InvalidRequest, "query_token",
            QStringLiteral("tokens are accepted in the Authorization header only, never in the URL"));
    }
    if (authorizationHeaders.empty())
        return refuse(Outcome::MissingToken, "missing", QStringLiteral("a bearer token is required"));
    if (authorizationHeaders.size() > 1)
        return refuse(
            Outcome::InvalidRequest, "malformed", QStringLiteral("the request has more than one Authorization header"));

    const QByteArrayView header = authorizationHeaders.front().trimmed();
    const qsizetype space = header.indexOf(' ');
    const QByteArrayView scheme = space < 0 ? header : header.first(space);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0)
        return refuse(Outcome::MissingToken, "missing", QStringLiteral("a bearer token is required"));
    const QByteArrayView credentials = space < 0 ? QByteArrayView() : header.sliced(space + 1).trimmed();
    if (!isB64Token(credentials)) {
        return refuse(Outcome::InvalidRequest, "malformed",
            QStringLiteral("the Authorization header must be \"Bearer\" followed by one token"));
    }
    return identifyToken(snapshot, credentials, nowMs);
}

AuthDecision Authenticator::identifyToken(const Snapshot& snapshot, QByteArrayView credentials, qint64 nowMs)
{
    using Outcome = AuthDecision::Outcome;
    if (credentials.isEmpty())
        return refuse(Outcome::MissingToken, "missing", QStringLiteral("a bearer token is required"));
    // The prefix and checksum reject a mistyped token before any lookup.
    const auto defect = tokens::TokenFormat::check(credentials);
    if (defect != tokens::TokenFormat::Defect::None)
        return refuse(Outcome::InvalidToken, "malformed", tokens::TokenFormat::describe(defect));

    const tokens::Sha256Digest digest = tokens::sha256Digest(credentials);
    const TokenGrant* token = snapshot.tokenByHash(tokens::view(digest));
    if (!token || !tokens::constantTimeEquals(token->secretHash, tokens::view(digest)))
        return refuse(Outcome::InvalidToken, "unknown", QStringLiteral("the token is not known"));
    if (token->isRevokedAt(nowMs))
        return refuse(Outcome::InvalidToken, "revoked", QStringLiteral("the token was revoked"));
    if (token->isExpiredAt(nowMs))
        return refuse(Outcome::InvalidToken, "expired",
            QStringLiteral("the token expired at %1").arg(isoTime(token->expiresAtMs)));
    AuthDecision decision;
    decision.outcome = Outcome::Allowed;
    decision.token = token;
    return decision;
}

AuthDecision Authenticator::check(const Snapshot& snapshot, const Route& route,
    std::span<const QByteArrayView> authorizationHeaders, QByteArrayView method, QByteArrayView target, qint64 nowMs)
{
    AuthDecision decision = identify(snapshot, authorizationHeaders, target, nowMs);
    if (!decision.allowed())
        return decision;
    const tokens::ScopeDecision scope = decision.token->scopes.allowsApi(route.name, method);
    if (!scope.allowed) {
        return insufficientScope(decision.token, scope.missingScope,
            QStringLiteral("the token's scopes do not allow %1 on the API \"%2\"")
                .arg(QString::fromLatin1(method), route.name));
    }
    return decision;
}

AuthDecision Authenticator::insufficientScope(const TokenGrant* token, QString scope, QString description)
{
    AuthDecision decision = refuse(AuthDecision::Outcome::InsufficientScope, "scope", std::move(description));
    decision.scope = std::move(scope);
    decision.token = token;
    return decision;
}

} // namespace gatehouse::gateway

#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gatehouse {

// Errors in the OpenAI wire format, {"error":{"message","type","param","code"}}, which every OpenAI SDK parses, and
// the mapping of a provider's error response onto it.
namespace OpenAiError {

// An empty param or code is written as null, as OpenAI does.
QByteArray body(const QString& message, QByteArrayView type, const QString& param = {}, const QString& code = {});

// 400 invalid_request_error for a request the gateway refused before sending it anywhere; error.field is the param.
QByteArray invalidRequest(const Error& error);

// What a provider's error body said. The parser understands the three shapes in use: OpenAI and Mistral
// {"error":{"message","type","code"}}, Anthropic {"type":"error","error":{"type","message"}} and Google
// {"error":{"code":400,"message","status","details":[{"reason"}]}}, plus a bare {"message"} or {"detail"}.
struct UpstreamError
{
    QString message;
    QString type; // the provider's own type or status, e.g. overloaded_error or RESOURCE_EXHAUSTED
    bool credentialRejected = false; // the provider refused the key (Gemini says so in a 400 with API_KEY_INVALID)
};
UpstreamError parseUpstreamError(QByteArrayView body);

// The status and OpenAI-format body the client gets for a provider's error response. The status follows what a
// client can do about it: the client's own mistakes stay 4xx (400, 404, 413; 422 becomes 400), rate limits stay 429
// so SDKs back off and retry, a rejected provider key becomes 502 (the client's Gatehouse token was fine: a 401
// would make the SDK blame it), overload (503, Anthropic's 529) becomes 503 and other upstream failures 502.
struct Mapped
{
    int status = 502;
    QByteArray body;
    QString message;
};
Mapped fromUpstream(int upstreamStatus, QByteArrayView upstreamBody, const QString& provider);
Mapped fromUpstream(int upstreamStatus, const UpstreamError& error, const QString& provider);

} // namespace OpenAiError

} // namespace gatehouse

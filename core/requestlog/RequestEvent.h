#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace gatehouse {

// One request as the gateway saw it, queued by a worker and written by the request-log writer.
// Never holds a credential: no Authorization value, no query string values.
struct RequestEvent
{
    qint64 timeMs = 0; // when the request arrived
    QByteArray requestId;
    QByteArray method;
    QByteArray path; // query values removed: "/billing/invoices?page=&sort="
    qint64 apiId = 0; // 0: no route matched
    QString apiName;
    qint64 consumerId = 0;
    QString consumerName;
    qint64 tokenId = 0;
    int status = 0; // what the client got (0: the connection closed before a status was sent)
    int upstreamStatus = 0; // 0: the upstream was not reached or did not answer
    qint64 latencyUs = 0;
    qint64 bytesIn = 0; // request body bytes
    qint64 bytesOut = 0; // response body bytes
    QByteArray clientAddress;
    QByteArray error; // "" on success; "upstream_reset", "upstream_timeout", "client_closed", "revoked", ...
    QByteArray rejectReason; // for refusals by the gateway itself: "missing", "unknown", "rate_limited", ...
    // AI requests only (providerId 0 otherwise): the provider and model that answered (after aliases and
    // fallbacks), and the prompt and completion tokens the provider reported (-1: it reported none).
    qint64 providerId = 0;
    QString providerName;
    QString model;
    // The catalog lists `model` for the provider. The log keeps the name of a listed model only: any other is logged
    // and summed as "(unlisted)", so that a token allowed `ai:<provider>/*` cannot fill the catalog with names.
    bool modelKnown = false;
    qint64 tokensIn = -1;
    qint64 tokensOut = -1;
    // tokensIn and tokensOut are not the provider's report but an estimate from the body sizes (AiUsage::estimated).
    bool usageEstimated = false;

    // An authenticated AI request that a provider answered: what the daily sums and the budgets count.
    bool countsAsAiUsage() const { return providerId > 0 && !model.isEmpty() && tokenId > 0 && rejectReason.isEmpty(); }
    // Prompt plus completion tokens, those not reported counting as none.
    qint64 aiTokens() const { return (tokensIn > 0 ? tokensIn : 0) + (tokensOut > 0 ? tokensOut : 0); }

    // Removes the values from a request-target's query string, keeping the names. Without a query string, as most
    // request-targets are, the result shares `target`'s bytes (no copy).
    static QByteArray redactQuery(const QByteArray& target);
};

} // namespace gatehouse

Q_DECLARE_METATYPE(gatehouse::RequestEvent)

#pragma once

#include "core/ai/AiUsage.h"
#include "core/gateway/AiExchange.h"
#include "core/gateway/ApiProxyExchange.h"

#include <memory>

namespace gatehouse::gateway {

// A request on the AI routes (AiExchange.h): its body read whole, then the OpenAI-compatible chat endpoint in front
// of every provider (translated, with fallbacks), the model list, or a provider's native API with its key injected.
// What goes to the provider goes through the API proxy's upstream handling, which this extends: the answer is
// translated, or its usage read beside it, and debited to the token's AI budgets.
class AiRouteExchange final : public ApiProxyExchange
{
public:
    AiRouteExchange(ClientConnection& connection, UpstreamPool& pool);

    // Exchange
    void start(const HttpRequestHead& head, AdmissionDecision&& decision) override;
    void onRequestBody(QByteArrayView chunk) override;
    void onRequestComplete() override;
    void sweep(qint64 nowMs) override;
    void end() override;

private:
    // UpstreamClient
    void onUpstreamHead(HttpResponseHead&& head) override;
    void onUpstreamBody(QByteArrayView chunk) override;
    void onUpstreamComplete() override;
    void onUpstreamFailure(Failure failure, const QString& detail) override;

    void dispatch();
    void dispatchChat();
    void dispatchPassthrough();
    void answerModels();
    void tryNextTarget();
    void connectProvider(const AiProviderRoute& provider, QByteArray head, QByteArray body);
    // Sends the whole request to the upstream just connected.
    void sendRequest();
    // An error in OpenAI's shape, which the SDKs on these routes show to their user.
    void respondError(int status, QByteArray body, QByteArray error);
    bool handleHead(HttpResponseHead& head); // true: handled (translated, or retried on a fallback)
    void translateBody(QByteArrayView chunk);
    void completeTranslated();
    bool handleFailure(Failure failure, const QString& detail); // true: handled
    // The end of a streamed (translated) answer.
    void endStream(const QByteArray& out);
    void recordUsage(const AiUsage& usage);

    std::unique_ptr<AiExchange> m_ai; // the request in flight (allocated per request, as it is large and rare)
    qint64 m_bodyDeadlineMs = 0; // the body must have arrived by then (0: not reading one)
};

} // namespace gatehouse::gateway

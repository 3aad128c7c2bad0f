#pragma once

#include "core/ai/AiAdapter.h"
#include "core/ai/ChatRequest.h"
#include "core/ai/NativeUsageReader.h"
#include "core/ai/ResponseTranslator.h"
#include "core/gateway/Admission.h"
#include "core/gateway/AiCatalog.h"
#include "core/gateway/HttpMessageHead.h"
#include "core/gateway/Snapshot.h"

#include <memory>
#include <optional>

namespace gatehouse::gateway {

// The state of one request on the AI routes, held by its ClientConnection exchange:
//   POST /ai/v1/chat/completions   OpenAI Chat Completions for every provider, translated where needed
//   GET  /ai/v1/models             the models (and aliases) the token may use
//   ANY  /ai/PROVIDER/...          the provider's own API, its key injected, the bytes untouched
// The request body is read whole first (it names the model, which decides the scope and the provider), which is
// fine for AI requests: they are small next to the answers, which stream.
struct AiExchange
{
    enum class Kind { Chat, Models, Passthrough };

    // The largest AI request body accepted (images travel inline as base64).
    static constexpr qint64 kMaxRequestBytes = 32 * 1024 * 1024;
    // How long a provider may take to answer (models think; streams may pause between events).
    static constexpr qint64 kTimeoutMs = 600'000;

    // "/ai" or "/ai/...", before any query string.
    static bool isAiPath(QByteArrayView path);

    Kind kind = Kind::Chat;
    HttpRequestHead head; // kept for a passthrough's headers
    QByteArray body;
    AdmissionDecision admission; // what admission decided from the head, then (native routes) from the body
    const AiProviderRoute* passthroughProvider = nullptr;
    QByteArray passthroughRest; // the target after /ai/NAME, e.g. "/v1/messages"

    std::optional<ChatRequest> chat;
    QList<AiModelRef> targets; // the ones the token's scopes allow, in order
    qsizetype nextTarget = 0;
    QString lastFailure; // why the previous target was skipped or failed, for the 502 when none is left

    const AiProviderRoute* provider = nullptr; // the provider of the target being tried
    AiTarget target;
    QByteArray upstreamBody;
    std::unique_ptr<ResponseTranslator> translator; // chat: the answer in OpenAI's format
    std::unique_ptr<NativeUsageReader> usageReader; // passthrough: reads the usage, the bytes pass untouched
    bool streaming = false; // the client is being sent a chunked event stream
};

} // namespace gatehouse::gateway

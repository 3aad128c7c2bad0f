// A client's Chat Completions body: ChatRequest::parse on arbitrary bytes, then, for a request it accepts, every
// accessor and each provider family's translation of it. A translated body must be a JSON object again.
#include "core/ai/AiAdapter.h"
#include "core/ai/ChatRequest.h"
#include "tests/fuzz/FuzzInput.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <cstddef>
#include <cstdint>

using namespace gatehouse;
using gatehouse::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Result<ChatRequest> request = ChatRequest::parse(QByteArrayView(data, qsizetype(size)));
    if (!request.ok()) {
        require(!request.error().message.isEmpty(), "a refused request says why");
        return 0;
    }
    require(!request->model().isEmpty(), "an accepted request names a model");
    require(!request->messages().isEmpty(), "an accepted request has messages");
    (void)request->stopSequences();
    if (request->maxTokens())
        require(*request->maxTokens() > 0, "max tokens are positive");
    for (const QJsonValue& message : request->messages())
        (void)ChatRequest::contentText(message.toObject().value(QStringLiteral("content")));

    static const QStringView kTypes[] = {u"openai", u"anthropic", u"gemini", u"ollama"};
    for (const QStringView type : kTypes) {
        const std::unique_ptr<AiAdapter> adapter = AiAdapter::forProviderType(type);
        require(adapter != nullptr, "every provider type has an adapter");
        const AiTarget target {type.toString(), QStringLiteral("model-1"), QByteArrayLiteral("key"), QByteArray()};
        const Result<UpstreamRequest> upstream = adapter->buildUpstreamRequest(*request, target);
        if (!upstream.ok()) {
            require(!upstream.error().message.isEmpty(), "a refused translation says why");
            continue;
        }
        require(upstream->path.startsWith('/'), "the upstream path is absolute");
        require(QJsonDocument::fromJson(upstream->body).isObject(), "the upstream body is a JSON object");
    }
    return 0;
}

#include "core/ai/AiAdapter.h"

#include "core/ai/AnthropicAdapter.h"
#include "core/ai/GeminiAdapter.h"
#include "core/ai/OpenAiPassthrough.h"

namespace gatehouse {

std::unique_ptr<AiAdapter> AiAdapter::forProviderType(QStringView type)
{
    if (type == u"anthropic")
        return std::make_unique<AnthropicAdapter>();
    if (type == u"gemini")
        return std::make_unique<GeminiAdapter>();
    if (type == u"mistral")
        return std::make_unique<OpenAiPassthrough>(false);
    if (type == u"openai" || type == u"ollama" || type == u"openai-compatible")
        return std::make_unique<OpenAiPassthrough>(true);
    return nullptr;
}

} // namespace gatehouse

// Anthropic's streaming Messages events, translated to chat.completion.chunk events, on arbitrary upstream bytes.
#include "core/ai/AnthropicStreamTranslator.h"
#include "tests/fuzz/StreamTranslatorFuzzing.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    gatehouse::fuzz::fuzzStreamTranslator(
        QByteArrayView(data, qsizetype(size)),
        [](bool includeUsage) {
            return std::make_unique<gatehouse::AnthropicStreamTranslator>(
                QStringLiteral("anthropic"), QStringLiteral("anthropic/claude-test"), includeUsage);
        },
        true);
    return 0;
}

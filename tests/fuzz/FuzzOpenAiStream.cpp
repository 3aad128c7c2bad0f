// The OpenAI-style stream passthrough (OpenAI, Mistral, Ollama, compatible servers) on arbitrary upstream bytes.
#include "core/ai/OpenAiStreamTranslator.h"
#include "tests/fuzz/StreamTranslatorFuzzing.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    gatehouse::fuzz::fuzzStreamTranslator(
        QByteArrayView(data, qsizetype(size)),
        [](bool dropUsageChunk) {
            return std::make_unique<gatehouse::OpenAiStreamTranslator>(QStringLiteral("openai"), dropUsageChunk);
        },
        false);
    return 0;
}

// The native AI routes' usage reader on arbitrary provider answers, in every shape and framing. However the bytes are
// cut, it reads the same usage; counts are never negative; a shape that spends tokens is never counted as nothing
// (reported or estimated), and one that spends none never is counted.
#include "core/ai/NativeUsageReader.h"
#include "tests/fuzz/FuzzInput.h"

#include <cstddef>
#include <cstdint>

using gatehouse::AiUsage;
using gatehouse::NativeUsageReader;
using gatehouse::UsageShape;
using gatehouse::fuzz::Pieces;
using gatehouse::fuzz::require;

namespace {

constexpr UsageShape kShapes[] = {UsageShape::None, UsageShape::OpenAiChat, UsageShape::OpenAiResponses,
    UsageShape::OpenAiEmbeddings, UsageShape::Anthropic, UsageShape::AnthropicCountTokens, UsageShape::Gemini,
    UsageShape::GeminiCountTokens, UsageShape::Ollama};
constexpr const char* kContentTypes[]
    = {"text/event-stream", "application/x-ndjson", "application/json", "application/json-seq", ""};

AiUsage read(UsageShape shape, const char* contentType, QByteArrayView body, bool split, bool cut)
{
    NativeUsageReader reader(shape, contentType, 1000);
    if (split) {
        Pieces pieces(body);
        while (!pieces.atEnd())
            reader.feed(pieces.next());
    } else {
        reader.feed(body);
    }
    return cut ? reader.failed() : reader.finish();
}

bool same(const AiUsage& a, const AiUsage& b)
{
    return a.promptTokens == b.promptTokens && a.completionTokens == b.completionTokens && a.reported == b.reported
        && a.estimated == b.estimated;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the shape and framing; the rest is the provider's answer.
    const UsageShape shape = kShapes[data[0] % std::size(kShapes)];
    const char* contentType = kContentTypes[(data[0] / std::size(kShapes)) % std::size(kContentTypes)];
    const QByteArrayView body(data + 1, qsizetype(size - 1));
    for (bool cut : {false, true}) {
        const AiUsage whole = read(shape, contentType, body, false, cut);
        const AiUsage split = read(shape, contentType, body, true, cut);
        require(same(whole, split), "the same usage however the bytes are cut");
        require(whole.promptTokens >= 0 && whole.completionTokens >= 0, "no negative counts");
        require(!(whole.reported && whole.estimated), "reported or estimated, not both");
        if (!gatehouse::spendsTokens(shape))
            require(!whole.reported && !whole.estimated, "a shape that spends nothing counts nothing");
        else
            require(whole.reported || whole.estimated, "a shape that spends tokens is never counted as nothing");
    }
    return 0;
}

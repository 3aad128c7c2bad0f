#pragma once

namespace gatehouse {

// Where a provider's native answer reports its token counts. The native AI routes classify each endpoint
// (ProviderEndpoint) into one of these, and a usage reader of the same shape reads the counts from the bytes that
// pass through untouched, streamed (SSE or NDJSON) or whole.
enum class UsageShape {
    None, // listing endpoints, and the admin endpoints: no tokens spent
    OpenAiChat, // chat/completions and completions: "usage" {prompt_tokens, completion_tokens}, last chunk in streams
    OpenAiResponses, // responses: "usage" {input_tokens, output_tokens}; streams: the response.completed event
    OpenAiEmbeddings, // embeddings: "usage" {prompt_tokens}
    Anthropic, // messages: usage.input_tokens, usage.output_tokens; streams: message_start then message_delta
    AnthropicCountTokens, // messages/count_tokens: counts, spends nothing
    Gemini, // generateContent, streamGenerateContent, embedContent: usageMetadata {promptTokenCount, ...}
    GeminiCountTokens, // countTokens: spends nothing
    Ollama, // api/chat, api/generate, api/embed: prompt_eval_count, eval_count; NDJSON when streamed
};

// Whether an answer of this shape spends tokens, and so is counted (reported, else estimated) against budgets.
constexpr bool spendsTokens(UsageShape shape)
{
    return shape != UsageShape::None && shape != UsageShape::AnthropicCountTokens
        && shape != UsageShape::GeminiCountTokens;
}

} // namespace gatehouse

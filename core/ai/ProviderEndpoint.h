#pragma once

#include "core/ai/UsageShape.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace gatehouse {

// What one request on a native AI route (/ai/PROVIDER/<path>) asks of the provider's own API, so that the gateway
// checks the right scope before spending the admin's provider key on it:
//   Inference  spends tokens of one model, which is read where that provider reads it: the JSON body's top-level
//              "model" (OpenAI-style, Mistral, Anthropic, Ollama) or Gemini's models/{model}:method path segment,
//              never from the query and never from anywhere else in the path
//   Listing    lists or describes models (no tokens spent); GET models/{id} carries the id as pathModel
//   Admin      every other endpoint the provider's API is known to have (files, fine-tuning, batches, stored
//              completions and responses, deleting models, Ollama's pull/create/delete...): needs ai:PROVIDER:admin
//   Unknown    anything else, and anything ambiguous: the gateway answers 404 and sends nothing upstream
//
// Each provider type has one table of routes and one list of admin prefixes (ProviderEndpoint.cpp). The rules:
// - `path` is the target after /ai/NAME without its query, e.g. "/v1/chat/completions". One leading version
//   segment (v1, v1beta, v1alpha, v2 ...) is ignored, because the provider's base URL may or may not carry it.
// - One trailing '/' is ignored; any other empty segment, a "." or ".." segment, a '%' anywhere (no percent-decoding:
//   the gateway and the provider could then read different names), or a byte outside printable ASCII is Unknown.
// - Methods are case-sensitive (RFC 9110): "post" is not POST. HEAD goes where GET goes.
// - A route's path with a method that is not its own is Admin where the provider manages things with that method
//   there (GET chat/completions lists OpenAI's stored completions; DELETE models/{id} deletes a fine-tuned model),
//   and Unknown otherwise. Any method under an admin prefix is Admin, whatever follows, so /v1/files/models/cheap
//   is Admin with no model.
// - Ollama's table also holds OpenAI's (its /v1 OpenAI-compatible API), and Gemini's openai/... paths (its
//   OpenAI-compatible API) are classified with OpenAI's table.
// Decisions: Gemini's batchEmbedContents and batchGenerateContent are Admin, because each inner request names its
// own model, which the gateway does not check; Anthropic's legacy /v1/complete is Admin (it reports no token counts
// for a budget); Ollama's legacy api/embeddings is Inference with UsageShape::None (it reports no counts either).
struct ProviderEndpoint
{
    enum class Kind { Inference, Listing, Admin, Unknown };
    enum class ModelSource { None, Body, Path };

    Kind kind = Kind::Unknown;
    ModelSource modelSource = ModelSource::None;
    // ModelSource::Path only: the {model} of Gemini's models/{model}:method, or the id of GET models/{id} (which
    // may hold '/' for OpenAI-compatible servers: "meta-llama/Llama-3-8B"). Taken as it is, never percent-decoded
    // (a '%' makes the path Unknown), and always passes modelNameError().
    QString pathModel;
    UsageShape usage = UsageShape::None;
    bool streamingByPath = false; // Gemini's streamGenerateContent: the answer is a stream whatever the body says

    // `providerType` is AiProviderRoute::type: "openai", "anthropic", "gemini", "mistral", "ollama" or
    // "openai-compatible"; any other type classifies everything as Unknown.
    static ProviderEndpoint classify(QStringView providerType, QByteArrayView method, QByteArrayView path);

    // Whether `model` (from a body or a path) is safe to put in scopes, logs and headers: 1 to 256 characters, no
    // control characters (below 0x20, or 0x7F), no '"' or '\\'. An empty string when it is, else the reason.
    static QString modelNameError(QStringView model);

    // The JSON body's top-level "model", as the provider reads it. Errors (Error::invalid("model", ...)): the body
    // is not a JSON object; "model" is missing or not a string; the object has more than one member whose name
    // equals "model" ignoring case (parsers differ: the last wins in most, Go's encoding/json, which Ollama uses,
    // also matches "Model" or "MODEL"), or only a differently cased one; the model fails modelNameError().
    static Result<QString> bodyModel(const QByteArray& body);
};

} // namespace gatehouse

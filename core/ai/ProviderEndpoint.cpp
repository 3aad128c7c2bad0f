#include "core/ai/ProviderEndpoint.h"

#include "core/ai/JsonMembers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <initializer_list>
#include <span>

namespace gatehouse {

namespace {

using Kind = ProviderEndpoint::Kind;
using Source = ProviderEndpoint::ModelSource;

// One endpoint of a provider's API. Pattern segments: a literal; `*` any one segment; `**` one or more segments;
// `{model}` one or more segments, the last in the pattern, taken as the model (GET models/{id}); `{id}` one segment
// without ':' taken as the model; `{model}:verb` one segment "<model>:verb" (Gemini), the model without ':'.
struct Route
{
    const char* pattern;
    const char* methods; // space-separated; "*" any method
    Kind kind;
    Source source = Source::None;
    UsageShape usage = UsageShape::None;
    bool streaming = false;
};

// Under these paths (and the path itself) every method is Admin: all of them manage the provider's account.
using Prefixes = std::span<const char* const>;

// OpenAI (https://platform.openai.com/docs/api-reference), also the table of "openai-compatible" servers, of
// Ollama's /v1 API and of Gemini's openai/... API.
constexpr Route kOpenAiRoutes[] = {
    {"chat/completions", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiChat},
    {"chat/completions", "GET HEAD", Kind::Admin}, // lists the stored completions
    {"chat/completions/**", "*", Kind::Admin}, // a stored completion: get, update, delete, its messages
    {"completions", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiChat},
    {"responses", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiResponses},
    {"responses/**", "*", Kind::Admin}, // get, delete, cancel a stored response; its input items; input_tokens
    {"embeddings", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiEmbeddings},
    {"models", "GET HEAD", Kind::Listing}, {"models/{model}", "GET HEAD", Kind::Listing, Source::Path},
    {"models/**", "DELETE", Kind::Admin}, // deletes a fine-tuned model
};
constexpr const char* kOpenAiAdmin[] = {"files", "fine_tuning", "fine-tunes", "batches", "assistants", "threads",
    "vector_stores", "uploads", "images", "audio", "moderations", "realtime", "organization", "evals", "containers",
    "conversations", "videos", "chatkit", "engines", "edits"};

// Mistral (https://docs.mistral.ai/api/). agents/completions names an agent, not a model, so it is Admin.
constexpr Route kMistralRoutes[] = {
    {"chat/completions", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiChat},
    {"fim/completions", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiChat},
    {"embeddings", "POST", Kind::Inference, Source::Body, UsageShape::OpenAiEmbeddings},
    {"models", "GET HEAD", Kind::Listing}, {"models/{model}", "GET HEAD", Kind::Listing, Source::Path},
    {"models/**", "DELETE", Kind::Admin}, // deletes a fine-tuned model
};
constexpr const char* kMistralAdmin[] = {"files", "fine_tuning", "batch", "moderations", "chat/moderations",
    "classifications", "chat/classifications", "ocr", "agents", "conversations", "libraries", "audio"};

// Anthropic (https://docs.anthropic.com/en/api). The legacy complete endpoint reports no token counts.
constexpr Route kAnthropicRoutes[] = {
    {"messages", "POST", Kind::Inference, Source::Body, UsageShape::Anthropic},
    {"messages/count_tokens", "POST", Kind::Inference, Source::Body, UsageShape::AnthropicCountTokens},
    {"models", "GET HEAD", Kind::Listing},
    {"models/{model}", "GET HEAD", Kind::Listing, Source::Path},
};
constexpr const char* kAnthropicAdmin[]
    = {"messages/batches", "files", "organizations", "complete", "skills", "experimental"};

// Gemini (https://ai.google.dev/api). The batch methods carry one model per inner request, so they are Admin;
// "upload" is the media upload path (/upload/v1beta/files), which comes before the version.
constexpr Route kGeminiRoutes[] = {
    {"models", "GET HEAD", Kind::Listing},
    {"models/{id}", "GET HEAD", Kind::Listing, Source::Path},
    {"models/{model}:generateContent", "POST", Kind::Inference, Source::Path, UsageShape::Gemini},
    {"models/{model}:streamGenerateContent", "POST", Kind::Inference, Source::Path, UsageShape::Gemini, true},
    {"models/{model}:countTokens", "POST", Kind::Inference, Source::Path, UsageShape::GeminiCountTokens},
    {"models/{model}:embedContent", "POST", Kind::Inference, Source::Path, UsageShape::Gemini},
    {"models/{model}:batchEmbedContents", "*", Kind::Admin},
    {"models/{model}:batchGenerateContent", "*", Kind::Admin},
    {"models/{model}:asyncBatchEmbedContent", "*", Kind::Admin},
    {"models/{model}:predict", "*", Kind::Admin},
    {"models/{model}:predictLongRunning", "*", Kind::Admin},
    {"models/{model}:generateAnswer", "*", Kind::Admin},
    {"models/{model}:generateText", "*", Kind::Admin},
    {"models/{model}:generateMessage", "*", Kind::Admin},
    {"models/{model}:embedText", "*", Kind::Admin},
    {"models/{model}:batchEmbedText", "*", Kind::Admin},
    {"models/{model}:countTextTokens", "*", Kind::Admin},
    {"models/{model}:countMessageTokens", "*", Kind::Admin},
    {"models/*/operations", "*", Kind::Admin},
    {"models/*/operations/**", "*", Kind::Admin},
};
constexpr const char* kGeminiAdmin[] = {"files", "cachedContents", "tunedModels", "corpora", "batches", "operations",
    "fileSearchStores", "generatedFiles", "upload"};

// Ollama (https://github.com/ollama/ollama/blob/main/docs/api.md); its /v1 API is OpenAI's table. api/show
// describes one model (named in the body), like GET models/{id}.
constexpr Route kOllamaRoutes[] = {
    {"api/chat", "POST", Kind::Inference, Source::Body, UsageShape::Ollama},
    {"api/generate", "POST", Kind::Inference, Source::Body, UsageShape::Ollama},
    {"api/embed", "POST", Kind::Inference, Source::Body, UsageShape::Ollama},
    {"api/embeddings", "POST", Kind::Inference, Source::Body, UsageShape::None}, // legacy: reports no counts
    {"api/tags", "GET HEAD", Kind::Listing},
    {"api/show", "POST", Kind::Listing, Source::Body},
    {"api/version", "GET HEAD", Kind::Listing},
};
constexpr const char* kOllamaAdmin[]
    = {"api/create", "api/delete", "api/pull", "api/push", "api/copy", "api/blobs", "api/ps"};

struct Table
{
    std::span<const Route> routes;
    Prefixes admin;
};

using Segments = QList<QByteArrayView>;

bool isVersion(QByteArrayView segment)
{
    // v1, v2, v1beta, v1alpha, v1beta1 ...
    qsizetype i = 1;
    if (segment.size() < 2 || segment[0] != 'v')
        return false;
    const auto isDigit = [&](qsizetype at) { return at < segment.size() && segment[at] >= '0' && segment[at] <= '9'; };
    const auto isLower = [&](qsizetype at) { return at < segment.size() && segment[at] >= 'a' && segment[at] <= 'z'; };
    if (!isDigit(i))
        return false;
    while (isDigit(i))
        ++i;
    while (isLower(i))
        ++i;
    while (isDigit(i))
        ++i;
    return i == segment.size();
}

bool methodMatches(QByteArrayView methods, QByteArrayView method)
{
    if (methods == "*")
        return true;
    qsizetype from = 0;
    while (from <= methods.size()) {
        qsizetype end = methods.indexOf(' ', from);
        if (end < 0)
            end = methods.size();
        if (methods.sliced(from, end - from) == method)
            return true;
        from = end + 1;
    }
    return false;
}

// Whether `segments` match `pattern` (see Route); the model part, if any, goes to `model`.
bool patternMatches(QByteArrayView pattern, const Segments& segments, QByteArray& model)
{
    qsizetype i = 0;
    qsizetype from = 0;
    while (from <= pattern.size()) {
        qsizetype end = pattern.indexOf('/', from);
        if (end < 0)
            end = pattern.size();
        const QByteArrayView token = pattern.sliced(from, end - from);
        from = end + 1;
        if (token == "**")
            return i < segments.size();
        if (i >= segments.size())
            return false;
        const QByteArrayView segment = segments[i++];
        if (token == "{model}") {
            model = segment.toByteArray();
            for (; i < segments.size(); ++i)
                model += '/' + segments[i].toByteArray();
            return true;
        }
        if (token == "{id}") {
            if (segment.contains(':'))
                return false;
            model = segment.toByteArray();
        } else if (token.startsWith("{model}:")) {
            const qsizetype colon = segment.indexOf(':');
            if (colon <= 0 || segment.sliced(colon + 1) != token.sliced(8))
                return false;
            model = segment.first(colon).toByteArray();
        } else if (token != "*" && token != segment) {
            return false;
        }
    }
    return i == segments.size();
}

bool underPrefix(QByteArrayView prefix, const Segments& segments)
{
    qsizetype i = 0;
    qsizetype from = 0;
    while (from <= prefix.size()) {
        qsizetype end = prefix.indexOf('/', from);
        if (end < 0)
            end = prefix.size();
        if (i >= segments.size() || segments[i] != prefix.sliced(from, end - from))
            return false;
        ++i;
        from = end + 1;
    }
    return true;
}

// The route of `segments` in `tables`, in order; Admin under an admin prefix; else Unknown.
ProviderEndpoint classifyIn(std::initializer_list<Table> tables, QByteArrayView method, const Segments& segments)
{
    ProviderEndpoint endpoint;
    for (const Table& table : tables) {
        for (const Route& route : table.routes) {
            QByteArray model;
            if (!patternMatches(route.pattern, segments, model) || !methodMatches(route.methods, method))
                continue;
            endpoint.kind = route.kind;
            endpoint.modelSource = route.source;
            endpoint.usage = route.usage;
            endpoint.streamingByPath = route.streaming;
            if (route.source == Source::Path) {
                endpoint.pathModel = QString::fromLatin1(model); // printable ASCII, checked before
                if (!ProviderEndpoint::modelNameError(endpoint.pathModel).isEmpty())
                    return {};
            }
            return endpoint;
        }
    }
    for (const Table& table : tables) {
        for (const char* prefix : table.admin) {
            if (underPrefix(prefix, segments)) {
                endpoint.kind = Kind::Admin;
                return endpoint;
            }
        }
    }
    return endpoint;
}

// The path's segments without its leading '/', one trailing '/' and one version; empty when the path is one
// that no provider should be asked to interpret (see the header).
Segments segmentsOf(QByteArrayView path)
{
    if (!path.startsWith('/'))
        return {};
    for (const char c : path) {
        if (c <= 0x20 || c >= 0x7F || c == '%')
            return {};
    }
    path = path.sliced(1);
    if (path.endsWith('/'))
        path.chop(1);
    Segments segments;
    qsizetype from = 0;
    while (from <= path.size()) {
        qsizetype end = path.indexOf('/', from);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(from, end - from);
        if (segment.isEmpty() || segment == "." || segment == "..")
            return {};
        segments.append(segment);
        from = end + 1;
    }
    if (segments.size() > 1 && isVersion(segments.first()))
        segments.removeFirst();
    return segments;
}

Error modelError(const QString& message)
{
    return Error::invalid(QStringLiteral("model"), message);
}

} // namespace

ProviderEndpoint ProviderEndpoint::classify(QStringView providerType, QByteArrayView method, QByteArrayView path)
{
    Segments segments = segmentsOf(path);
    if (segments.isEmpty())
        return {};
    const Table openAi {kOpenAiRoutes, kOpenAiAdmin};
    if (providerType == u"openai" || providerType == u"openai-compatible")
        return classifyIn({openAi}, method, segments);
    if (providerType == u"mistral")
        return classifyIn({{kMistralRoutes, kMistralAdmin}}, method, segments);
    if (providerType == u"anthropic")
        return classifyIn({{kAnthropicRoutes, kAnthropicAdmin}}, method, segments);
    if (providerType == u"ollama")
        return classifyIn({{kOllamaRoutes, kOllamaAdmin}, openAi}, method, segments);
    if (providerType == u"gemini") {
        if (segments.first() == "openai") {
            segments.removeFirst();
            return segments.isEmpty() ? ProviderEndpoint() : classifyIn({openAi}, method, segments);
        }
        return classifyIn({{kGeminiRoutes, kGeminiAdmin}}, method, segments);
    }
    return {};
}

QString ProviderEndpoint::modelNameError(QStringView model)
{
    if (model.isEmpty())
        return QStringLiteral("the model name is empty");
    if (model.size() > 256)
        return QStringLiteral("the model name is longer than 256 characters");
    for (const QChar c : model) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F)
            return QStringLiteral("the model name holds a control character");
        if (u == u'"' || u == u'\\')
            return QStringLiteral("the model name holds a '\"' or '\\'");
    }
    return {};
}

Result<QString> ProviderEndpoint::bodyModel(const QByteArray& body)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return modelError(QStringLiteral("the request body is not a JSON object"));
    const QList<JsonMember> members = jsonObjectMembers(body, skipJsonSpace(body, 0));
    const JsonMember* found = nullptr;
    for (const JsonMember& member : members) {
        if (member.name.compare(u"model", Qt::CaseInsensitive) != 0)
            continue;
        if (found || member.name != u"model")
            return modelError(QStringLiteral("the request body must name its model once, as \"model\""));
        found = &member;
    }
    if (!found)
        return modelError(QStringLiteral("the request body has no \"model\""));
    const QJsonValue value = document.object().value(QStringLiteral("model"));
    if (!value.isString())
        return modelError(QStringLiteral("the request body's \"model\" is not a string"));
    QString model = value.toString();
    if (const QString why = modelNameError(model); !why.isEmpty())
        return modelError(why);
    return model;
}

} // namespace gatehouse

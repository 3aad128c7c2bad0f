#include "core/ai/GeminiAdapter.h"

#include "core/ai/BufferedTranslator.h"
#include "core/ai/ConversationTurns.h"
#include "core/ai/GeminiStreamTranslator.h"
#include "core/ai/ImageUrl.h"
#include "core/ai/TokenCount.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace gatehouse {

namespace {

QString at(const QString& param, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(param).arg(index);
}

QJsonObject textPart(const QString& text)
{
    return QJsonObject {{QStringLiteral("text"), text}};
}

Result<QJsonArray> userParts(const QJsonValue& content, const QString& param)
{
    if (content.isString())
        return QJsonArray {textPart(content.toString())};
    QJsonArray parts;
    const QJsonArray input = content.toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QJsonObject part = input.at(i).toObject();
        if (part.value(QStringLiteral("type")).toString() == QLatin1String("text")) {
            parts.append(textPart(part.value(QStringLiteral("text")).toString()));
            continue;
        }
        const QJsonValue imageUrl = part.value(QStringLiteral("image_url"));
        const QString url
            = imageUrl.isString() ? imageUrl.toString() : imageUrl.toObject().value(QStringLiteral("url")).toString();
        QString error;
        const ImageUrl image = ImageUrl::parse(url, &error);
        if (!error.isEmpty())
            return Error::invalid(at(param, i) + QStringLiteral(".image_url.url"), error);
        if (image.isInline) {
            parts.append(QJsonObject {{QStringLiteral("inlineData"),
                QJsonObject {{QStringLiteral("mimeType"), image.mediaType}, {QStringLiteral("data"), image.data}}}});
        } else {
            // fileData needs a mimeType; an extension-less link is most likely a JPEG photo.
            parts.append(QJsonObject {{QStringLiteral("fileData"),
                QJsonObject {{QStringLiteral("mimeType"),
                                 image.mediaType.isEmpty() ? QStringLiteral("image/jpeg") : image.mediaType},
                    {QStringLiteral("fileUri"), image.url}}}});
        }
    }
    return parts;
}

void appendContent(QJsonArray& contents, const QString& role, const QJsonArray& parts)
{
    conversationTurns::appendMerged(contents, role, QStringLiteral("parts"), parts);
}

// Gemini's function declarations take an OpenAPI subset of JSON Schema and refuse keywords outside it that OpenAI
// tool schemas commonly carry (zod and pydantic emit them).
QJsonValue cleanSchema(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, cleanSchema(array.at(i)));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(QStringLiteral("$schema"));
    object.remove(QStringLiteral("additionalProperties"));
    object.remove(QStringLiteral("strict"));
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = cleanSchema(it.value());
    return object;
}

} // namespace

Result<QJsonObject> GeminiAdapter::toGenerateContentRequest(const ChatRequest& request)
{
    const QJsonObject& json = request.json();
    if (json.value(QStringLiteral("n")).toInt(1) != 1)
        return Error::invalid(
            QStringLiteral("n"), QStringLiteral("the gateway asks Gemini for one candidate; n must be 1"));

    QStringList system;
    QJsonArray contents;
    QHash<QString, QString> toolNames; // tool call id -> function name, for functionResponse
    const QJsonArray input = request.messages();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QString param = at(QStringLiteral("messages"), i);
        const QJsonObject message = input.at(i).toObject();
        const QString role = message.value(QStringLiteral("role")).toString();
        const QJsonValue content = message.value(QStringLiteral("content"));
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            system.append(ChatRequest::contentText(content));
        } else if (role == QLatin1String("user")) {
            Result<QJsonArray> parts = userParts(content, param + QStringLiteral(".content"));
            if (!parts)
                return parts.error();
            appendContent(contents, QStringLiteral("user"), *parts);
        } else if (role == QLatin1String("assistant")) {
            QJsonArray parts;
            const QString text = ChatRequest::contentText(content, QString());
            if (!text.isEmpty())
                parts.append(textPart(text));
            const QJsonArray calls = message.value(QStringLiteral("tool_calls")).toArray();
            for (qsizetype c = 0; c < calls.size(); ++c) {
                const QJsonObject call = calls.at(c).toObject();
                const QJsonObject function = call.value(QStringLiteral("function")).toObject();
                const QString name = function.value(QStringLiteral("name")).toString();
                const QString arguments = function.value(QStringLiteral("arguments")).toString();
                QJsonObject args;
                if (!arguments.trimmed().isEmpty()) {
                    const QJsonDocument parsed = QJsonDocument::fromJson(arguments.toUtf8());
                    if (!parsed.isObject())
                        return Error::invalid(
                            at(param + QStringLiteral(".tool_calls"), c) + QStringLiteral(".function.arguments"),
                            QStringLiteral("must be a JSON object encoded as a string"));
                    args = parsed.object();
                }
                toolNames.insert(call.value(QStringLiteral("id")).toString(), name);
                parts.append(QJsonObject {{QStringLiteral("functionCall"),
                    QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("args"), args}}}});
            }
            if (!parts.isEmpty())
                appendContent(contents, QStringLiteral("model"), parts);
        } else { // tool
            const QString id = message.value(QStringLiteral("tool_call_id")).toString();
            const auto name = toolNames.constFind(id);
            if (name == toolNames.constEnd())
                return Error::invalid(param + QStringLiteral(".tool_call_id"),
                    QStringLiteral(
                        "names no tool call of an earlier assistant message; Gemini needs the function's name"));
            // functionResponse.response must be an object: a JSON object result goes as it is, anything else
            // under "content".
            const QString text = ChatRequest::contentText(content);
            const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8());
            const QJsonObject response
                = parsed.isObject() ? parsed.object() : QJsonObject {{QStringLiteral("content"), text}};
            appendContent(contents, QStringLiteral("user"),
                QJsonArray {QJsonObject {{QStringLiteral("functionResponse"),
                    QJsonObject {{QStringLiteral("name"), *name}, {QStringLiteral("response"), response}}}}});
        }
    }
    if (contents.isEmpty())
        return Error::invalid(
            QStringLiteral("messages"), QStringLiteral("must contain a user message besides the system prompt"));

    QJsonObject out;
    out.insert(QStringLiteral("contents"), contents);
    if (!system.isEmpty())
        out.insert(QStringLiteral("systemInstruction"),
            QJsonObject {{QStringLiteral("parts"), QJsonArray {textPart(system.join(QStringLiteral("\n\n")))}}});

    QJsonObject config;
    if (request.maxTokens())
        config.insert(QStringLiteral("maxOutputTokens"), *request.maxTokens());
    if (json.value(QStringLiteral("temperature")).isDouble())
        config.insert(QStringLiteral("temperature"), json.value(QStringLiteral("temperature")));
    if (json.value(QStringLiteral("top_p")).isDouble())
        config.insert(QStringLiteral("topP"), json.value(QStringLiteral("top_p")));
    const QStringList stops = request.stopSequences();
    if (!stops.isEmpty())
        config.insert(QStringLiteral("stopSequences"), QJsonArray::fromStringList(stops));
    const QString format
        = json.value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")).toString();
    if (format == QLatin1String("json_object") || format == QLatin1String("json_schema"))
        config.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
    if (!config.isEmpty())
        out.insert(QStringLiteral("generationConfig"), config);

    const QJsonArray tools = json.value(QStringLiteral("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray declarations;
        for (const QJsonValue& tool : tools) {
            const QJsonObject function = tool.toObject().value(QStringLiteral("function")).toObject();
            QJsonObject declaration {{QStringLiteral("name"), function.value(QStringLiteral("name"))}};
            if (function.contains(QStringLiteral("description")))
                declaration.insert(QStringLiteral("description"), function.value(QStringLiteral("description")));
            if (function.value(QStringLiteral("parameters")).isObject())
                declaration.insert(
                    QStringLiteral("parameters"), cleanSchema(function.value(QStringLiteral("parameters"))));
            declarations.append(declaration);
        }
        out.insert(
            QStringLiteral("tools"), QJsonArray {QJsonObject {{QStringLiteral("functionDeclarations"), declarations}}});
    }
    const QJsonValue choice = json.value(QStringLiteral("tool_choice"));
    QJsonObject calling;
    if (choice.isString()) {
        const QString mode = choice.toString();
        calling.insert(QStringLiteral("mode"),
            mode == QLatin1String("none")           ? QStringLiteral("NONE")
                : mode == QLatin1String("required") ? QStringLiteral("ANY")
                                                    : QStringLiteral("AUTO"));
    } else if (choice.isObject()) {
        calling.insert(QStringLiteral("mode"), QStringLiteral("ANY"));
        calling.insert(QStringLiteral("allowedFunctionNames"),
            QJsonArray {choice.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name"))});
    }
    if (!calling.isEmpty())
        out.insert(QStringLiteral("toolConfig"), QJsonObject {{QStringLiteral("functionCallingConfig"), calling}});
    return out;
}

QByteArray GeminiAdapter::path(const QString& model, bool stream)
{
    QString name = model;
    if (name.startsWith(QLatin1String("models/")))
        name = name.mid(7);
    return QByteArrayLiteral("/v1beta/models/") + QUrl::toPercentEncoding(name, "-._~")
        + (stream ? QByteArrayLiteral(":streamGenerateContent?alt=sse") : QByteArrayLiteral(":generateContent"));
}

Result<UpstreamRequest> GeminiAdapter::buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const
{
    Result<QJsonObject> body = toGenerateContentRequest(request);
    if (!body)
        return body.error();
    UpstreamRequest upstream;
    upstream.path = target.basePath + path(target.model, request.stream());
    upstream.headers = {
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("x-goog-api-key"), target.apiKey},
    };
    if (request.stream())
        upstream.headers.append({QByteArrayLiteral("accept"), QByteArrayLiteral("text/event-stream")});
    upstream.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    return upstream;
}

std::unique_ptr<ResponseTranslator> GeminiAdapter::translator(
    const ChatRequest& request, const AiTarget& target, int upstreamStatus) const
{
    const QString provider = target.providerName.isEmpty() ? QStringLiteral("gemini") : target.providerName;
    if (request.stream() && upstreamStatus >= 200 && upstreamStatus < 300)
        return std::make_unique<GeminiStreamTranslator>(provider, target.model, request.includeUsage());
    const QString model = target.model;
    return std::make_unique<BufferedTranslator>(upstreamStatus, provider,
        [model](const QByteArray& body, AiUsage& usage) { return toChatCompletion(body, model, usage); });
}

QString GeminiAdapter::finishReason(const QString& geminiReason, bool hasToolCalls)
{
    if (geminiReason == QLatin1String("MAX_TOKENS"))
        return QStringLiteral("length");
    if (geminiReason == QLatin1String("SAFETY") || geminiReason == QLatin1String("RECITATION")
        || geminiReason == QLatin1String("BLOCKLIST") || geminiReason == QLatin1String("PROHIBITED_CONTENT")
        || geminiReason == QLatin1String("SPII") || geminiReason == QLatin1String("IMAGE_SAFETY"))
        return QStringLiteral("content_filter");
    // Gemini says STOP after a function call too; OpenAI clients look for tool_calls.
    return hasToolCalls ? QStringLiteral("tool_calls") : QStringLiteral("stop");
}

void GeminiAdapter::readUsage(const QJsonObject& usageMetadata, AiUsage& usage)
{
    if (usageMetadata.isEmpty())
        return;
    usage.promptTokens = tokenCount(usageMetadata, QLatin1String("promptTokenCount"));
    // Thinking tokens are billed as output, and OpenAI counts reasoning tokens in completion_tokens as well.
    usage.completionTokens = tokenCount(usageMetadata, QLatin1String("candidatesTokenCount"))
        + tokenCount(usageMetadata, QLatin1String("thoughtsTokenCount"));
    usage.reported = true;
}

Result<QByteArray> GeminiAdapter::toChatCompletion(const QByteArray& body, const QString& model, AiUsage& usage)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return Error::runtime(QStringLiteral("not a GenerateContentResponse"));
    const QJsonObject response = document.object();
    const QJsonObject candidate = response.value(QStringLiteral("candidates")).toArray().at(0).toObject();
    QString text;
    QJsonArray toolCalls;
    const QJsonArray parts
        = candidate.value(QStringLiteral("content")).toObject().value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& value : parts) {
        const QJsonObject part = value.toObject();
        if (part.value(QStringLiteral("thought")).toBool())
            continue;
        if (part.contains(QStringLiteral("text"))) {
            text += part.value(QStringLiteral("text")).toString();
        } else if (part.contains(QStringLiteral("functionCall"))) {
            const QJsonObject call = part.value(QStringLiteral("functionCall")).toObject();
            // Gemini gives calls no id (or one the client cannot send back through Chat Completions): number them.
            toolCalls.append(QJsonObject {
                {QStringLiteral("id"), QStringLiteral("call_%1").arg(toolCalls.size())},
                {QStringLiteral("type"), QStringLiteral("function")},
                {QStringLiteral("function"),
                    QJsonObject {
                        {QStringLiteral("name"), call.value(QStringLiteral("name"))},
                        {QStringLiteral("arguments"),
                            QString::fromUtf8(QJsonDocument(call.value(QStringLiteral("args")).toObject())
                                                  .toJson(QJsonDocument::Compact))},
                    }},
            });
        }
    }
    QString reason;
    if (candidate.isEmpty()
        && response.value(QStringLiteral("promptFeedback")).toObject().contains(QStringLiteral("blockReason")))
        reason = QStringLiteral("content_filter"); // the prompt itself was blocked
    else
        reason = finishReason(candidate.value(QStringLiteral("finishReason")).toString(), !toolCalls.isEmpty());

    QJsonObject message {{QStringLiteral("role"), QStringLiteral("assistant")}};
    message.insert(QStringLiteral("content"),
        text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);
    message.insert(QStringLiteral("refusal"), QJsonValue::Null);

    readUsage(response.value(QStringLiteral("usageMetadata")).toObject(), usage);
    QString id = response.value(QStringLiteral("responseId")).toString();
    if (id.isEmpty())
        id = QStringLiteral("chatcmpl-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString version = response.value(QStringLiteral("modelVersion")).toString();

    QJsonObject out;
    out.insert(QStringLiteral("id"), id);
    out.insert(QStringLiteral("object"), QStringLiteral("chat.completion"));
    out.insert(QStringLiteral("created"), QDateTime::currentSecsSinceEpoch());
    out.insert(QStringLiteral("model"), version.isEmpty() ? model : version);
    out.insert(QStringLiteral("choices"),
        QJsonArray {QJsonObject {
            {QStringLiteral("index"), 0},
            {QStringLiteral("message"), message},
            {QStringLiteral("logprobs"), QJsonValue::Null},
            {QStringLiteral("finish_reason"), reason},
        }});
    out.insert(QStringLiteral("usage"),
        QJsonObject {
            {QStringLiteral("prompt_tokens"), usage.promptTokens},
            {QStringLiteral("completion_tokens"), usage.completionTokens},
            {QStringLiteral("total_tokens"), usage.totalTokens()},
        });
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace gatehouse

#include "core/ai/AnthropicAdapter.h"

#include "core/ai/AnthropicStreamTranslator.h"
#include "core/ai/BufferedTranslator.h"
#include "core/ai/ConversationTurns.h"
#include "core/ai/ImageUrl.h"
#include "core/ai/TokenCount.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse {

namespace {

QString at(const QString& param, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(param).arg(index);
}

// Content parts of a user message as Anthropic content blocks.
Result<QJsonArray> userBlocks(const QJsonValue& content, const QString& param)
{
    if (content.isString())
        return QJsonArray {QJsonObject {
            {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), content.toString()}}};
    QJsonArray blocks;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("text")) {
            blocks.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), part.value(QStringLiteral("text"))}});
            continue;
        }
        // image_url, validated by ChatRequest.
        const QJsonValue imageUrl = part.value(QStringLiteral("image_url"));
        const QString url
            = imageUrl.isString() ? imageUrl.toString() : imageUrl.toObject().value(QStringLiteral("url")).toString();
        QString error;
        const ImageUrl image = ImageUrl::parse(url, &error);
        if (!error.isEmpty())
            return Error::invalid(at(param, i) + QStringLiteral(".image_url.url"), error);
        QJsonObject source;
        if (image.isInline) {
            source = {{QStringLiteral("type"), QStringLiteral("base64")},
                {QStringLiteral("media_type"), image.mediaType}, {QStringLiteral("data"), image.data}};
        } else {
            source = {{QStringLiteral("type"), QStringLiteral("url")}, {QStringLiteral("url"), image.url}};
        }
        blocks.append(
            QJsonObject {{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("source"), source}});
    }
    return blocks;
}

Result<QJsonArray> assistantBlocks(const QJsonObject& message, const QString& param)
{
    QJsonArray blocks;
    const QString text = ChatRequest::contentText(message.value(QStringLiteral("content")), QString());
    if (!text.isEmpty())
        blocks.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}});
    const QJsonArray calls = message.value(QStringLiteral("tool_calls")).toArray();
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const QJsonObject function = call.value(QStringLiteral("function")).toObject();
        const QString arguments = function.value(QStringLiteral("arguments")).toString();
        QJsonObject input;
        if (!arguments.trimmed().isEmpty()) {
            const QJsonDocument parsed = QJsonDocument::fromJson(arguments.toUtf8());
            if (!parsed.isObject())
                return Error::invalid(
                    at(param + QStringLiteral(".tool_calls"), i) + QStringLiteral(".function.arguments"),
                    QStringLiteral("must be a JSON object encoded as a string"));
            input = parsed.object();
        }
        blocks.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("tool_use")},
            {QStringLiteral("id"), call.value(QStringLiteral("id"))},
            {QStringLiteral("name"), function.value(QStringLiteral("name"))},
            {QStringLiteral("input"), input},
        });
    }
    return blocks;
}

// Anthropic wants user and assistant to alternate, and tool results (several tool messages in a row, then perhaps
// the user's next words) all belong to one user turn: turns of the same role are merged.
void appendTurn(QJsonArray& messages, const QString& role, const QJsonArray& blocks)
{
    conversationTurns::appendMerged(messages, role, QStringLiteral("content"), blocks);
}

QJsonValue toolChoice(const QJsonObject& json)
{
    const QJsonValue choice = json.value(QStringLiteral("tool_choice"));
    QJsonObject result;
    if (choice.isString()) {
        const QString mode = choice.toString();
        if (mode == QLatin1String("none"))
            result.insert(QStringLiteral("type"), QStringLiteral("none"));
        else if (mode == QLatin1String("required"))
            result.insert(QStringLiteral("type"), QStringLiteral("any"));
        else
            result.insert(QStringLiteral("type"), QStringLiteral("auto"));
    } else if (choice.isObject()) {
        result.insert(QStringLiteral("type"), QStringLiteral("tool"));
        result.insert(QStringLiteral("name"),
            choice.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")));
    }
    if (json.value(QStringLiteral("parallel_tool_calls")) == QJsonValue(false)) {
        if (result.isEmpty())
            result.insert(QStringLiteral("type"), QStringLiteral("auto"));
        if (result.value(QStringLiteral("type")).toString() != QLatin1String("none"))
            result.insert(QStringLiteral("disable_parallel_tool_use"), true);
    }
    return result.isEmpty() ? QJsonValue() : QJsonValue(result);
}

} // namespace

Result<QJsonObject> AnthropicAdapter::toMessagesRequest(const ChatRequest& request, const QString& model)
{
    const QJsonObject& json = request.json();
    if (json.value(QStringLiteral("n")).toInt(1) != 1)
        return Error::invalid(QStringLiteral("n"), QStringLiteral("Anthropic models return one choice; n must be 1"));

    QStringList system;
    QJsonArray messages;
    const QJsonArray input = request.messages();
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QString param = at(QStringLiteral("messages"), i);
        const QJsonObject message = input.at(i).toObject();
        const QString role = message.value(QStringLiteral("role")).toString();
        const QJsonValue content = message.value(QStringLiteral("content"));
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            system.append(ChatRequest::contentText(content));
        } else if (role == QLatin1String("user")) {
            Result<QJsonArray> blocks = userBlocks(content, param + QStringLiteral(".content"));
            if (!blocks)
                return blocks.error();
            appendTurn(messages, QStringLiteral("user"), *blocks);
        } else if (role == QLatin1String("assistant")) {
            Result<QJsonArray> blocks = assistantBlocks(message, param);
            if (!blocks)
                return blocks.error();
            if (!blocks->isEmpty())
                appendTurn(messages, QStringLiteral("assistant"), *blocks);
        } else { // tool
            const QJsonObject result {
                {QStringLiteral("type"), QStringLiteral("tool_result")},
                {QStringLiteral("tool_use_id"), message.value(QStringLiteral("tool_call_id"))},
                {QStringLiteral("content"), ChatRequest::contentText(content)},
            };
            appendTurn(messages, QStringLiteral("user"), QJsonArray {result});
        }
    }
    if (messages.isEmpty())
        return Error::invalid(
            QStringLiteral("messages"), QStringLiteral("must contain a user message besides the system prompt"));

    QJsonObject out;
    out.insert(QStringLiteral("model"), model);
    out.insert(QStringLiteral("max_tokens"), request.maxTokens().value_or(DefaultMaxTokens));
    if (!system.isEmpty())
        out.insert(QStringLiteral("system"), system.join(QStringLiteral("\n\n")));
    out.insert(QStringLiteral("messages"), messages);
    // OpenAI's temperature runs to 2, Anthropic's to 1: clamp rather than have the provider refuse the request.
    if (json.value(QStringLiteral("temperature")).isDouble())
        out.insert(
            QStringLiteral("temperature"), qBound(0.0, json.value(QStringLiteral("temperature")).toDouble(), 1.0));
    if (json.value(QStringLiteral("top_p")).isDouble())
        out.insert(QStringLiteral("top_p"), json.value(QStringLiteral("top_p")));
    const QStringList stops = request.stopSequences();
    if (!stops.isEmpty())
        out.insert(QStringLiteral("stop_sequences"), QJsonArray::fromStringList(stops));
    const QJsonArray tools = json.value(QStringLiteral("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray converted;
        for (const QJsonValue& tool : tools) {
            const QJsonObject function = tool.toObject().value(QStringLiteral("function")).toObject();
            QJsonObject entry {{QStringLiteral("name"), function.value(QStringLiteral("name"))}};
            if (function.contains(QStringLiteral("description")))
                entry.insert(QStringLiteral("description"), function.value(QStringLiteral("description")));
            // input_schema is required; a function without parameters takes an empty object.
            entry.insert(QStringLiteral("input_schema"),
                function.value(QStringLiteral("parameters")).isObject()
                    ? function.value(QStringLiteral("parameters"))
                    : QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
                        {QStringLiteral("properties"), QJsonObject()}});
            converted.append(entry);
        }
        out.insert(QStringLiteral("tools"), converted);
    }
    const QJsonValue choice = toolChoice(json);
    if (!choice.isUndefined())
        out.insert(QStringLiteral("tool_choice"), choice);
    if (json.value(QStringLiteral("user")).isString())
        out.insert(
            QStringLiteral("metadata"), QJsonObject {{QStringLiteral("user_id"), json.value(QStringLiteral("user"))}});
    if (request.stream())
        out.insert(QStringLiteral("stream"), true);
    return out;
}

Result<UpstreamRequest> AnthropicAdapter::buildUpstreamRequest(const ChatRequest& request, const AiTarget& target) const
{
    Result<QJsonObject> body = toMessagesRequest(request, target.model);
    if (!body)
        return body.error();
    UpstreamRequest upstream;
    upstream.path = target.basePath + QByteArrayLiteral("/v1/messages");
    upstream.headers = {
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")},
        {QByteArrayLiteral("x-api-key"), target.apiKey},
    };
    if (request.stream())
        upstream.headers.append({QByteArrayLiteral("accept"), QByteArrayLiteral("text/event-stream")});
    upstream.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    return upstream;
}

std::unique_ptr<ResponseTranslator> AnthropicAdapter::translator(
    const ChatRequest& request, const AiTarget& target, int upstreamStatus) const
{
    const QString provider = target.providerName.isEmpty() ? QStringLiteral("anthropic") : target.providerName;
    if (request.stream() && upstreamStatus >= 200 && upstreamStatus < 300)
        return std::make_unique<AnthropicStreamTranslator>(provider, target.model, request.includeUsage());
    return std::make_unique<BufferedTranslator>(upstreamStatus, provider, &AnthropicAdapter::toChatCompletion);
}

QString AnthropicAdapter::finishReason(const QString& stopReason)
{
    if (stopReason == QLatin1String("max_tokens") || stopReason == QLatin1String("model_context_window_exceeded"))
        return QStringLiteral("length");
    if (stopReason == QLatin1String("tool_use"))
        return QStringLiteral("tool_calls");
    if (stopReason == QLatin1String("refusal"))
        return QStringLiteral("content_filter");
    return QStringLiteral("stop"); // end_turn, stop_sequence, pause_turn
}

qint64 AnthropicAdapter::promptTokens(const QJsonObject& usage)
{
    return tokenCount(usage, QLatin1String("input_tokens"))
        + tokenCount(usage, QLatin1String("cache_creation_input_tokens"))
        + tokenCount(usage, QLatin1String("cache_read_input_tokens"));
}

Result<QByteArray> AnthropicAdapter::toChatCompletion(const QByteArray& messagesResponse, AiUsage& usage)
{
    const QJsonDocument document = QJsonDocument::fromJson(messagesResponse);
    const QJsonObject response = document.object();
    if (!document.isObject() || response.value(QStringLiteral("type")).toString() != QLatin1String("message"))
        return Error::runtime(QStringLiteral("not a Messages API message"));

    QString text;
    QJsonArray toolCalls;
    const QJsonArray blocks = response.value(QStringLiteral("content")).toArray();
    for (const QJsonValue& value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("text")) {
            text += block.value(QStringLiteral("text")).toString();
        } else if (type == QLatin1String("tool_use")) {
            toolCalls.append(QJsonObject {
                {QStringLiteral("id"), block.value(QStringLiteral("id"))},
                {QStringLiteral("type"), QStringLiteral("function")},
                {QStringLiteral("function"),
                    QJsonObject {
                        {QStringLiteral("name"), block.value(QStringLiteral("name"))},
                        {QStringLiteral("arguments"),
                            QString::fromUtf8(QJsonDocument(block.value(QStringLiteral("input")).toObject())
                                                  .toJson(QJsonDocument::Compact))},
                    }},
            });
        }
        // thinking and server tool blocks have no Chat Completions counterpart.
    }
    QJsonObject message {{QStringLiteral("role"), QStringLiteral("assistant")}};
    message.insert(QStringLiteral("content"),
        text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);
    message.insert(QStringLiteral("refusal"), QJsonValue::Null);

    const QJsonObject upstreamUsage = response.value(QStringLiteral("usage")).toObject();
    usage.promptTokens = promptTokens(upstreamUsage);
    usage.completionTokens = tokenCount(upstreamUsage, QLatin1String("output_tokens"));
    usage.reported = !upstreamUsage.isEmpty();

    QJsonObject out;
    out.insert(QStringLiteral("id"), response.value(QStringLiteral("id")));
    out.insert(QStringLiteral("object"), QStringLiteral("chat.completion"));
    out.insert(QStringLiteral("created"), QDateTime::currentSecsSinceEpoch());
    out.insert(QStringLiteral("model"), response.value(QStringLiteral("model")));
    out.insert(QStringLiteral("choices"),
        QJsonArray {QJsonObject {
            {QStringLiteral("index"), 0},
            {QStringLiteral("message"), message},
            {QStringLiteral("logprobs"), QJsonValue::Null},
            {QStringLiteral("finish_reason"), finishReason(response.value(QStringLiteral("stop_reason")).toString())},
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

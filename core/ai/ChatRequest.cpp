#include "core/ai/ChatRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace gatehouse {

namespace {

QString at(const QString& param, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(param).arg(index);
}

bool isInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number;
}

Result<void> checkContentParts(const QJsonValue& content, const QString& param, bool allowImages)
{
    if (content.isString() || content.isNull() || content.isUndefined())
        return {};
    if (!content.isArray())
        return Error::invalid(param, QStringLiteral("must be a string or an array of content parts"));
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString partParam = at(param, i);
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("text") || type == QLatin1String("refusal")) {
            const QString key = type == QLatin1String("text") ? QStringLiteral("text") : QStringLiteral("refusal");
            if (!part.value(key).isString())
                return Error::invalid(partParam + u'.' + key, QStringLiteral("must be a string"));
        } else if (type == QLatin1String("image_url") && allowImages) {
            const QJsonValue imageUrl = part.value(QStringLiteral("image_url"));
            const QString url = imageUrl.isString() ? imageUrl.toString()
                                                    : imageUrl.toObject().value(QStringLiteral("url")).toString();
            if (url.isEmpty())
                return Error::invalid(partParam + QStringLiteral(".image_url.url"), QStringLiteral("is required"));
        } else if (type.isEmpty()) {
            return Error::invalid(partParam + QStringLiteral(".type"), QStringLiteral("is required"));
        } else {
            return Error::invalid(partParam + QStringLiteral(".type"),
                QStringLiteral("content part type '%1' is not supported here").arg(type));
        }
    }
    return {};
}

Result<void> checkMessage(const QJsonValue& value, qsizetype index)
{
    const QString param = at(QStringLiteral("messages"), index);
    if (!value.isObject())
        return Error::invalid(param, QStringLiteral("must be an object"));
    const QJsonObject message = value.toObject();
    const QJsonValue roleValue = message.value(QStringLiteral("role"));
    if (!roleValue.isString())
        return Error::invalid(param + QStringLiteral(".role"), QStringLiteral("is required"));
    const QString role = roleValue.toString();
    const QJsonValue content = message.value(QStringLiteral("content"));
    if (role == QLatin1String("system") || role == QLatin1String("developer")) {
        if (!content.isString() && !content.isArray())
            return Error::invalid(param + QStringLiteral(".content"), QStringLiteral("is required"));
        return checkContentParts(content, param + QStringLiteral(".content"), false);
    }
    if (role == QLatin1String("user")) {
        if (!content.isString() && !content.isArray())
            return Error::invalid(param + QStringLiteral(".content"), QStringLiteral("is required"));
        return checkContentParts(content, param + QStringLiteral(".content"), true);
    }
    if (role == QLatin1String("assistant")) {
        const QJsonValue toolCalls = message.value(QStringLiteral("tool_calls"));
        if (!toolCalls.isUndefined() && !toolCalls.isNull()) {
            if (!toolCalls.isArray())
                return Error::invalid(param + QStringLiteral(".tool_calls"), QStringLiteral("must be an array"));
            const QJsonArray calls = toolCalls.toArray();
            for (qsizetype i = 0; i < calls.size(); ++i) {
                const QString callParam = at(param + QStringLiteral(".tool_calls"), i);
                const QJsonObject call = calls.at(i).toObject();
                if (!call.value(QStringLiteral("id")).isString())
                    return Error::invalid(callParam + QStringLiteral(".id"), QStringLiteral("is required"));
                const QJsonObject function = call.value(QStringLiteral("function")).toObject();
                if (function.value(QStringLiteral("name")).toString().isEmpty())
                    return Error::invalid(callParam + QStringLiteral(".function.name"), QStringLiteral("is required"));
                const QJsonValue arguments = function.value(QStringLiteral("arguments"));
                if (!arguments.isString() && !arguments.isUndefined())
                    return Error::invalid(
                        callParam + QStringLiteral(".function.arguments"), QStringLiteral("must be a JSON string"));
            }
        } else if (!content.isString() && !content.isArray()) {
            return Error::invalid(
                param + QStringLiteral(".content"), QStringLiteral("is required unless tool_calls is given"));
        }
        return checkContentParts(content, param + QStringLiteral(".content"), false);
    }
    if (role == QLatin1String("tool")) {
        if (!message.value(QStringLiteral("tool_call_id")).isString())
            return Error::invalid(param + QStringLiteral(".tool_call_id"), QStringLiteral("is required"));
        if (!content.isString() && !content.isArray())
            return Error::invalid(param + QStringLiteral(".content"), QStringLiteral("is required"));
        return checkContentParts(content, param + QStringLiteral(".content"), false);
    }
    if (role == QLatin1String("function"))
        return Error::invalid(param + QStringLiteral(".role"),
            QStringLiteral("the deprecated 'function' role is not supported; use tool_calls and 'tool' messages"));
    return Error::invalid(param + QStringLiteral(".role"), QStringLiteral("unknown role '%1'").arg(role));
}

Result<void> checkTools(const QJsonObject& json)
{
    const QJsonValue toolsValue = json.value(QStringLiteral("tools"));
    if (!toolsValue.isUndefined() && !toolsValue.isNull() && !toolsValue.isArray())
        return Error::invalid(QStringLiteral("tools"), QStringLiteral("must be an array"));
    const QJsonArray tools = toolsValue.toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QString param = at(QStringLiteral("tools"), i);
        const QJsonObject tool = tools.at(i).toObject();
        if (tool.value(QStringLiteral("type")).toString() != QLatin1String("function"))
            return Error::invalid(
                param + QStringLiteral(".type"), QStringLiteral("only 'function' tools are supported"));
        const QJsonObject function = tool.value(QStringLiteral("function")).toObject();
        if (function.value(QStringLiteral("name")).toString().isEmpty())
            return Error::invalid(param + QStringLiteral(".function.name"), QStringLiteral("is required"));
        const QJsonValue parameters = function.value(QStringLiteral("parameters"));
        if (!parameters.isUndefined() && !parameters.isObject())
            return Error::invalid(param + QStringLiteral(".function.parameters"), QStringLiteral("must be an object"));
    }
    const QJsonValue choice = json.value(QStringLiteral("tool_choice"));
    if (choice.isString()) {
        const QString mode = choice.toString();
        if (mode != QLatin1String("none") && mode != QLatin1String("auto") && mode != QLatin1String("required"))
            return Error::invalid(
                QStringLiteral("tool_choice"), QStringLiteral("must be none, auto, required or a function"));
    } else if (choice.isObject()) {
        if (choice.toObject()
                .value(QStringLiteral("function"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .isEmpty())
            return Error::invalid(QStringLiteral("tool_choice.function.name"), QStringLiteral("is required"));
    } else if (!choice.isUndefined() && !choice.isNull()) {
        return Error::invalid(QStringLiteral("tool_choice"), QStringLiteral("must be a string or an object"));
    }
    return {};
}

} // namespace

Result<ChatRequest> ChatRequest::parse(QByteArrayView body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(QString(),
            QStringLiteral("the request body is not valid JSON (%1 at offset %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return Error::invalid(QString(), QStringLiteral("the request body must be a JSON object"));

    ChatRequest request;
    request.m_json = document.object();
    const QJsonObject& json = request.m_json;

    const QJsonValue model = json.value(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty())
        return Error::invalid(QStringLiteral("model"), QStringLiteral("is required"));
    request.m_model = model.toString();

    const QJsonValue messages = json.value(QStringLiteral("messages"));
    if (!messages.isArray())
        return Error::invalid(QStringLiteral("messages"), QStringLiteral("is required and must be an array"));
    const QJsonArray list = messages.toArray();
    if (list.isEmpty())
        return Error::invalid(QStringLiteral("messages"), QStringLiteral("must contain at least one message"));
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (Result<void> checked = checkMessage(list.at(i), i); !checked)
            return checked.error();
    }

    const QJsonValue stream = json.value(QStringLiteral("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return Error::invalid(QStringLiteral("stream"), QStringLiteral("must be a boolean"));
    request.m_stream = stream.toBool();
    const QJsonValue streamOptions = json.value(QStringLiteral("stream_options"));
    if (!streamOptions.isUndefined() && !streamOptions.isNull()) {
        if (!streamOptions.isObject())
            return Error::invalid(QStringLiteral("stream_options"), QStringLiteral("must be an object"));
        request.m_includeUsage = streamOptions.toObject().value(QStringLiteral("include_usage")).toBool();
    }

    for (const QString& key : {QStringLiteral("max_completion_tokens"), QStringLiteral("max_tokens")}) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!isInteger(value) || value.toDouble() < 1)
            return Error::invalid(key, QStringLiteral("must be a positive integer"));
        // A double beyond qint64 would make the conversion below undefined (found by fuzz_chat_request); no model
        // takes a trillion tokens either.
        if (value.toDouble() > 1e12)
            return Error::invalid(key, QStringLiteral("must be at most 1000000000000"));
        if (!request.m_maxTokens)
            request.m_maxTokens = qint64(value.toDouble());
    }
    for (const QString& key : {QStringLiteral("temperature"), QStringLiteral("top_p")}) {
        const QJsonValue value = json.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isDouble())
            return Error::invalid(key, QStringLiteral("must be a number"));
    }
    const QJsonValue n = json.value(QStringLiteral("n"));
    if (!n.isUndefined() && !n.isNull() && (!isInteger(n) || n.toDouble() < 1))
        return Error::invalid(QStringLiteral("n"), QStringLiteral("must be a positive integer"));

    const QJsonValue stop = json.value(QStringLiteral("stop"));
    if (stop.isArray()) {
        const QJsonArray stops = stop.toArray();
        for (const QJsonValue& entry : stops) {
            if (!entry.isString())
                return Error::invalid(
                    QStringLiteral("stop"), QStringLiteral("must be a string or an array of strings"));
        }
    } else if (!stop.isUndefined() && !stop.isNull() && !stop.isString()) {
        return Error::invalid(QStringLiteral("stop"), QStringLiteral("must be a string or an array of strings"));
    }

    if (Result<void> tools = checkTools(json); !tools)
        return tools.error();
    return request;
}

QStringList ChatRequest::stopSequences() const
{
    const QJsonValue stop = m_json.value(QStringLiteral("stop"));
    if (stop.isString())
        return {stop.toString()};
    QStringList result;
    const QJsonArray stops = stop.toArray();
    for (const QJsonValue& entry : stops)
        result.append(entry.toString());
    return result;
}

QString ChatRequest::contentText(const QJsonValue& content, const QString& separator)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue& part : parts) {
        const QJsonObject object = part.toObject();
        if (object.value(QStringLiteral("type")).toString() == QLatin1String("text"))
            texts.append(object.value(QStringLiteral("text")).toString());
    }
    return texts.join(separator);
}

} // namespace gatehouse

#include "tests/support/upstreams/ProviderFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::test::ProviderFixtures {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString argumentsText()
{
    return QString::fromUtf8(compact(toolArguments()));
}

QByteArray anthropicEvent(const char* type, const QJsonObject& data)
{
    return QByteArrayLiteral("event: ") + type + QByteArrayLiteral("\ndata: ") + compact(data)
        + QByteArrayLiteral("\n\n");
}

QByteArray geminiEvent(const QJsonObject& data)
{
    return QByteArrayLiteral("data: ") + compact(data) + QByteArrayLiteral("\r\n\r\n");
}

QByteArray openAiEvent(const QJsonObject& data)
{
    return QByteArrayLiteral("data: ") + compact(data) + QByteArrayLiteral("\n\n");
}

QJsonObject anthropicUsage(qint64 output)
{
    return {{QStringLiteral("input_tokens"), promptTokens()}, {QStringLiteral("output_tokens"), output}};
}

QJsonObject geminiUsage()
{
    return {{QStringLiteral("promptTokenCount"), promptTokens()},
        {QStringLiteral("candidatesTokenCount"), completionTokens()},
        {QStringLiteral("totalTokenCount"), promptTokens() + completionTokens()}};
}

QJsonObject geminiChunk(const QJsonArray& parts, const QString& finishReason, bool withUsage)
{
    QJsonObject candidate {
        {QStringLiteral("content"),
            QJsonObject {{QStringLiteral("parts"), parts}, {QStringLiteral("role"), QStringLiteral("model")}}},
        {QStringLiteral("index"), 0}};
    if (!finishReason.isEmpty())
        candidate.insert(QStringLiteral("finishReason"), finishReason);
    QJsonObject chunk {{QStringLiteral("candidates"), QJsonArray {candidate}},
        {QStringLiteral("modelVersion"), QStringLiteral("gemini-2.0-flash")},
        {QStringLiteral("responseId"), QStringLiteral("mNiDaPq3Nt6b1dkPwq2Y0Qk")}};
    // Gemini sends usageMetadata on every chunk, growing; the prompt count is known from the first.
    chunk.insert(QStringLiteral("usageMetadata"),
        withUsage ? geminiUsage()
                  : QJsonObject {{QStringLiteral("promptTokenCount"), promptTokens()},
                      {QStringLiteral("totalTokenCount"), promptTokens()}});
    return chunk;
}

QJsonObject openAiChunk(const QJsonObject& delta, const QJsonValue& finishReason, bool includeUsage)
{
    QJsonObject chunk {{QStringLiteral("id"), QStringLiteral("chatcmpl-123")},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")}, {QStringLiteral("created"), 1694268190},
        {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
        {QStringLiteral("system_fingerprint"), QStringLiteral("fp_44709d6fcb")},
        {QStringLiteral("choices"),
            QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta},
                {QStringLiteral("logprobs"), QJsonValue::Null}, {QStringLiteral("finish_reason"), finishReason}}}}};
    if (includeUsage)
        chunk.insert(QStringLiteral("usage"), QJsonValue::Null);
    return chunk;
}

} // namespace

QString text()
{
    return textPieces().join(QString());
}

QStringList textPieces()
{
    return {QStringLiteral("Hello! "), QStringLiteral("Grüße aus "), QStringLiteral("Zürich \U0001F44B")};
}

QString toolName()
{
    return QStringLiteral("get_weather");
}

QJsonObject toolArguments()
{
    return {{QStringLiteral("location"), QStringLiteral("San Francisco, CA")},
        {QStringLiteral("unit"), QStringLiteral("celsius")}};
}

QString toolCallId()
{
    return QStringLiteral("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
}

qint64 promptTokens()
{
    return 25;
}

qint64 completionTokens()
{
    return 15;
}

QByteArray joined(const QList<QByteArray>& events)
{
    QByteArray all;
    for (const QByteArray& event : events)
        all += event;
    return all;
}

// Anthropic ------------------------------------------------------------------------------------------------------

QByteArray anthropicMessage(Scenario scenario)
{
    QJsonArray content;
    QString stopReason = QStringLiteral("end_turn");
    if (scenario == Scenario::ToolCall) {
        content.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QStringLiteral("Let me check.")}});
        content.append(
            QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_use")}, {QStringLiteral("id"), toolCallId()},
                {QStringLiteral("name"), toolName()}, {QStringLiteral("input"), toolArguments()}});
        stopReason = QStringLiteral("tool_use");
    } else {
        content.append(
            QJsonObject {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text()}});
        if (scenario == Scenario::MaxTokens)
            stopReason = QStringLiteral("max_tokens");
    }
    return compact(QJsonObject {{QStringLiteral("id"), QStringLiteral("msg_013Zva2CMHLNnXjNJJKqJ2EF")},
        {QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-20250514")}, {QStringLiteral("content"), content},
        {QStringLiteral("stop_reason"), stopReason}, {QStringLiteral("stop_sequence"), QJsonValue::Null},
        {QStringLiteral("usage"), anthropicUsage(completionTokens())}});
}

QList<QByteArray> anthropicStream(Scenario scenario)
{
    QList<QByteArray> events;
    events.append(anthropicEvent("message_start",
        {{QStringLiteral("type"), QStringLiteral("message_start")},
            {QStringLiteral("message"),
                QJsonObject {{QStringLiteral("id"), QStringLiteral("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY")},
                    {QStringLiteral("type"), QStringLiteral("message")},
                    {QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QJsonArray()},
                    {QStringLiteral("model"), QStringLiteral("claude-sonnet-4-20250514")},
                    {QStringLiteral("stop_reason"), QJsonValue::Null},
                    {QStringLiteral("stop_sequence"), QJsonValue::Null},
                    {QStringLiteral("usage"), anthropicUsage(1)}}}}));
    auto blockStart = [](int index, const QJsonObject& block) {
        return anthropicEvent("content_block_start",
            {{QStringLiteral("type"), QStringLiteral("content_block_start")}, {QStringLiteral("index"), index},
                {QStringLiteral("content_block"), block}});
    };
    auto blockDelta = [](int index, const QJsonObject& delta) {
        return anthropicEvent("content_block_delta",
            {{QStringLiteral("type"), QStringLiteral("content_block_delta")}, {QStringLiteral("index"), index},
                {QStringLiteral("delta"), delta}});
    };
    auto blockStop = [](int index) {
        return anthropicEvent("content_block_stop",
            {{QStringLiteral("type"), QStringLiteral("content_block_stop")}, {QStringLiteral("index"), index}});
    };
    auto textDelta = [](const QString& text) {
        return QJsonObject {{QStringLiteral("type"), QStringLiteral("text_delta")}, {QStringLiteral("text"), text}};
    };
    const QJsonObject emptyText {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), QString()}};
    QString stopReason = QStringLiteral("end_turn");
    if (scenario == Scenario::ToolCall) {
        events.append(blockStart(0, emptyText));
        events.append(blockDelta(0, textDelta(QStringLiteral("Let me check."))));
        events.append(blockStop(0));
        events.append(blockStart(1,
            {{QStringLiteral("type"), QStringLiteral("tool_use")}, {QStringLiteral("id"), toolCallId()},
                {QStringLiteral("name"), toolName()}, {QStringLiteral("input"), QJsonObject()}}));
        // The arguments arrive in pieces that cut through keys and values, as the API reference shows.
        const QString arguments = argumentsText();
        const QList<qsizetype> cuts {0, 12, 25, arguments.size()};
        events.append(blockDelta(1,
            {{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                {QStringLiteral("partial_json"), QString()}}));
        for (qsizetype i = 0; i + 1 < cuts.size(); ++i)
            events.append(blockDelta(1,
                {{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                    {QStringLiteral("partial_json"), arguments.mid(cuts[i], cuts[i + 1] - cuts[i])}}));
        events.append(blockStop(1));
        stopReason = QStringLiteral("tool_use");
    } else {
        events.append(blockStart(0, emptyText));
        events.append(anthropicEvent("ping", {{QStringLiteral("type"), QStringLiteral("ping")}}));
        for (const QString& piece : textPieces())
            events.append(blockDelta(0, textDelta(piece)));
        events.append(blockStop(0));
        if (scenario == Scenario::MaxTokens)
            stopReason = QStringLiteral("max_tokens");
    }
    events.append(anthropicEvent("message_delta",
        {{QStringLiteral("type"), QStringLiteral("message_delta")},
            {QStringLiteral("delta"),
                QJsonObject {
                    {QStringLiteral("stop_reason"), stopReason}, {QStringLiteral("stop_sequence"), QJsonValue::Null}}},
            {QStringLiteral("usage"), QJsonObject {{QStringLiteral("output_tokens"), completionTokens()}}}}));
    events.append(anthropicEvent("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}}));
    return events;
}

QByteArray anthropicErrorEvent()
{
    return anthropicEvent("error",
        {{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("overloaded_error")},
                    {QStringLiteral("message"), QStringLiteral("Overloaded")}}}});
}

QByteArray anthropicError(int status)
{
    QString type = QStringLiteral("api_error");
    QString message = QStringLiteral("Internal server error");
    if (status == 400) {
        type = QStringLiteral("invalid_request_error");
        message = QStringLiteral("max_tokens: Field required");
    } else if (status == 401) {
        type = QStringLiteral("authentication_error");
        message = QStringLiteral("invalid x-api-key");
    } else if (status == 429) {
        type = QStringLiteral("rate_limit_error");
        message = QStringLiteral("Number of request tokens has exceeded your per-minute rate limit");
    } else if (status == 529) {
        type = QStringLiteral("overloaded_error");
        message = QStringLiteral("Overloaded");
    }
    return compact({{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"), QJsonObject {{QStringLiteral("type"), type}, {QStringLiteral("message"), message}}},
        {QStringLiteral("request_id"), QStringLiteral("req_011CSHoEeqs5C35K2UUqR7Fy")}});
}

// Gemini ---------------------------------------------------------------------------------------------------------

QByteArray geminiResponse(Scenario scenario)
{
    QJsonArray parts;
    QString reason = QStringLiteral("STOP");
    if (scenario == Scenario::ToolCall) {
        parts.append(QJsonObject {{QStringLiteral("functionCall"),
            QJsonObject {{QStringLiteral("name"), toolName()}, {QStringLiteral("args"), toolArguments()}}}});
    } else {
        parts.append(QJsonObject {{QStringLiteral("text"), text()}});
        if (scenario == Scenario::MaxTokens)
            reason = QStringLiteral("MAX_TOKENS");
    }
    return compact(geminiChunk(parts, reason, true));
}

QList<QByteArray> geminiStream(Scenario scenario)
{
    QList<QByteArray> events;
    if (scenario == Scenario::ToolCall) {
        events.append(geminiEvent(geminiChunk(
            QJsonArray {QJsonObject {{QStringLiteral("functionCall"),
                QJsonObject {{QStringLiteral("name"), toolName()}, {QStringLiteral("args"), toolArguments()}}}}},
            QStringLiteral("STOP"), true)));
        return events;
    }
    const QStringList pieces = textPieces();
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const bool last = i + 1 == pieces.size();
        const QString reason = !last          ? QString()
            : scenario == Scenario::MaxTokens ? QStringLiteral("MAX_TOKENS")
                                              : QStringLiteral("STOP");
        events.append(
            geminiEvent(geminiChunk(QJsonArray {QJsonObject {{QStringLiteral("text"), pieces[i]}}}, reason, last)));
    }
    return events;
}

QByteArray geminiError(int status)
{
    return geminiError(status, false);
}

QByteArray geminiError(int status, bool keyInvalid)
{
    QJsonObject error {{QStringLiteral("code"), status}};
    if (status == 400 && keyInvalid) {
        error.insert(QStringLiteral("message"), QStringLiteral("API key not valid. Please pass a valid API key."));
        error.insert(QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT"));
        error.insert(QStringLiteral("details"),
            QJsonArray {
                QJsonObject {{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo")},
                    {QStringLiteral("reason"), QStringLiteral("API_KEY_INVALID")},
                    {QStringLiteral("domain"), QStringLiteral("googleapis.com")}}});
    } else if (status == 400) {
        error.insert(
            QStringLiteral("message"), QStringLiteral("* GenerateContentRequest.contents: contents is not specified"));
        error.insert(QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT"));
    } else if (status == 429) {
        error.insert(QStringLiteral("message"), QStringLiteral("Resource has been exhausted (e.g. check quota)."));
        error.insert(QStringLiteral("status"), QStringLiteral("RESOURCE_EXHAUSTED"));
    } else if (status == 503) {
        error.insert(QStringLiteral("message"), QStringLiteral("The model is overloaded. Please try again later."));
        error.insert(QStringLiteral("status"), QStringLiteral("UNAVAILABLE"));
    } else {
        error.insert(QStringLiteral("message"), QStringLiteral("An internal error has occurred."));
        error.insert(QStringLiteral("status"), QStringLiteral("INTERNAL"));
    }
    return compact({{QStringLiteral("error"), error}});
}

// OpenAI ---------------------------------------------------------------------------------------------------------

QByteArray openAiCompletion(Scenario scenario)
{
    QJsonObject message {
        {QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("refusal"), QJsonValue::Null}};
    QString reason = QStringLiteral("stop");
    if (scenario == Scenario::ToolCall) {
        message.insert(QStringLiteral("content"), QJsonValue::Null);
        message.insert(QStringLiteral("tool_calls"),
            QJsonArray {
                QJsonObject {{QStringLiteral("id"), toolCallId()}, {QStringLiteral("type"), QStringLiteral("function")},
                    {QStringLiteral("function"),
                        QJsonObject {
                            {QStringLiteral("name"), toolName()}, {QStringLiteral("arguments"), argumentsText()}}}}});
        reason = QStringLiteral("tool_calls");
    } else {
        message.insert(QStringLiteral("content"), text());
        if (scenario == Scenario::MaxTokens)
            reason = QStringLiteral("length");
    }
    return compact({{QStringLiteral("id"), QStringLiteral("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")}, {QStringLiteral("created"), 1741569952},
        {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
        {QStringLiteral("choices"),
            QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("message"), message},
                {QStringLiteral("logprobs"), QJsonValue::Null}, {QStringLiteral("finish_reason"), reason}}}},
        {QStringLiteral("usage"),
            QJsonObject {{QStringLiteral("prompt_tokens"), promptTokens()},
                {QStringLiteral("completion_tokens"), completionTokens()},
                {QStringLiteral("total_tokens"), promptTokens() + completionTokens()}}},
        {QStringLiteral("service_tier"), QStringLiteral("default")}});
}

QList<QByteArray> openAiStream(Scenario scenario, bool includeUsage)
{
    QList<QByteArray> events;
    events.append(openAiEvent(
        openAiChunk({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
            QJsonValue::Null, includeUsage)));
    QString reason = QStringLiteral("stop");
    if (scenario == Scenario::ToolCall) {
        events.append(openAiEvent(
            openAiChunk({{QStringLiteral("tool_calls"),
                            QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("id"), toolCallId()},
                                {QStringLiteral("type"), QStringLiteral("function")},
                                {QStringLiteral("function"),
                                    QJsonObject {{QStringLiteral("name"), toolName()},
                                        {QStringLiteral("arguments"), QString()}}}}}}},
                QJsonValue::Null, includeUsage)));
        const QString arguments = argumentsText();
        for (qsizetype at = 0; at < arguments.size(); at += 16) {
            events.append(openAiEvent(
                openAiChunk({{QStringLiteral("tool_calls"),
                                QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                    {QStringLiteral("function"),
                                        QJsonObject {{QStringLiteral("arguments"), arguments.mid(at, 16)}}}}}}},
                    QJsonValue::Null, includeUsage)));
        }
        reason = QStringLiteral("tool_calls");
    } else {
        for (const QString& piece : textPieces())
            events.append(
                openAiEvent(openAiChunk({{QStringLiteral("content"), piece}}, QJsonValue::Null, includeUsage)));
        if (scenario == Scenario::MaxTokens)
            reason = QStringLiteral("length");
    }
    events.append(openAiEvent(openAiChunk({}, reason, includeUsage)));
    if (includeUsage) {
        QJsonObject usage = QJsonDocument::fromJson(openAiCompletion(scenario)).object();
        events.append(openAiEvent({{QStringLiteral("id"), QStringLiteral("chatcmpl-123")},
            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
            {QStringLiteral("created"), 1694268190}, {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
            {QStringLiteral("choices"), QJsonArray()},
            {QStringLiteral("usage"), usage.value(QStringLiteral("usage"))}}));
    }
    events.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return events;
}

QByteArray openAiError(int status)
{
    QJsonObject error {{QStringLiteral("param"), QJsonValue::Null}};
    if (status == 401) {
        error.insert(QStringLiteral("message"),
            QStringLiteral("Incorrect API key provided: sk-****. You can find your API key at "
                           "https://platform.openai.com/account/api-keys."));
        error.insert(QStringLiteral("type"), QStringLiteral("invalid_request_error"));
        error.insert(QStringLiteral("code"), QStringLiteral("invalid_api_key"));
    } else if (status == 429) {
        error.insert(QStringLiteral("message"),
            QStringLiteral(
                "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1."));
        error.insert(QStringLiteral("type"), QStringLiteral("requests"));
        error.insert(QStringLiteral("code"), QStringLiteral("rate_limit_exceeded"));
    } else {
        error.insert(QStringLiteral("message"),
            QStringLiteral("The server had an error while processing your request. Sorry about that!"));
        error.insert(QStringLiteral("type"), QStringLiteral("server_error"));
        error.insert(QStringLiteral("code"), QJsonValue::Null);
    }
    return compact({{QStringLiteral("error"), error}});
}

QByteArray openAiModels()
{
    QJsonArray data;
    for (const QString& id : {QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o")})
        data.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("model")},
            {QStringLiteral("created"), 1686935002}, {QStringLiteral("owned_by"), QStringLiteral("openai")}});
    return compact({{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

} // namespace gatehouse::test::ProviderFixtures

#include "core/ai/AnthropicStreamTranslator.h"

#include "core/ai/AnthropicAdapter.h"
#include "core/ai/OpenAiError.h"
#include "core/ai/TokenCount.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

AnthropicStreamTranslator::AnthropicStreamTranslator(QString provider, QString model, bool includeUsage)
    : SseStreamTranslator(std::move(provider))
    , m_writer(QString(), std::move(model))
    , m_includeUsage(includeUsage)
{ }

void AnthropicStreamTranslator::onEvent(const SseEvent& event, QByteArray& out)
{
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    // The data's own "type" names the event; the SSE event field repeats it.
    QString type = data.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        type = QString::fromUtf8(event.event);

    if (type == QLatin1String("message_start")) {
        const QJsonObject message = data.value(QStringLiteral("message")).toObject();
        m_writer.setId(message.value(QStringLiteral("id")).toString());
        if (message.value(QStringLiteral("model")).isString())
            m_writer.setModel(message.value(QStringLiteral("model")).toString());
        const QJsonObject usage = message.value(QStringLiteral("usage")).toObject();
        m_usage.promptTokens = AnthropicAdapter::promptTokens(usage);
        m_usage.completionTokens = tokenCount(usage, QLatin1String("output_tokens"));
        m_usage.reported = !usage.isEmpty();
        m_started = true;
        out += m_writer.role();
    } else if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
        const QString blockType = block.value(QStringLiteral("type")).toString();
        if (blockType == QLatin1String("tool_use")) {
            const int index = m_tools++;
            m_toolIndex.insert(data.value(QStringLiteral("index")).toInt(), index);
            out += m_writer.toolCallStart(
                index, block.value(QStringLiteral("id")).toString(), block.value(QStringLiteral("name")).toString());
        } else if (blockType == QLatin1String("text")) {
            const QString text = block.value(QStringLiteral("text")).toString();
            if (!text.isEmpty())
                out += m_writer.content(text);
        }
    } else if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
        const QString deltaType = delta.value(QStringLiteral("type")).toString();
        if (deltaType == QLatin1String("text_delta")) {
            out += m_writer.content(delta.value(QStringLiteral("text")).toString());
        } else if (deltaType == QLatin1String("input_json_delta")) {
            const auto tool = m_toolIndex.constFind(data.value(QStringLiteral("index")).toInt());
            const QString fragment = delta.value(QStringLiteral("partial_json")).toString();
            if (tool != m_toolIndex.constEnd() && !fragment.isEmpty())
                out += m_writer.toolCallArguments(*tool, fragment);
        }
        // thinking_delta, signature_delta, citations_delta: no Chat Completions counterpart.
    } else if (type == QLatin1String("message_delta")) {
        const QJsonObject usage = data.value(QStringLiteral("usage")).toObject();
        // output_tokens is cumulative; newer API versions repeat the (cumulative) input counts here as well.
        if (usage.contains(QStringLiteral("output_tokens"))) {
            m_usage.completionTokens = tokenCount(usage, QLatin1String("output_tokens"));
            m_usage.reported = true;
        }
        if (usage.contains(QStringLiteral("input_tokens")))
            m_usage.promptTokens = AnthropicAdapter::promptTokens(usage);
        const QJsonValue stopReason
            = data.value(QStringLiteral("delta")).toObject().value(QStringLiteral("stop_reason"));
        if (stopReason.isString())
            out += m_writer.finishReason(AnthropicAdapter::finishReason(stopReason.toString()));
    } else if (type == QLatin1String("message_stop")) {
        if (m_includeUsage)
            out += m_writer.usage(m_usage);
        endWithDone(out);
    } else if (type == QLatin1String("error")) {
        const OpenAiError::UpstreamError error = OpenAiError::parseUpstreamError(event.data);
        // Anthropic's overloaded_error mid-stream would have been a 529 before the stream began.
        const bool overloaded = error.type == QLatin1String("overloaded_error");
        endWithError(out,
            error.message.isEmpty() ? QStringLiteral("%1 reported an error mid-stream").arg(m_provider) : error.message,
            overloaded ? QByteArrayView("server_error") : QByteArrayView("upstream_error"), error.type);
    }
    // ping and event types added later are ignored, as Anthropic's versioning policy asks of clients.
}

void AnthropicStreamTranslator::onEnd(bool sseClean, QByteArray& out)
{
    Q_UNUSED(sseClean);
    // Reaching here means message_stop never came (it ends the client's stream itself).
    endWithError(out, QStringLiteral("%1 ended the stream before the message was complete").arg(m_provider),
        "upstream_error", QStringLiteral("stream_truncated"));
}

} // namespace gatehouse

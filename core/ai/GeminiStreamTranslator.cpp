#include "core/ai/GeminiStreamTranslator.h"

#include "core/ai/GeminiAdapter.h"
#include "core/ai/OpenAiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace gatehouse {

GeminiStreamTranslator::GeminiStreamTranslator(QString provider, QString model, bool includeUsage)
    : SseStreamTranslator(std::move(provider))
    , m_writer(QStringLiteral("chatcmpl-") + QUuid::createUuid().toString(QUuid::Id128), std::move(model))
    , m_includeUsage(includeUsage)
{ }

void GeminiStreamTranslator::onEvent(const SseEvent& event, QByteArray& out)
{
    const QJsonDocument document = QJsonDocument::fromJson(event.data);
    if (!document.isObject()) {
        endWithError(
            out, QStringLiteral("%1 sent a stream event the gateway could not read").arg(m_provider), "upstream_error");
        return;
    }
    const QJsonObject response = document.object();
    if (response.contains(QStringLiteral("error"))) {
        const OpenAiError::UpstreamError error = OpenAiError::parseUpstreamError(event.data);
        endWithError(out,
            error.message.isEmpty() ? QStringLiteral("%1 reported an error mid-stream").arg(m_provider) : error.message,
            "upstream_error", error.type);
        return;
    }
    if (!m_started) {
        m_started = true;
        if (response.value(QStringLiteral("responseId")).isString())
            m_writer.setId(response.value(QStringLiteral("responseId")).toString());
        if (response.value(QStringLiteral("modelVersion")).isString())
            m_writer.setModel(response.value(QStringLiteral("modelVersion")).toString());
        out += m_writer.role();
    }
    GeminiAdapter::readUsage(response.value(QStringLiteral("usageMetadata")).toObject(), m_usage);

    const QJsonObject candidate = response.value(QStringLiteral("candidates")).toArray().at(0).toObject();
    const QJsonArray parts
        = candidate.value(QStringLiteral("content")).toObject().value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& value : parts) {
        const QJsonObject part = value.toObject();
        if (part.value(QStringLiteral("thought")).toBool())
            continue;
        if (part.contains(QStringLiteral("text"))) {
            const QString text = part.value(QStringLiteral("text")).toString();
            if (!text.isEmpty())
                out += m_writer.content(text);
        } else if (part.contains(QStringLiteral("functionCall"))) {
            const QJsonObject call = part.value(QStringLiteral("functionCall")).toObject();
            const int index = m_tools++;
            out += m_writer.toolCallStart(
                index, QStringLiteral("call_%1").arg(index), call.value(QStringLiteral("name")).toString());
            out += m_writer.toolCallArguments(index,
                QString::fromUtf8(
                    QJsonDocument(call.value(QStringLiteral("args")).toObject()).toJson(QJsonDocument::Compact)));
        }
    }
    const QString reason = candidate.value(QStringLiteral("finishReason")).toString();
    if (!reason.isEmpty() && !m_finished) {
        m_finished = true;
        out += m_writer.finishReason(GeminiAdapter::finishReason(reason, m_tools > 0));
    } else if (candidate.isEmpty() && !m_finished
        && response.value(QStringLiteral("promptFeedback")).toObject().contains(QStringLiteral("blockReason"))) {
        m_finished = true;
        out += m_writer.finishReason(QStringLiteral("content_filter"));
    }
}

void GeminiStreamTranslator::onEnd(bool sseClean, QByteArray& out)
{
    if (!m_finished || !sseClean) {
        endWithError(out, QStringLiteral("%1 ended the stream before the answer was complete").arg(m_provider),
            "upstream_error", QStringLiteral("stream_truncated"));
        return;
    }
    if (m_includeUsage)
        out += m_writer.usage(m_usage);
    endWithDone(out);
}

} // namespace gatehouse

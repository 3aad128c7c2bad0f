#include "core/ai/ChatChunkWriter.h"

#include "core/ai/OpenAiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

ChatChunkWriter::ChatChunkWriter(QString id, QString model)
    : m_id(std::move(id))
    , m_model(std::move(model))
    , m_created(QDateTime::currentSecsSinceEpoch())
{ }

QByteArray ChatChunkWriter::event(const QByteArray& json)
{
    return QByteArrayLiteral("data: ") + json + QByteArrayLiteral("\n\n");
}

QByteArray ChatChunkWriter::chunk(const QJsonObject& delta, const QJsonValue& finishReason) const
{
    QJsonObject choice;
    choice.insert(QStringLiteral("index"), 0);
    choice.insert(QStringLiteral("delta"), delta);
    choice.insert(QStringLiteral("logprobs"), QJsonValue::Null);
    choice.insert(QStringLiteral("finish_reason"), finishReason);
    QJsonObject root;
    root.insert(QStringLiteral("id"), m_id);
    root.insert(QStringLiteral("object"), QStringLiteral("chat.completion.chunk"));
    root.insert(QStringLiteral("created"), m_created);
    root.insert(QStringLiteral("model"), m_model);
    root.insert(QStringLiteral("choices"), QJsonArray {choice});
    return event(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

QByteArray ChatChunkWriter::role() const
{
    return chunk(
        QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
        QJsonValue::Null);
}

QByteArray ChatChunkWriter::content(const QString& text) const
{
    return chunk(QJsonObject {{QStringLiteral("content"), text}}, QJsonValue::Null);
}

QByteArray ChatChunkWriter::toolCallStart(int index, const QString& id, const QString& name) const
{
    const QJsonObject call {
        {QStringLiteral("index"), index},
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("arguments"), QString()}}},
    };
    return chunk(QJsonObject {{QStringLiteral("tool_calls"), QJsonArray {call}}}, QJsonValue::Null);
}

QByteArray ChatChunkWriter::toolCallArguments(int index, const QString& fragment) const
{
    const QJsonObject call {
        {QStringLiteral("index"), index},
        {QStringLiteral("function"), QJsonObject {{QStringLiteral("arguments"), fragment}}},
    };
    return chunk(QJsonObject {{QStringLiteral("tool_calls"), QJsonArray {call}}}, QJsonValue::Null);
}

QByteArray ChatChunkWriter::finishReason(const QString& reason) const
{
    return chunk(QJsonObject(), reason);
}

QByteArray ChatChunkWriter::usage(const AiUsage& usage) const
{
    QJsonObject root;
    root.insert(QStringLiteral("id"), m_id);
    root.insert(QStringLiteral("object"), QStringLiteral("chat.completion.chunk"));
    root.insert(QStringLiteral("created"), m_created);
    root.insert(QStringLiteral("model"), m_model);
    root.insert(QStringLiteral("choices"), QJsonArray());
    root.insert(QStringLiteral("usage"),
        QJsonObject {
            {QStringLiteral("prompt_tokens"), usage.promptTokens},
            {QStringLiteral("completion_tokens"), usage.completionTokens},
            {QStringLiteral("total_tokens"), usage.totalTokens()},
        });
    return event(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

QByteArray ChatChunkWriter::error(const QString& message, QByteArrayView type, const QString& code)
{
    return event(OpenAiError::body(message, type, QString(), code));
}

QByteArray ChatChunkWriter::done()
{
    return QByteArrayLiteral("data: [DONE]\n\n");
}

} // namespace gatehouse

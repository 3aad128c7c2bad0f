#pragma once

#include "core/ai/AiUsage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gatehouse {

// Writes the SSE events of an OpenAI chat completion stream: "data: {chat.completion.chunk}\n\n" with the same id,
// created and model in every chunk, and the closing "data: [DONE]\n\n".
class ChatChunkWriter
{
public:
    ChatChunkWriter(QString id, QString model);

    void setId(const QString& id) { m_id = id; }
    void setModel(const QString& model) { m_model = model; }

    QByteArray role() const; // the first chunk: delta {"role":"assistant","content":""}
    QByteArray content(const QString& text) const;
    // The first delta of tool call `index`: its id, type and name, with empty arguments.
    QByteArray toolCallStart(int index, const QString& id, const QString& name) const;
    QByteArray toolCallArguments(int index, const QString& fragment) const;
    QByteArray finishReason(const QString& reason) const; // empty delta, finish_reason set
    QByteArray usage(const AiUsage& usage) const; // choices [] and usage, as stream_options.include_usage asks
    // What OpenAI sends when a stream fails: data: {"error":{...}}.
    static QByteArray error(const QString& message, QByteArrayView type, const QString& code = {});
    static QByteArray done();

    static QByteArray event(const QByteArray& json);

private:
    QByteArray chunk(const QJsonObject& delta, const QJsonValue& finishReason) const;

    QString m_id;
    QString m_model;
    qint64 m_created;
};

} // namespace gatehouse

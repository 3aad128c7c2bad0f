#pragma once

#include "core/common/Result.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace gatehouse {

// A client's OpenAI Chat Completions request (POST /chat/completions), parsed once and checked far enough that the
// adapters can translate it without meeting a wrong type. Errors name the offending param the way OpenAI does
// ("messages[2].content"), so the gateway can answer 400 with OpenAiError::invalidRequest(error).
class ChatRequest
{
public:
    static Result<ChatRequest> parse(QByteArrayView body);

    const QJsonObject& json() const { return m_json; }
    QString model() const { return m_model; } // as the client wrote it: "PROVIDER/MODEL" or an alias
    QJsonArray messages() const { return m_json.value(QStringLiteral("messages")).toArray(); }
    bool stream() const { return m_stream; }
    bool includeUsage() const { return m_includeUsage; } // stream_options.include_usage
    // max_completion_tokens, or the older max_tokens; nullopt when the client set neither.
    std::optional<qint64> maxTokens() const { return m_maxTokens; }
    // `stop` as a list: OpenAI accepts a string or an array of strings.
    QStringList stopSequences() const;

    // The text of a message's content: a string, or the text parts of an array joined with `separator`. Non-text
    // parts are skipped (the callers that care look at the parts themselves).
    static QString contentText(const QJsonValue& content, const QString& separator = QStringLiteral("\n"));

private:
    QJsonObject m_json;
    QString m_model;
    std::optional<qint64> m_maxTokens;
    bool m_stream = false;
    bool m_includeUsage = false;
};

} // namespace gatehouse

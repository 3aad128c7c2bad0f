#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gatehouse::test {

// Canned responses in each provider's documented wire format (OpenAI Chat Completions, Anthropic Messages, Gemini
// generateContent), shaped after the examples of their API references. Every format tells the same story, so a
// test can check that each translation arrives at the same chat.completion: the Text scenario answers text() with
// promptTokens() in and completionTokens() out, the ToolCall scenario calls toolName() with toolArguments().
// Streams are lists of complete SSE events (blank line included), in the framing each provider uses (Gemini's
// events end with CRLF).
namespace ProviderFixtures {

enum class Scenario { Text, ToolCall, MaxTokens };

QString text();
QStringList textPieces(); // how the streams split text(), with multi-byte characters in them
QString toolName();
QJsonObject toolArguments();
QString toolCallId(); // Anthropic's and OpenAI's id for the call (Gemini has none)
qint64 promptTokens();
qint64 completionTokens();

QByteArray anthropicMessage(Scenario scenario);
QList<QByteArray> anthropicStream(Scenario scenario);
QByteArray anthropicErrorEvent(); // an overloaded_error event as Anthropic sends mid-stream
QByteArray anthropicError(int status); // 400, 401, 429, 500, 529

QByteArray geminiResponse(Scenario scenario);
QList<QByteArray> geminiStream(Scenario scenario);
QByteArray geminiError(int status); // 400 (API_KEY_INVALID when key == true), 429, 500, 503
QByteArray geminiError(int status, bool keyInvalid);

QByteArray openAiCompletion(Scenario scenario);
QList<QByteArray> openAiStream(Scenario scenario, bool includeUsage);
QByteArray openAiError(int status); // 401, 429, 500
QByteArray openAiModels();

QByteArray joined(const QList<QByteArray>& events);

} // namespace ProviderFixtures

} // namespace gatehouse::test

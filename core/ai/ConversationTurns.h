#pragma once

#include <QJsonArray>
#include <QString>

namespace gatehouse::conversationTurns {

// Appends `items` as a turn of `role` ({"role": role, itemsKey: items}), merged into the previous turn when that
// has the same role. Anthropic (turns of "content" blocks) and Gemini (turns of "parts") both want the roles to
// alternate, while an OpenAI conversation may hold several messages of one role in a row (tool results, say).
void appendMerged(QJsonArray& turns, const QString& role, const QString& itemsKey, const QJsonArray& items);

} // namespace gatehouse::conversationTurns

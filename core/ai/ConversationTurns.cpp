#include "core/ai/ConversationTurns.h"

#include <QJsonObject>

namespace gatehouse::conversationTurns {

void appendMerged(QJsonArray& turns, const QString& role, const QString& itemsKey, const QJsonArray& items)
{
    if (!turns.isEmpty()) {
        QJsonObject last = turns.last().toObject();
        if (last.value(QStringLiteral("role")).toString() == role) {
            QJsonArray merged = last.value(itemsKey).toArray();
            for (const QJsonValue& item : items)
                merged.append(item);
            last.insert(itemsKey, merged);
            turns.replace(turns.size() - 1, last);
            return;
        }
    }
    turns.append(QJsonObject {{QStringLiteral("role"), role}, {itemsKey, items}});
}

} // namespace gatehouse::conversationTurns

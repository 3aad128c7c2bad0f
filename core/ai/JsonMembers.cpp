#include "core/ai/JsonMembers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse {

namespace {

// `pos` is at a '"'; returns one past the closing quote.
qsizetype skipString(QByteArrayView json, qsizetype pos)
{
    ++pos;
    while (pos < json.size() && json[pos] != '"')
        pos += json[pos] == '\\' ? 2 : 1;
    return qMin(pos + 1, json.size());
}

qsizetype skipValue(QByteArrayView json, qsizetype pos)
{
    if (pos >= json.size())
        return pos;
    if (json[pos] == '"')
        return skipString(json, pos);
    if (json[pos] == '{' || json[pos] == '[') {
        int depth = 0;
        while (pos < json.size()) {
            const char c = json[pos];
            if (c == '"') {
                pos = skipString(json, pos);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return pos + 1;
            ++pos;
        }
        return pos;
    }
    // A number, true, false or null runs to the next separator.
    while (pos < json.size() && !QByteArrayView(",}] \t\r\n").contains(json[pos]))
        ++pos;
    return pos;
}

QString decodeName(QByteArrayView quoted)
{
    const QByteArrayView inner = quoted.size() >= 2 ? quoted.sliced(1, quoted.size() - 2) : QByteArrayView();
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    // Escapes (\u0065 ...) are rare in names; let the JSON parser decode them exactly as it does values.
    const QByteArray array = QByteArray("[") + quoted.toByteArray() + ']';
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

} // namespace

qsizetype skipJsonSpace(QByteArrayView json, qsizetype from)
{
    while (from < json.size() && QByteArrayView(" \t\r\n").contains(json[from]))
        ++from;
    return from;
}

QList<JsonMember> jsonObjectMembers(QByteArrayView json, qsizetype open)
{
    QList<JsonMember> members;
    if (open < 0 || open >= json.size() || json[open] != '{')
        return members;
    qsizetype pos = skipJsonSpace(json, open + 1);
    while (pos < json.size() && json[pos] == '"') {
        const qsizetype nameEnd = skipString(json, pos);
        JsonMember member;
        member.name = decodeName(json.sliced(pos, nameEnd - pos));
        pos = skipJsonSpace(json, nameEnd);
        if (pos >= json.size() || json[pos] != ':')
            break;
        member.valueBegin = skipJsonSpace(json, pos + 1);
        member.valueEnd = skipValue(json, member.valueBegin);
        members.append(member);
        pos = skipJsonSpace(json, member.valueEnd);
        if (pos >= json.size() || json[pos] != ',')
            break;
        pos = skipJsonSpace(json, pos + 1);
    }
    return members;
}

} // namespace gatehouse

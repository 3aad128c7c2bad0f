#include "core/ai/StreamUsageOption.h"

#include "core/ai/JsonMembers.h"

#include <QJsonDocument>
#include <QList>

#include <algorithm>

namespace gatehouse {

namespace {

// Replace [begin, end) of the body with `text`.
struct Edit
{
    qsizetype begin;
    qsizetype end;
    QByteArray text;
};

bool isTrue(QByteArrayView body, const JsonMember& member)
{
    return body.sliced(member.valueBegin, member.valueEnd - member.valueBegin) == "true";
}

// The member to put right after the '{' at `open`: followed by a comma unless the object is empty.
Edit insertAfterBrace(QByteArrayView body, qsizetype open, const char* member)
{
    const bool empty = body[skipJsonSpace(body, open + 1)] == '}';
    return {open + 1, open + 1, QByteArray(member) + (empty ? "" : ",")};
}

} // namespace

std::optional<QByteArray> withStreamUsage(const QByteArray& body)
{
    QJsonParseError error {};
    if (!QJsonDocument::fromJson(body, &error).isObject() || error.error != QJsonParseError::NoError)
        return std::nullopt;
    const qsizetype open = skipJsonSpace(body, 0);
    const QList<JsonMember> members = jsonObjectMembers(body, open);
    const bool streaming = std::any_of(
        members.cbegin(), members.cend(), [&](const JsonMember& m) { return m.name == u"stream" && isTrue(body, m); });
    if (!streaming)
        return std::nullopt;

    QList<Edit> edits;
    bool hasOptions = false;
    for (const JsonMember& options : members) {
        if (options.name != u"stream_options")
            continue;
        hasOptions = true;
        const QByteArrayView value
            = QByteArrayView(body).sliced(options.valueBegin, options.valueEnd - options.valueBegin);
        if (value == "null") {
            edits.append({options.valueBegin, options.valueEnd, QByteArrayLiteral("{\"include_usage\":true}")});
            continue;
        }
        if (!value.startsWith('{'))
            return std::nullopt; // the provider refuses it; nothing here would make it right
        bool asked = false;
        for (const JsonMember& option : jsonObjectMembers(body, options.valueBegin)) {
            if (option.name != u"include_usage")
                continue;
            asked = true;
            if (!isTrue(body, option))
                edits.append({option.valueBegin, option.valueEnd, QByteArrayLiteral("true")});
        }
        if (!asked)
            edits.append(insertAfterBrace(body, options.valueBegin, "\"include_usage\":true"));
    }
    if (!hasOptions)
        edits.append(insertAfterBrace(body, open, "\"stream_options\":{\"include_usage\":true}"));
    if (edits.isEmpty())
        return std::nullopt;

    // From the end backwards, so that each edit's offsets still hold.
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    QByteArray edited = body;
    for (const Edit& edit : edits)
        edited.replace(edit.begin, edit.end - edit.begin, edit.text);
    return edited;
}

} // namespace gatehouse

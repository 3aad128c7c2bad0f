#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gatehouse {

// One member of a JSON object as it stands in the bytes: its decoded name and where its value is, so that a
// request body can be checked member by member (duplicates included, which QJsonObject hides) and edited in place
// without re-serialising what the client wrote.
struct JsonMember
{
    QString name; // escapes decoded
    qsizetype valueBegin = 0; // the value's first byte
    qsizetype valueEnd = 0; // one past its last byte
};

// The members of the object whose '{' is at `open` in `json`, in order, duplicates kept. `json` must already be
// known to be valid JSON (QJsonDocument::fromJson without error); on anything else the result is incomplete but
// the scan stays within `json`.
QList<JsonMember> jsonObjectMembers(QByteArrayView json, qsizetype open);

// The index of the first non-whitespace byte of `json` at or after `from`, or json.size().
qsizetype skipJsonSpace(QByteArrayView json, qsizetype from);

} // namespace gatehouse

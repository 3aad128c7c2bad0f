#include "tests/support/upstreams/HeaderFields.h"

namespace gatehouse::test::HeaderFields {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

QByteArray value(const HeaderList& headers, QByteArrayView name)
{
    QByteArray joined;
    bool found = false;
    for (const auto& [fieldName, fieldValue] : headers) {
        if (fieldName.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            joined += ", ";
        joined += fieldValue;
        found = true;
    }
    return joined;
}

bool contains(const HeaderList& headers, QByteArrayView name)
{
    for (const auto& field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool hasToken(const HeaderList& headers, QByteArrayView name, QByteArrayView token)
{
    const QList<QByteArray> items = value(headers, name).split(',');
    for (const QByteArray& item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<HeaderList> parse(QByteArrayView block)
{
    HeaderList headers;
    if (block.isEmpty())
        return headers;
    qsizetype pos = 0;
    while (pos <= block.size()) {
        qsizetype end = block.indexOf("\r\n", pos);
        if (end < 0)
            end = block.size();
        const QByteArrayView line = block.sliced(pos, end - pos);
        pos = end + 2;
        if (line.isEmpty() || line.front() == ' ' || line.front() == '\t')
            return std::nullopt;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArrayView name = line.first(colon);
        for (char c : name) {
            if (!isTokenChar(c))
                return std::nullopt;
        }
        const QByteArrayView rawValue = line.sliced(colon + 1);
        if (rawValue.contains('\r') || rawValue.contains('\n'))
            return std::nullopt;
        headers.append({name.toByteArray(), rawValue.trimmed().toByteArray()});
    }
    return headers;
}

} // namespace gatehouse::test::HeaderFields

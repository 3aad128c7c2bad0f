#include "core/gateway/HttpHeaders.h"

#include <cstring>
#include <utility>

namespace gatehouse::gateway {

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isOws(text[begin]))
        ++begin;
    while (end > begin && isOws(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

} // namespace

namespace {

constexpr quint64 kEachByte = 0x0101010101010101ull;

// asciiLower() on eight bytes at once. Each byte's low seven bits plus a constant sets its top bit exactly
// when the byte is at least 'A' (resp. above 'Z'), with no carry into the next byte; a byte >= 0x80 is
// no letter; and 0x80 >> 2 is the 0x20 that lower-cases a letter.
quint64 asciiLower8(quint64 bytes)
{
    const quint64 low7 = bytes & (0x7f * kEachByte);
    const quint64 atLeastA = low7 + (0x80 - 'A') * kEachByte;
    const quint64 aboveZ = low7 + (0x80 - 'Z' - 1) * kEachByte;
    const quint64 upper = atLeastA & ~aboveZ & ~bytes & (0x80 * kEachByte);
    return bytes | (upper >> 2);
}

quint64 load8(const char* at)
{
    quint64 bytes;
    std::memcpy(&bytes, at, sizeof bytes);
    return bytes;
}

} // namespace

bool HttpHeaders::sameLengthNamesEqual(const char* a, const char* b, qsizetype size)
{
    // Every field name of every message is compared with a dozen others: eight bytes at a time, the last
    // (partial) word overlapping the one before it.
    if (size < 8) {
        for (qsizetype i = 0; i < size; ++i) {
            if (asciiLower(a[i]) != asciiLower(b[i]))
                return false;
        }
        return true;
    }
    for (qsizetype i = 0; i < size - 8; i += 8) {
        if (asciiLower8(load8(a + i)) != asciiLower8(load8(b + i)))
            return false;
    }
    return asciiLower8(load8(a + size - 8)) == asciiLower8(load8(b + size - 8));
}

void HttpHeaders::append(QByteArray name, QByteArray value)
{
    m_headers.append(HttpHeader {std::move(name), std::move(value)});
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const HttpHeader& header : m_headers) {
        if (namesEqual(header.name, name))
            return header.value;
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HttpHeader& header : m_headers) {
        if (namesEqual(header.name, name))
            result.append(header.value);
    }
    return result;
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const HttpHeader& header : m_headers) {
        if (namesEqual(header.name, name))
            return true;
    }
    return false;
}

qsizetype HttpHeaders::removeAll(QByteArrayView name)
{
    return m_headers.removeIf([name](const HttpHeader& header) { return namesEqual(header.name, name); });
}

void HttpHeaders::set(QByteArray name, QByteArray value)
{
    for (qsizetype i = 0; i < m_headers.size(); ++i) {
        if (!namesEqual(m_headers.at(i).name, name))
            continue;
        // Keep the first field's position so that a rewritten message keeps its field order.
        for (qsizetype j = m_headers.size() - 1; j > i; --j) {
            if (namesEqual(m_headers.at(j).name, name))
                m_headers.removeAt(j);
        }
        m_headers[i] = HttpHeader {std::move(name), std::move(value)};
        return;
    }
    append(std::move(name), std::move(value));
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const
{
    const QByteArrayView wanted = trimmedOws(token);
    if (wanted.isEmpty())
        return false;
    for (const HttpHeader& header : m_headers) {
        if (!namesEqual(header.name, name))
            continue;
        const QByteArrayView list = header.value;
        qsizetype start = 0;
        while (start <= list.size()) {
            qsizetype comma = list.indexOf(',', start);
            if (comma < 0)
                comma = list.size();
            if (namesEqual(trimmedOws(list.sliced(start, comma - start)), wanted))
                return true;
            start = comma + 1;
        }
    }
    return false;
}

} // namespace gatehouse::gateway

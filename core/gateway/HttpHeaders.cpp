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

HttpHeaders::Field HttpHeaders::store(QByteArrayView name, QByteArrayView value)
{
    const char* begin = m_bytes.constData();
    const char* end = begin + m_bytes.size();
    const auto inside
        = [&](QByteArrayView bytes) { return !bytes.isEmpty() && bytes.data() >= begin && bytes.data() < end; };
    if (inside(name) || inside(value)) {
        // A field of our own (set() from at()): growing the storage would move the bytes from under the views.
        const QByteArray copy = name.toByteArray() + value.toByteArray();
        return store(QByteArrayView(copy).first(name.size()), QByteArrayView(copy).sliced(name.size()));
    }
    const Field field {m_bytes.size(), name.size(), value.size()};
    if (m_bytes.capacity() == 0)
        m_bytes.reserve(512); // a typical head in one allocation, not a few growing ones
    // One resize (within the capacity, usually) and two copies: QByteArray::append takes Qt's general
    // insert path, at twice the cost, for each part.
    m_bytes.resize(field.at + name.size() + value.size());
    char* out = m_bytes.data() + field.at;
    if (!name.isEmpty())
        std::memcpy(out, name.data(), size_t(name.size()));
    if (!value.isEmpty())
        std::memcpy(out + name.size(), value.data(), size_t(value.size()));
    return field;
}

void HttpHeaders::append(QByteArrayView name, QByteArrayView value)
{
    const Field field = store(name, value);
    m_fields.append(field);
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const HttpHeader header : *this) {
        if (namesEqual(header.name, name))
            return header.value.toByteArray();
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (QByteArrayView value : valueViews(name))
        result.append(value.toByteArray());
    return result;
}

QVarLengthArray<QByteArrayView, 2> HttpHeaders::valueViews(QByteArrayView name) const
{
    QVarLengthArray<QByteArrayView, 2> result;
    for (const HttpHeader header : *this) {
        if (namesEqual(header.name, name))
            result.append(header.value);
    }
    return result;
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const HttpHeader header : *this) {
        if (namesEqual(header.name, name))
            return true;
    }
    return false;
}

qsizetype HttpHeaders::removeAll(QByteArrayView name)
{
    // The removed fields' bytes stay in the storage until clear(): a head is short-lived.
    const char* bytes = m_bytes.constData();
    return m_fields.removeIf(
        [&](const Field& field) { return namesEqual(QByteArrayView(bytes + field.at, field.nameSize), name); });
}

void HttpHeaders::set(QByteArrayView name, QByteArrayView value)
{
    for (qsizetype i = 0; i < size(); ++i) {
        if (!namesEqual(at(i).name, name))
            continue;
        // Keep the first field's position so that a rewritten message keeps its field order.
        const Field field = store(name, value);
        for (qsizetype j = size() - 1; j > i; --j) {
            if (namesEqual(at(j).name, name))
                m_fields.removeAt(j);
        }
        m_fields[i] = field;
        return;
    }
    append(name, value);
}

void HttpHeaders::clear()
{
    m_bytes.resize(0);
    m_fields.clear();
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const
{
    const QByteArrayView wanted = trimmedOws(token);
    if (wanted.isEmpty())
        return false;
    for (const HttpHeader header : *this) {
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

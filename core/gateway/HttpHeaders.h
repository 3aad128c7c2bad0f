#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QVarLengthArray>

namespace gatehouse::gateway {

// One header field as it arrived: raw bytes, name case preserved, value without surrounding whitespace.
// A view into the HttpHeaders that holds it: valid while that is alive and unchanged.
struct HttpHeader
{
    QByteArrayView name;
    QByteArrayView value;
};

// The header fields of one HTTP message, in arrival order (the proxy forwards them in that order).
// Names compare case-insensitively in ASCII, as RFC 9110 5.1 requires; values are never interpreted
// beyond hasToken(). A plain list beats a hash here: a message carries a dozen fields or so.
//
// All names and values live in one byte array, the fields are offsets into it: a message's head costs two
// allocations instead of two per field, and none at all when the parser reuses the storage for the next
// message (clear() keeps it). Copies share the bytes until either side changes.
class HttpHeaders
{
public:
    class const_iterator
    {
    public:
        HttpHeader operator*() const { return m_headers->at(m_index); }
        const_iterator& operator++()
        {
            ++m_index;
            return *this;
        }
        bool operator==(const const_iterator& other) const { return m_index == other.m_index; }
        bool operator!=(const const_iterator& other) const { return m_index != other.m_index; }

    private:
        friend class HttpHeaders;
        const_iterator(const HttpHeaders* headers, qsizetype index)
            : m_headers(headers)
            , m_index(index)
        { }
        const HttpHeaders* m_headers;
        qsizetype m_index;
    };

    void append(QByteArrayView name, QByteArrayView value);
    QByteArray value(QByteArrayView name) const; // first match or empty
    QList<QByteArray> values(QByteArrayView name) const;
    // The same as views into this object (valid while it is alive and unchanged), with no allocation for the
    // usual one or two: for the request path, which asks for every request's Authorization fields.
    QVarLengthArray<QByteArrayView, 2> valueViews(QByteArrayView name) const;
    bool contains(QByteArrayView name) const;
    qsizetype removeAll(QByteArrayView name); // returns count removed
    void set(QByteArrayView name, QByteArrayView value); // replaces all with one, at the first one's place

    HttpHeader at(qsizetype index) const
    {
        const Field& field = m_fields.at(index);
        const char* bytes = m_bytes.constData() + field.at;
        return {QByteArrayView(bytes, field.nameSize), QByteArrayView(bytes + field.nameSize, field.valueSize)};
    }
    HttpHeader last() const { return at(size() - 1); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    // The fields in order: `for (const HttpHeader& header : headers.all())`.
    const HttpHeaders& all() const { return *this; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    void reserve(qsizetype count) { m_fields.reserve(count); }
    // Removes every field but keeps the storage (unless it is shared), for the next message.
    void clear();
    // Bytes of storage held, for a caller that keeps one HttpHeaders across messages and bounds its memory.
    qsizetype capacityBytes() const { return m_bytes.capacity(); }

    // True if a comma-separated header (e.g. Connection) contains the token, case-insensitive.
    // Every field with that name counts, as if they were joined with commas (RFC 9110 5.3).
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

    // ASCII case-insensitive equality, the rule for field names and most tokens. Inline, because the proxy
    // compares every field name with a dozen others per message and nearly all differ in length.
    static bool namesEqual(QByteArrayView a, QByteArrayView b)
    {
        return a.size() == b.size() && sameLengthNamesEqual(a.data(), b.data(), a.size());
    }

private:
    // A field's name starts at `at` in m_bytes, its value follows it.
    struct Field
    {
        qsizetype at;
        qsizetype nameSize;
        qsizetype valueSize;
    };

    static bool sameLengthNamesEqual(const char* a, const char* b, qsizetype size);
    Field store(QByteArrayView name, QByteArrayView value);

    QByteArray m_bytes;
    QList<Field> m_fields;
};

} // namespace gatehouse::gateway

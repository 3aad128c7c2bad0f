#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace gatehouse::gateway {

// One header field as it arrived: raw bytes, name case preserved, value without surrounding whitespace.
struct HttpHeader
{
    QByteArray name;
    QByteArray value;
};

// The header fields of one HTTP message, in arrival order (the proxy forwards them in that order).
// Names compare case-insensitively in ASCII, as RFC 9110 5.1 requires; values are never interpreted
// beyond hasToken(). A plain list beats a hash here: a message carries a dozen fields or so.
class HttpHeaders
{
public:
    void append(QByteArray name, QByteArray value);
    QByteArray value(QByteArrayView name) const; // first match or empty
    QList<QByteArray> values(QByteArrayView name) const;
    bool contains(QByteArrayView name) const;
    qsizetype removeAll(QByteArrayView name); // returns count removed
    void set(QByteArray name, QByteArray value); // replaces all with one, at the first one's place
    const QList<HttpHeader>& all() const { return m_headers; }
    qsizetype size() const { return m_headers.size(); }
    bool isEmpty() const { return m_headers.isEmpty(); }
    void reserve(qsizetype count) { m_headers.reserve(count); }
    void clear() { m_headers.clear(); }

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
    static bool sameLengthNamesEqual(const char* a, const char* b, qsizetype size);

    QList<HttpHeader> m_headers;
};

} // namespace gatehouse::gateway

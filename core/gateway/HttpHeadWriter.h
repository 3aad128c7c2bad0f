#pragma once

#include "core/gateway/HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>

namespace gatehouse::gateway {

// Appends an HTTP head (start line, "Name: value" fields, the blank line) to a buffer, every part copied
// once with memcpy. The proxy builds two heads per request; QStringBuilder copies byte by byte and
// QByteArray::number allocates, and those heads were a visible part of the gateway's per-request cost.
//
// The buffer is sized ahead (by `expectedBytes`, growing when a part does not fit) and written through a
// pointer; finish() (or the destructor) trims it to what was written. Until then the buffer must not be
// used by anyone else.
class HttpHeadWriter
{
public:
    // Appends after what `out` already holds.
    explicit HttpHeadWriter(QByteArray& out, qsizetype expectedBytes = 512);
    ~HttpHeadWriter() { finish(); }
    HttpHeadWriter(const HttpHeadWriter&) = delete;
    HttpHeadWriter& operator=(const HttpHeadWriter&) = delete;

    HttpHeadWriter& append(QByteArrayView bytes)
    {
        const qsizetype size = bytes.size();
        if (m_end - m_at < size)
            grow(size);
        if (size > 0) // memcpy from a null view's pointer is undefined even for no bytes
            std::memcpy(m_at, bytes.data(), size_t(size));
        m_at += size;
        return *this;
    }
    HttpHeadWriter& append(char c)
    {
        if (m_at == m_end)
            grow(1);
        *m_at++ = c;
        return *this;
    }
    // In decimal, without an allocation.
    HttpHeadWriter& appendNumber(qint64 number);
    // "name: value\r\n". This is the one place that writes header fields, so that no byte a client chose can
    // split a head: a name that is not an RFC 9110 token, or a value with CR, LF or NUL, is refused (not
    // written, and counted in refusedFields()), whatever the caller passed.
    HttpHeadWriter& field(QByteArrayView name, QByteArrayView value)
    {
        if (!isFieldName(name) || !isFieldValue(value)) {
            ++m_refusedFields;
            return *this;
        }
        return append(name).append(": ").append(value).append("\r\n");
    }
    // The same for a name written in the source ("X-Request-Id"): only its value needs a look. (A string literal
    // binds here rather than to QByteArrayView, and its terminating NUL is not part of the name.)
    template <qsizetype N>
    HttpHeadWriter& field(const char (&name)[N], QByteArrayView value)
    {
        if (!isFieldValue(value)) {
            ++m_refusedFields;
            return *this;
        }
        return append(QByteArrayView(name, N - 1)).append(": ").append(value).append("\r\n");
    }
    // A field as HttpParser delivered it, forwarded: written without a second look, because the parser never
    // delivers a head whose names are not tokens or whose values hold CR, LF, NUL or another control character
    // (TestHttpRequestParser, TestHttpResponseParser and the parsers' fuzz targets hold it to that). Only the parser
    // fills HttpHeaders; the gateway's own fields and anything built from a client's bytes go through field() above.
    HttpHeadWriter& field(const HttpHeader& parsed)
    {
        return append(parsed.name).append(": ").append(parsed.value).append("\r\n");
    }
    HttpHeadWriter& field(QByteArrayView name, qint64 number)
    {
        return append(name).append(": ").appendNumber(number).append("\r\n");
    }
    // How many fields field() refused.
    int refusedFields() const { return m_refusedFields; }
    // A field name: one or more RFC 9110 token characters.
    static bool isFieldName(QByteArrayView name);
    // A field value that cannot end the field early: no CR, LF or NUL.
    static bool isFieldValue(QByteArrayView value)
    {
        // Eight bytes at a time: a word has a zero byte iff (w - 0x01...) & ~w & 0x80... is not zero; CR and LF
        // are zero bytes of w XOR a word of them. Values are checked on every request, most of them short.
        constexpr quint64 kOnes = 0x0101010101010101ull;
        constexpr quint64 kHighs = 0x8080808080808080ull;
        const auto hasZeroByte = [](quint64 word) { return (word - kOnes) & ~word & kHighs; };
        const char* at = value.data();
        qsizetype left = value.size();
        for (; left >= 8; at += 8, left -= 8) {
            quint64 word;
            std::memcpy(&word, at, 8);
            if (hasZeroByte(word) | hasZeroByte(word ^ (kOnes * '\r')) | hasZeroByte(word ^ (kOnes * '\n')))
                return false;
        }
        for (; left > 0; ++at, --left) {
            if (*at == '\r' || *at == '\n' || *at == '\0')
                return false;
        }
        return true;
    }

    // The blank line that ends the head.
    HttpHeadWriter& end() { return append("\r\n"); }

    // Trims the buffer to what was written; further appends are not allowed. Called by the destructor too.
    void finish();

private:
    void grow(qsizetype needed);

    QByteArray* m_out;
    char* m_begin = nullptr; // m_out's data; m_at and m_end point into it
    char* m_at = nullptr;
    char* m_end = nullptr;
    int m_refusedFields = 0;
};

} // namespace gatehouse::gateway

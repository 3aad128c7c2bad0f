#pragma once

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
        for (char c : value) {
            if (c == '\r' || c == '\n' || c == '\0')
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

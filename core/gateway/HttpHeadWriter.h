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
    // "name: value\r\n". Names and values are written as they are: the caller passes what was parsed
    // (which holds no CR or LF) or its own constants.
    HttpHeadWriter& field(QByteArrayView name, QByteArrayView value)
    {
        return append(name).append(": ").append(value).append("\r\n");
    }
    HttpHeadWriter& field(QByteArrayView name, qint64 number)
    {
        return append(name).append(": ").appendNumber(number).append("\r\n");
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
};

} // namespace gatehouse::gateway

#include "core/gateway/HttpHeadWriter.h"

#include "core/common/AsciiTable.h"

#include <array>
#include <charconv>

namespace gatehouse::gateway {

namespace {

// RFC 9110 section 5.6.2: tchar.
constexpr std::array<bool, 256> kTokenChar = asciiAlphanumericsAnd("!#$%&'*+-.^_`|~");

} // namespace

bool HttpHeadWriter::isFieldName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        if (!kTokenChar[static_cast<unsigned char>(c)])
            return false;
    }
    return true;
}

HttpHeadWriter::HttpHeadWriter(QByteArray& out, qsizetype expectedBytes)
    : m_out(&out)
{
    const qsizetype written = out.size();
    // resize() keeps the capacity a reused buffer already has, so a per-connection buffer allocates once.
    out.resize(written + qMax<qsizetype>(expectedBytes, 64));
    m_begin = out.data();
    m_at = m_begin + written;
    m_end = m_begin + out.size();
}

HttpHeadWriter& HttpHeadWriter::appendNumber(qint64 number)
{
    char digits[24]; // 20 digits and a sign at most
    const std::to_chars_result result = std::to_chars(digits, digits + sizeof digits, number);
    return append(QByteArrayView(digits, result.ptr - digits));
}

void HttpHeadWriter::grow(qsizetype needed)
{
    const qsizetype written = m_at - m_begin;
    const qsizetype size = m_end - m_begin;
    m_out->resize(qMax(size * 2, written + needed));
    m_begin = m_out->data();
    m_at = m_begin + written;
    m_end = m_begin + m_out->size();
}

void HttpHeadWriter::finish()
{
    if (!m_out)
        return;
    m_out->truncate(m_at - m_begin);
    m_out = nullptr;
}

} // namespace gatehouse::gateway

#include "core/tokens/Base62.h"

#include <QVarLengthArray>

#include <array>

#include <openssl/crypto.h>

namespace gatehouse::tokens {

bool encodeBase62(QByteArrayView bigEndianBytes, std::span<char> out)
{
    if (out.empty())
        return false;
    // Long division of the whole number by 62, one digit per pass, least significant first.
    // Quadratic, but tokens are 32 bytes; the copy may hold a secret, hence the wipe below.
    QVarLengthArray<quint8, 64> number(bigEndianBytes.size());
    for (qsizetype i = 0; i < bigEndianBytes.size(); ++i)
        number[i] = quint8(bigEndianBytes[i]);

    qsizetype first = 0; // index of the first non-zero byte: the divisions shrink the number
    for (size_t pos = out.size(); pos-- > 0;) {
        while (first < number.size() && number[first] == 0)
            ++first;
        quint32 remainder = 0;
        for (qsizetype i = first; i < number.size(); ++i) {
            const quint32 value = (remainder << 8) | number[i];
            number[i] = quint8(value / 62);
            remainder = value % 62;
        }
        out[pos] = kBase62Alphabet[remainder];
    }
    while (first < number.size() && number[first] == 0)
        ++first;
    const bool fits = first == number.size();
    if (!number.isEmpty())
        OPENSSL_cleanse(number.data(), size_t(number.size()));
    return fits;
}

QByteArray encodeBase62(QByteArrayView bigEndianBytes, int width)
{
    if (width < 1)
        return {};
    QByteArray text(width, '0');
    if (!encodeBase62(bigEndianBytes, std::span<char>(text.data(), size_t(width))))
        return {};
    return text;
}

std::optional<QByteArray> decodeBase62(QByteArrayView text, int byteCount)
{
    if (text.isEmpty() || byteCount < 0)
        return std::nullopt;
    QByteArray bytes(byteCount, '\0');
    // Multiply-accumulate, most significant digit first; a carry out of the top byte is overflow.
    for (const char c : text) {
        const int digit = base62Digit(c);
        if (digit < 0)
            return std::nullopt;
        quint32 carry = quint32(digit);
        for (qsizetype i = byteCount - 1; i >= 0; --i) {
            const quint32 value = quint32(quint8(bytes[i])) * 62 + carry;
            bytes[i] = char(value & 0xFFu);
            carry = value >> 8;
        }
        if (carry != 0)
            return std::nullopt;
    }
    return bytes;
}

namespace {

// base62Digit(c) >= 0 as a table: the gateway checks every byte of every request's token.
constexpr std::array<bool, 256> kIsBase62 = [] {
    std::array<bool, 256> table {};
    for (int c = 0; c < 256; ++c)
        table[size_t(c)] = base62Digit(char(c)) >= 0;
    return table;
}();

} // namespace

bool isBase62(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!kIsBase62[static_cast<unsigned char>(c)])
            return false;
    }
    return true;
}

} // namespace gatehouse::tokens

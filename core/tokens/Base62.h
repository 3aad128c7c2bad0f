#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <span>
#include <string_view>

namespace gatehouse::tokens {

// Base62 (0-9, A-Z, a-z): a big-endian byte string read as one unsigned number and written in
// fixed width. No punctuation, so a token survives double-click selection, URLs and shells.
inline constexpr std::string_view kBase62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// The digit value of `c` (0..61), or -1 when it is not in the alphabet.
constexpr int base62Digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 36;
    return -1;
}

// `width` characters, left-padded with '0'. Empty when width < 1 or the number needs more digits.
QByteArray encodeBase62(QByteArrayView bigEndianBytes, int width);
// The same into caller-owned memory (all of `out` is written), so a secret never passes through a
// heap buffer that is freed unwiped. False when the number does not fit in out.size() digits.
bool encodeBase62(QByteArrayView bigEndianBytes, std::span<char> out);

// The number as exactly `byteCount` big-endian bytes. Nothing when `text` is empty, holds a
// character outside the alphabet, or is too large for byteCount bytes.
std::optional<QByteArray> decodeBase62(QByteArrayView text, int byteCount);

// Whether `text` is non-empty and every character is in the alphabet.
bool isBase62(QByteArrayView text);

} // namespace gatehouse::tokens

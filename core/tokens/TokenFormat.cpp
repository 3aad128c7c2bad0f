#include "core/tokens/TokenFormat.h"

#include "core/tokens/Base62.h"
#include "core/tokens/Crc32.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <span>
#include <utility>

namespace gatehouse::tokens {

namespace {

// 62^6 > 2^32 and 62^43 > 2^256: the widths hold any checksum and any 32 random bytes.
static_assert(TokenFormat::kChecksumLength == 6 && TokenFormat::kBodyLength == 43);

void writeChecksum(QByteArrayView checked, char* out)
{
    quint32 value = crc32(checked);
    for (qsizetype pos = TokenFormat::kChecksumLength; pos-- > 0;) {
        out[pos] = kBase62Alphabet[value % 62];
        value /= 62;
    }
}

} // namespace

SecretBytes TokenFormat::mint()
{
    std::array<unsigned char, kRandomBytes> random {};
    if (RAND_bytes(random.data(), int(random.size())) != 1)
        qFatal("RAND_bytes failed: cannot mint a token without a working random generator");

    // Sized once and written in place: a growing buffer would leave copies of the secret behind.
    QByteArray token(kLength, '\0');
    char* out = token.data();
    std::copy(prefix().begin(), prefix().end(), out);
    const bool fits = encodeBase62(
        QByteArrayView(random.data(), kRandomBytes), std::span<char>(out + kPrefixLength, size_t(kBodyLength)));
    OPENSSL_cleanse(random.data(), random.size());
    Q_ASSERT(fits);
    Q_UNUSED(fits);
    writeChecksum(QByteArrayView(out, kPrefixLength + kBodyLength), out + kPrefixLength + kBodyLength);
    return SecretBytes(std::move(token));
}

TokenFormat::Defect TokenFormat::check(QByteArrayView token)
{
    if (token.isEmpty())
        return Defect::Empty;
    if (!token.startsWith(prefix()))
        return Defect::WrongPrefix;
    if (token.size() != kLength)
        return Defect::WrongLength;
    if (!isBase62(token.sliced(kPrefixLength)))
        return Defect::BadAlphabet;
    // Compare the checksum as text: encoding is a bijection on 6 digits, so equal text means an
    // equal CRC, and a changed checksum digit can never match.
    std::array<char, kChecksumLength> expected {};
    writeChecksum(token.first(kPrefixLength + kBodyLength), expected.data());
    if (QByteArrayView(expected.data(), kChecksumLength) != token.sliced(kPrefixLength + kBodyLength))
        return Defect::BadChecksum;
    return Defect::None;
}

QString TokenFormat::describe(Defect defect)
{
    switch (defect) {
    case Defect::None:
        return QStringLiteral("the token is well formed");
    case Defect::Empty:
        return QStringLiteral("the token is empty");
    case Defect::WrongPrefix:
        return QStringLiteral("the token does not start with gth_");
    case Defect::WrongLength:
        return QStringLiteral("the token is not 53 characters long");
    case Defect::BadAlphabet:
        return QStringLiteral("the token contains characters other than letters and digits");
    case Defect::BadChecksum:
        return QStringLiteral("the token's checksum does not match");
    }
    Q_UNREACHABLE();
    return {};
}

QString TokenFormat::hint(QByteArrayView token)
{
    return QString::fromLatin1(token.last(qMin(kHintLength, token.size())));
}

qsizetype TokenFormat::findLeaked(QByteArrayView text, qsizetype from, qsizetype* length)
{
    const auto lower = [](char c) { return char(c | 0x20); };
    const auto alphanumeric
        = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const qsizetype size = text.size();
    for (qsizetype at = qMax<qsizetype>(from, 0); at + 4 <= size; ++at) {
        if (lower(text[at]) != 'g' || lower(text[at + 1]) != 't' || lower(text[at + 2]) != 'h')
            continue;
        if (at > 0 && alphanumeric(text[at - 1]))
            continue; // inside a word: "strength_"
        qsizetype body = at + 3;
        if (text[body] == '_')
            body += 1;
        else if (body + 3 <= size && text[body] == '%' && text[body + 1] == '5' && lower(text[body + 2]) == 'f')
            body += 3;
        else
            continue;
        qsizetype end = body;
        while (end < size && alphanumeric(text[end]))
            ++end;
        if (end - body < kLeakedBodyLength)
            continue;
        if (length)
            *length = end - at;
        return at;
    }
    return -1;
}

} // namespace gatehouse::tokens

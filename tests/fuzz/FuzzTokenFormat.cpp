// The bearer token format on arbitrary bytes: check() on the raw input; and a token built from the input's first
// 32 bytes (base62 body, CRC-32 checksum) must pass check(), decode back to those bytes, and fail with
// BadChecksum once any one character after the prefix is changed.
#include "core/tokens/Base62.h"
#include "core/tokens/Crc32.h"
#include "core/tokens/TokenFormat.h"
#include "tests/fuzz/FuzzInput.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace gatehouse::tokens;
using gatehouse::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    const TokenFormat::Defect defect = TokenFormat::check(input);
    require(!TokenFormat::describe(defect).isEmpty(), "every defect is described");
    if (defect == TokenFormat::Defect::None) {
        require(input.size() == TokenFormat::kLength && input.startsWith(TokenFormat::prefix()), "a token's shape");
        require(TokenFormat::hint(input).size() == TokenFormat::kHintLength, "a token's hint");
    }
    (void)decodeBase62(input, int(qMin<qsizetype>(input.size(), 64)));

    QByteArray random = input.first(qMin<qsizetype>(input.size(), TokenFormat::kRandomBytes)).toByteArray();
    random.resize(TokenFormat::kRandomBytes, '\0');
    QByteArray token = TokenFormat::prefix().toByteArray() + encodeBase62(random, int(TokenFormat::kBodyLength));
    quint32 crc = crc32(token);
    QByteArray checksum(TokenFormat::kChecksumLength, '0');
    for (qsizetype pos = TokenFormat::kChecksumLength; pos-- > 0; crc /= 62)
        checksum[pos] = kBase62Alphabet[crc % 62];
    token += checksum;
    require(TokenFormat::check(token) == TokenFormat::Defect::None, "a built token is well formed");
    const auto decoded
        = decodeBase62(QByteArrayView(token).sliced(TokenFormat::kPrefixLength, TokenFormat::kBodyLength),
            int(TokenFormat::kRandomBytes));
    require(decoded.has_value() && *decoded == random, "the body decodes to the random bytes");

    const qsizetype at = TokenFormat::kPrefixLength
        + qsizetype(size % size_t(TokenFormat::kBodyLength + TokenFormat::kChecksumLength));
    const int digit = base62Digit(token[at]);
    token[at] = kBase62Alphabet[size_t((digit + 1 + int(size % 61)) % 62)];
    require(TokenFormat::check(token) == TokenFormat::Defect::BadChecksum, "one changed character is caught");
    return 0;
}

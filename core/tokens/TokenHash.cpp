#include "core/tokens/TokenHash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace gatehouse::tokens {

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(kSha256Length, '\0');
    unsigned int length = 0;
    // EVP_Digest fails only when OpenSSL itself is broken (no default provider); carrying on
    // would store or compare an all-zero digest, so stop instead.
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char*>(digest.data()), &length,
            EVP_sha256(), nullptr)
            != 1
        || length != kSha256Length)
        qFatal("EVP_Digest(SHA-256) failed");
    return digest;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The sizes are public (a digest is always 32 bytes), so comparing them first leaks nothing.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace gatehouse::tokens

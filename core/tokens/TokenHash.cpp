#include "core/tokens/TokenHash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

namespace gatehouse::tokens {

namespace {

// OpenSSL 3 looks a digest up in its provider store (under a lock) on every EVP_sha256() use;
// the gateway hashes once per request, so the implementation is fetched once and each thread
// keeps its own context.
const EVP_MD* sha256Method()
{
    static EVP_MD* method = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return method;
}

struct ContextDeleter
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

} // namespace

Sha256Digest sha256Digest(QByteArrayView data)
{
    thread_local std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
    Sha256Digest digest;
    unsigned int length = 0;
    // Failure means OpenSSL itself is broken (no default provider); carrying on would store or
    // compare an all-zero digest, so stop instead.
    const EVP_MD* method = sha256Method();
    if (!context || !method || EVP_DigestInit_ex2(context.get(), method, nullptr) != 1
        || EVP_DigestUpdate(context.get(), data.data(), size_t(data.size())) != 1
        || EVP_DigestFinal_ex(context.get(), reinterpret_cast<unsigned char*>(digest.data()), &length) != 1
        || length != kSha256Length)
        qFatal("SHA-256 failed");
    return digest;
}

QByteArray sha256(QByteArrayView data)
{
    return view(sha256Digest(data)).toByteArray();
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

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>

namespace gatehouse::tokens {

inline constexpr qsizetype kSha256Length = 32;

// SHA-256 of `data` as 32 raw bytes. Tokens are stored only as this digest: the tokens carry 256
// random bits, so a fast unsalted hash is enough, and the gateway can index by it.
QByteArray sha256(QByteArrayView data);

// The same digest without allocating, for the gateway's per-request check.
using Sha256Digest = std::array<char, kSha256Length>;
Sha256Digest sha256Digest(QByteArrayView data);
inline QByteArrayView view(const Sha256Digest& digest)
{
    return QByteArrayView(digest.data(), kSha256Length);
}

// Equal sizes and equal bytes, in time that does not depend on where they first differ, so that
// a timing side channel cannot reveal a stored digest byte by byte.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace gatehouse::tokens

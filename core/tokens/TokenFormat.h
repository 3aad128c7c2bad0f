#pragma once

#include "core/common/SecretBytes.h"

#include <QByteArrayView>
#include <QString>

namespace gatehouse::tokens {

// The bearer token's text: "gth_", 32 random bytes in base62 (43 characters), then the CRC-32 of
// everything before it in base62 (6 characters). The prefix lets secret scanners find leaked
// tokens; the checksum lets the gateway turn a mistyped token away without hashing or a lookup.
class TokenFormat
{
public:
    static constexpr qsizetype kPrefixLength = 4;
    static constexpr qsizetype kRandomBytes = 32;
    static constexpr qsizetype kLength = 53;
    static constexpr qsizetype kBodyLength = 43;
    static constexpr qsizetype kChecksumLength = 6;
    static constexpr qsizetype kHintLength = 4;
    static_assert(kPrefixLength + kBodyLength + kChecksumLength == kLength);

    static QByteArrayView prefix() { return QByteArrayView("gth_", kPrefixLength); }

    // Why a text is not a token, in the order check() tests them.
    enum class Defect { None, Empty, WrongPrefix, WrongLength, BadAlphabet, BadChecksum };

    // A new token from OpenSSL's CSPRNG. Aborts (qFatal) only if RAND_bytes fails: there is no
    // safe fallback for a generator that cannot produce randomness.
    static SecretBytes mint();
    // Whether `token` is well formed. Pure and allocation-free: the gateway runs it per request.
    static Defect check(QByteArrayView token);
    // A short English reason for an RFC 6750 error_description (no quotes, safe in a header).
    static QString describe(Defect defect);
    // The last kHintLength characters, kept at rest so an admin can recognise a token.
    static QString hint(QByteArrayView token);

    // Where `text` holds what looks like a token, for the places that must never pass one on (headers to upstreams,
    // URLs, answers, logs): "gth_" in any letter case (its underscore also percent-encoded, as in a URL), not inside
    // a word, followed by at least kLeakedBodyLength base62 characters. Looser than check(), so that a token in
    // another letter case, or cut short, still counts; "strength_min" does not. The first match at or after `from`:
    // its position, and its length in `length`; -1 when there is none.
    static constexpr qsizetype kLeakedBodyLength = 16;
    static qsizetype findLeaked(QByteArrayView text, qsizetype from = 0, qsizetype* length = nullptr);
    static bool holdsLeaked(QByteArrayView text) { return findLeaked(text) >= 0; }
};

} // namespace gatehouse::tokens

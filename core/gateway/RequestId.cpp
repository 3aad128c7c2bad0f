#include "core/gateway/RequestId.h"

#include <QRandomGenerator>

namespace gatehouse::gateway {

namespace {

// SplitMix64's step: a bijection of the counter.
quint64 splitMix64(quint64& state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

bool RequestId::isValid(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray RequestId::next(quint64& state)
{
    const quint64 words[2] = {splitMix64(state), splitMix64(state)};
    // Hex-encoded in place: what toHex() gives, without the intermediate array.
    static constexpr char kHexDigits[] = "0123456789abcdef";
    const auto* bytes = reinterpret_cast<const unsigned char*>(words);
    QByteArray id(2 * qsizetype(sizeof words), Qt::Uninitialized);
    char* out = id.data();
    for (size_t i = 0; i < sizeof words; ++i) {
        *out++ = kHexDigits[bytes[i] >> 4];
        *out++ = kHexDigits[bytes[i] & 0xf];
    }
    return id;
}

QByteArray RequestId::generate()
{
    thread_local quint64 state = QRandomGenerator::global()->generate64();
    return next(state);
}

} // namespace gatehouse::gateway

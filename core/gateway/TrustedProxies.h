#pragma once

#include "core/common/Result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringView>

namespace gatehouse::gateway {

// A network as QHostAddress::parseSubnet() gives it: the address with its host bits cleared, and the prefix length.
using Subnet = QPair<QHostAddress, int>;

// One `serve --trusted-proxy` value: "10.0.0.0/8", "2001:db8::/32", or a bare address, which means that one host
// (/32 or /128). Unlike parseSubnet(), a shortened IPv4 address ("10", "10.1") is refused rather than read as a
// network: an admin who typed it most likely meant something else. The error names the value.
Result<Subnet> parseTrustedProxy(QStringView text);

// Whether `peer` lies in one of `proxies`. A peer that a dual-stack socket reports as an IPv4-mapped IPv6 address
// (::ffff:10.0.0.1) matches the IPv4 networks its IPv4 address lies in, and an IPv4 peer matches IPv4-mapped IPv6
// networks. No other IPv6 form counts as IPv4 (::1 is not 127.0.0.1, ::10.0.0.1 is not 10.0.0.1): trust is never
// widened by a conversion the admin did not write.
bool isTrustedProxy(const QList<Subnet>& proxies, const QHostAddress& peer);

} // namespace gatehouse::gateway

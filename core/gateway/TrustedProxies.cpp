#include "core/gateway/TrustedProxies.h"

#include <algorithm>
#include <optional>

namespace gatehouse::gateway {

namespace {

// The other spelling of an address that is both IPv4 and IPv4-mapped IPv6; none for any other address.
std::optional<QHostAddress> otherForm(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        Q_IPV6ADDR mapped {};
        mapped[10] = 0xff;
        mapped[11] = 0xff;
        mapped[12] = quint8(v4 >> 24);
        mapped[13] = quint8(v4 >> 16);
        mapped[14] = quint8(v4 >> 8);
        mapped[15] = quint8(v4);
        return QHostAddress(mapped);
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    // By hand rather than toIPv4Address(&ok), which also converts ::1 and IPv4-compatible addresses.
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 0; i < 10; ++i) {
        if (v6[i] != 0)
            return std::nullopt;
    }
    if (v6[10] != 0xff || v6[11] != 0xff)
        return std::nullopt;
    return QHostAddress((quint32(v6[12]) << 24) | (quint32(v6[13]) << 16) | (quint32(v6[14]) << 8) | quint32(v6[15]));
}

} // namespace

Result<Subnet> parseTrustedProxy(QStringView text)
{
    const QString value = text.trimmed().toString();
    auto refuse = [&text] {
        return Error::invalid(QStringLiteral("trusted-proxy"),
            QStringLiteral("\"%1\" is not an address or a network (use 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32)")
                .arg(text));
    };
    const qsizetype slash = value.indexOf(u'/');
    const QString host = slash < 0 ? value : value.left(slash);
    // The address must be whole whatever the prefix; the prefix must be a number of bits, not a dotted mask.
    QHostAddress address;
    if (host.contains(u'%') || !address.setAddress(host))
        return refuse();
    // Qt also reads inet_aton's forms ("10.1", "0x0a.0.0.1", "010.0.0.1"): only the dotted quad as it prints it.
    if (address.protocol() == QAbstractSocket::IPv4Protocol && address.toString() != host)
        return refuse();
    if (slash >= 0) {
        const QString bits = value.mid(slash + 1);
        if (bits.isEmpty() || bits.size() > 3
            || !std::all_of(bits.cbegin(), bits.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return refuse();
    }
    const Subnet subnet = QHostAddress::parseSubnet(
        slash < 0 ? host + (address.protocol() == QAbstractSocket::IPv4Protocol ? u"/32" : u"/128") : value);
    if (subnet.second < 0 || subnet.first.isNull())
        return refuse();
    return subnet;
}

bool isTrustedProxy(const QList<Subnet>& proxies, const QHostAddress& peer)
{
    if (proxies.isEmpty() || peer.isNull())
        return false;
    const std::optional<QHostAddress> other = otherForm(peer);
    for (const Subnet& subnet : proxies) {
        if (peer.isInSubnet(subnet.first, subnet.second) || (other && other->isInSubnet(subnet.first, subnet.second)))
            return true;
    }
    return false;
}

} // namespace gatehouse::gateway

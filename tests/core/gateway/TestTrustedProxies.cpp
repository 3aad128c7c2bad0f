#include "core/gateway/TrustedProxies.h"

#include "core/gateway/EngineConfig.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::gateway;

namespace {

QList<Subnet> subnets(const QStringList& values)
{
    QList<Subnet> parsed;
    for (const QString& value : values) {
        const auto subnet = parseTrustedProxy(value);
        if (!subnet)
            qFatal("%s", qPrintable(subnet.error().toString()));
        parsed.append(*subnet);
    }
    return parsed;
}

bool trusted(const QStringList& proxies, const char* peer)
{
    return isTrustedProxy(subnets(proxies), QHostAddress(QString::fromLatin1(peer)));
}

} // namespace

class TestTrustedProxies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBareAddressIsOneHost()
    {
        const auto v4 = parseTrustedProxy(u"192.0.2.7");
        QVERIFY(v4);
        QCOMPARE(v4->first, QHostAddress(QStringLiteral("192.0.2.7")));
        QCOMPARE(v4->second, 32);
        const auto v6 = parseTrustedProxy(u"2001:db8::7");
        QVERIFY(v6);
        QCOMPARE(v6->first, QHostAddress(QStringLiteral("2001:db8::7")));
        QCOMPARE(v6->second, 128);
        QVERIFY(trusted({QStringLiteral("192.0.2.7")}, "192.0.2.7"));
        QVERIFY(!trusted({QStringLiteral("192.0.2.7")}, "192.0.2.8"));
        QVERIFY(trusted({QStringLiteral("2001:db8::7")}, "2001:db8::7"));
        QVERIFY(!trusted({QStringLiteral("2001:db8::7")}, "2001:db8::8"));
    }

    void networksMatchTheirAddressesOnly()
    {
        const QStringList proxies {QStringLiteral("10.0.0.0/8"), QStringLiteral("172.16.0.0/12"),
            QStringLiteral("2001:db8:1::/48"), QStringLiteral("192.0.2.9/32")};
        QVERIFY(trusted(proxies, "10.0.0.1"));
        QVERIFY(trusted(proxies, "10.255.255.255"));
        QVERIFY(!trusted(proxies, "11.0.0.1"));
        QVERIFY(trusted(proxies, "172.31.0.1"));
        QVERIFY(!trusted(proxies, "172.32.0.1"));
        QVERIFY(trusted(proxies, "2001:db8:1:ffff::1"));
        QVERIFY(!trusted(proxies, "2001:db8:2::1"));
        QVERIFY(trusted(proxies, "192.0.2.9"));
        QVERIFY(!trusted(proxies, "192.0.2.10"));
        QVERIFY(!trusted(proxies, "::1"));
        // Host bits in the value are cleared, as parseSubnet() does: 10.1.2.3/8 is 10.0.0.0/8.
        QVERIFY(trusted({QStringLiteral("10.1.2.3/8")}, "10.200.0.1"));
        // Nothing is trusted without a list, and a null peer never is.
        QVERIFY(!isTrustedProxy({}, QHostAddress(QStringLiteral("10.0.0.1"))));
        QVERIFY(!isTrustedProxy(subnets({QStringLiteral("0.0.0.0/0")}), QHostAddress()));
    }

    void slashZeroIsEveryAddressOfItsFamily()
    {
        QVERIFY(trusted({QStringLiteral("0.0.0.0/0")}, "203.0.113.1"));
        QVERIFY(trusted({QStringLiteral("0.0.0.0/0")}, "::ffff:203.0.113.1"));
        QVERIFY(!trusted({QStringLiteral("0.0.0.0/0")}, "2001:db8::1"));
        QVERIFY(trusted({QStringLiteral("::/0")}, "2001:db8::1"));
        // An IPv4 peer is ::ffff:203.0.113.1 to a dual-stack socket, which ::/0 covers: the same answer either way.
        QVERIFY(trusted({QStringLiteral("::/0")}, "203.0.113.1"));
    }

    // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d.
    void v4MappedPeersMatchIpv4Networks()
    {
        QVERIFY(trusted({QStringLiteral("10.0.0.0/8")}, "::ffff:10.1.2.3"));
        QVERIFY(!trusted({QStringLiteral("10.0.0.0/8")}, "::ffff:11.1.2.3"));
        QVERIFY(trusted({QStringLiteral("192.0.2.7")}, "::ffff:192.0.2.7"));
        QVERIFY(!trusted({QStringLiteral("192.0.2.7")}, "::ffff:192.0.2.8"));
        // A v4-mapped network matches the plain IPv4 peer too.
        QVERIFY(trusted({QStringLiteral("::ffff:10.0.0.0/104")}, "10.9.9.9"));
        QVERIFY(!trusted({QStringLiteral("::ffff:10.0.0.0/104")}, "11.9.9.9"));
        // Other IPv6 forms of IPv4 addresses are not converted: trust is never widened behind the admin's back.
        QVERIFY(!trusted({QStringLiteral("127.0.0.0/8")}, "::1"));
        QVERIFY(!trusted({QStringLiteral("10.0.0.0/8")}, "::10.1.2.3"));
        QVERIFY(!trusted({QStringLiteral("10.0.0.0/8")}, "64:ff9b::10.1.2.3"));
    }

    void theEngineConfigAsksItsList()
    {
        EngineConfig config;
        QVERIFY(!config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.1"))));
        config.trustedProxies = subnets({QStringLiteral("127.0.0.1"), QStringLiteral("::1")});
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(!config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.2"))));
    }

    void badValuesAreRefusedByName_data()
    {
        QTest::addColumn<QString>("value");
        for (const char* value : {"", "/", "/8", "10", "10.1", "10.0.0", "10.0.0.0.0", "010.0.0.1", "0x0a.0.0.1",
                 "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/255.0.0.0", "10.0.0.0/+8",
                 "2001:db8::/129", "2001:db8::/", "fe80::1%eth0", "gateway.example", "256.0.0.1", "10.0.0.0/ 8"})
            QTest::newRow(value) << QString::fromLatin1(value);
    }

    void badValuesAreRefusedByName()
    {
        QFETCH(QString, value);
        const auto parsed = parseTrustedProxy(value);
        QVERIFY2(!parsed,
            qPrintable(parsed ? QStringLiteral("accepted as %1/%2").arg(parsed->first.toString()).arg(parsed->second)
                              : QString()));
        QVERIFY(parsed.error().isUsageError());
        QCOMPARE(parsed.error().field, QStringLiteral("trusted-proxy"));
        QVERIFY(parsed.error().message.contains(u'"' + value + u'"'));
        QVERIFY(!parsed.error().toString().contains(u'\n'));
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "TestTrustedProxies.moc"

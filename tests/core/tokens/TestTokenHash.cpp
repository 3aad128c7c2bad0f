#include "core/tokens/TokenHash.h"

#include <QTest>

using namespace gatehouse::tokens;

class TestTokenHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hexDigest");
        // FIPS 180-2 examples.
        QTest::newRow("empty") << QByteArray()
                               << QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArrayLiteral("abc")
                             << QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArrayLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArrayLiteral(
                                           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    void sha256KnownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hexDigest);
        const QByteArray digest = sha256(input);
        QCOMPARE(digest.size(), kSha256Length);
        QCOMPARE(digest.toHex(), hexDigest);
        QCOMPARE(view(sha256Digest(input)).toByteArray().toHex(), hexDigest);
    }

    void sha256OfViewMatchesCopy()
    {
        const QByteArray token = QByteArrayLiteral("gth_prefix and more");
        QCOMPARE(sha256(QByteArrayView(token).first(4)), sha256(QByteArrayLiteral("gth_")));
        QVERIFY(sha256("a") != sha256("b"));
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        const QByteArray digest = sha256("token");
        QByteArray lastBitFlipped = digest;
        lastBitFlipped[31] = char(lastBitFlipped[31] ^ 0x01);
        QByteArray firstBitFlipped = digest;
        firstBitFlipped[0] = char(firstBitFlipped[0] ^ 0x80);
        QTest::newRow("same digest") << digest << QByteArray(digest) << true;
        QTest::newRow("last bit differs") << digest << lastBitFlipped << false;
        QTest::newRow("first bit differs") << digest << firstBitFlipped << false;
        QTest::newRow("prefix of the other") << digest.first(16) << digest << false;
        QTest::newRow("empty and non-empty") << QByteArray() << digest << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("embedded zero bytes") << QByteArrayLiteral("a\0b") << QByteArrayLiteral("a\0c") << false;
        QTest::newRow("same with zero bytes") << QByteArrayLiteral("a\0b") << QByteArrayLiteral("a\0b") << true;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(gatehouse::tokens::constantTimeEquals(a, b), equal);
        QCOMPARE(gatehouse::tokens::constantTimeEquals(b, a), equal);
    }
};

QTEST_GUILESS_MAIN(TestTokenHash)
#include "TestTokenHash.moc"

#include "core/tokens/TokenFormat.h"

#include "core/tokens/Base62.h"
#include "core/tokens/Crc32.h"

#include <QSet>
#include <QTest>

using namespace gatehouse::tokens;
using gatehouse::SecretBytes;
using Defect = TokenFormat::Defect;

Q_DECLARE_METATYPE(TokenFormat::Defect)

namespace {

// A well-formed token around any 43-character body: the checksum is computed here independently
// of TokenFormat, from the CRC-32 and base62 primitives.
QByteArray withChecksum(const QByteArray& body)
{
    const QByteArray checked = QByteArrayLiteral("gth_") + body;
    const quint32 crc = crc32(checked);
    const char bigEndian[4] = {char(crc >> 24), char(crc >> 16), char(crc >> 8), char(crc)};
    return checked + encodeBase62(QByteArrayView(bigEndian, 4), 6);
}

} // namespace

class TestTokenFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crc32KnownVectors()
    {
        QCOMPARE(crc32("123456789"), 0xCBF43926u);
        QCOMPARE(crc32(""), 0u);
        QCOMPARE(crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
    }

    void crc32MatchesTheBitwiseDefinitionAtEveryLengthAndAlignment()
    {
        // The table-driven code folds eight bytes at a time and the rest one at a time: every length around
        // those steps, starting at every offset within a word, against the polynomial division done bit by bit.
        const auto bitwise = [](QByteArrayView data) {
            quint32 crc = 0xFFFFFFFFu;
            for (const char c : data) {
                crc ^= quint8(c);
                for (int bit = 0; bit < 8; ++bit)
                    crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
            return crc ^ 0xFFFFFFFFu;
        };
        QByteArray bytes(80, Qt::Uninitialized);
        quint32 state = 12345;
        for (char& c : bytes) {
            state = state * 1103515245u + 12345u;
            c = char(state >> 24);
        }
        for (qsizetype offset = 0; offset < 8; ++offset) {
            for (qsizetype length = 0; offset + length <= bytes.size(); ++length) {
                const QByteArrayView data = QByteArrayView(bytes).sliced(offset, length);
                QCOMPARE(crc32(data), bitwise(data));
            }
        }
    }

    void base62Encodes()
    {
        QCOMPARE(encodeBase62(QByteArray(), 3), QByteArrayLiteral("000"));
        QCOMPARE(encodeBase62(QByteArray(1, '\x00'), 2), QByteArrayLiteral("00"));
        QCOMPARE(encodeBase62(QByteArray(1, '\x3D'), 2), QByteArrayLiteral("0z")); // 61
        QCOMPARE(encodeBase62(QByteArray(1, '\x3E'), 2), QByteArrayLiteral("10")); // 62
        QCOMPARE(encodeBase62(QByteArrayLiteral("\xFF\xFF\xFF\xFF"), 6), QByteArrayLiteral("4gfFC3"));
        QCOMPARE(encodeBase62(QByteArray(32, '\xFF'), 43).size(), 43);
        // Too large for the width, or no width at all: nothing rather than a truncated number.
        QCOMPARE(encodeBase62(QByteArray(1, '\x3E'), 1), QByteArray());
        QCOMPARE(encodeBase62(QByteArray(32, '\xFF'), 42), QByteArray());
        QCOMPARE(encodeBase62(QByteArray(1, '\x01'), 0), QByteArray());
    }

    void base62RoundTrips_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("width");
        QTest::newRow("zero") << QByteArray(32, '\0') << 43;
        QTest::newRow("all 0xFF") << QByteArray(32, '\xFF') << 43;
        QTest::newRow("leading zero bytes") << QByteArrayLiteral("\x00\x00\x00\x01\x02\x03") << 9;
        QTest::newRow("one") << QByteArrayLiteral("\x00\x00\x00\x01") << 6;
        QTest::newRow("crc max") << QByteArrayLiteral("\xFF\xFF\xFF\xFF") << 6;
        QTest::newRow("high bit only") << QByteArrayLiteral("\x80\x00\x00\x00\x00\x00\x00\x00") << 11;
        QByteArray counting(32, '\0');
        for (int i = 0; i < 32; ++i)
            counting[i] = char(i * 7 + 1);
        QTest::newRow("mixed") << counting << 43;
    }

    void base62RoundTrips()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, width);
        const QByteArray text = encodeBase62(bytes, width);
        QCOMPARE(text.size(), width);
        QVERIFY(isBase62(text));
        const auto decoded = decodeBase62(text, int(bytes.size()));
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, bytes);
    }

    void base62Rejects()
    {
        QVERIFY(!decodeBase62("", 4).has_value());
        QVERIFY(!decodeBase62("12-4", 4).has_value());
        QVERIFY(!decodeBase62("4gfFC4", 4).has_value()); // 2^32: one past four bytes
        QCOMPARE(*decodeBase62("4gfFC3", 4), QByteArrayLiteral("\xFF\xFF\xFF\xFF"));
        QVERIFY(!isBase62(""));
        QVERIFY(!isBase62("abc_"));
        QVERIFY(!isBase62("ab c"));
        QVERIFY(isBase62("09AZaz"));
    }

    void mintsWellFormedTokens()
    {
        const SecretBytes token = TokenFormat::mint();
        QCOMPARE(token.size(), TokenFormat::kLength);
        QVERIFY(token.view().startsWith("gth_"));
        QCOMPARE(TokenFormat::prefix(), QByteArrayView("gth_"));
        QVERIFY(isBase62(token.view().sliced(4)));
        QCOMPARE(TokenFormat::check(token.view()), Defect::None);
        QCOMPARE(token.toString().size(), 53);
        QCOMPARE(TokenFormat::hint(token.view()), token.toString().right(4));
        // The checksum is the CRC-32 of the prefix and body, as computed independently here.
        QCOMPARE(withChecksum(token.view().sliced(4, 43).toByteArray()), token.view().toByteArray());
    }

    void mintsDistinctTokens()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const SecretBytes token = TokenFormat::mint();
            QCOMPARE(TokenFormat::check(token.view()), Defect::None);
            seen.insert(token.view().toByteArray());
        }
        QCOMPARE(seen.size(), 1000);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<Defect>("defect");
        const QByteArray good = withChecksum(QByteArray(43, 'a'));
        QTest::newRow("valid") << good << Defect::None;
        QTest::newRow("empty") << QByteArray() << Defect::Empty;
        QTest::newRow("other prefix") << QByteArray(QByteArrayLiteral("ghp_") + good.sliced(4)) << Defect::WrongPrefix;
        QTest::newRow("upper-case prefix")
            << QByteArray(QByteArrayLiteral("GTH_") + good.sliced(4)) << Defect::WrongPrefix;
        QTest::newRow("no prefix") << good.sliced(4) << Defect::WrongPrefix;
        QTest::newRow("prefix cut short") << QByteArrayLiteral("gth") << Defect::WrongPrefix;
        QTest::newRow("prefix only") << QByteArrayLiteral("gth_") << Defect::WrongLength;
        QTest::newRow("one short") << good.chopped(1) << Defect::WrongLength;
        QTest::newRow("one long") << QByteArray(good + 'a') << Defect::WrongLength;
        QTest::newRow("trailing newline") << QByteArray(good + '\n') << Defect::WrongLength;
        QByteArray dash = good;
        dash[10] = '-';
        QTest::newRow("dash in body") << dash << Defect::BadAlphabet;
        QByteArray underscore = good;
        underscore[30] = '_';
        QTest::newRow("underscore in body") << underscore << Defect::BadAlphabet;
        QByteArray inChecksum = good;
        inChecksum[52] = '+';
        QTest::newRow("plus in checksum") << inChecksum << Defect::BadAlphabet;
        QByteArray high = good;
        high[20] = '\xC3';
        QTest::newRow("non-ASCII byte") << high << Defect::BadAlphabet;
        QByteArray checksum = good;
        checksum[52] = checksum[52] == 'x' ? 'y' : 'x';
        QTest::newRow("checksum digit changed") << checksum << Defect::BadChecksum;
        QByteArray body = good;
        body[4] = 'b';
        QTest::newRow("body changed") << body << Defect::BadChecksum;
        QByteArray swapped = good;
        std::swap(swapped[47], swapped[52]);
        if (swapped != good)
            QTest::newRow("checksum digits swapped") << swapped << Defect::BadChecksum;
    }

    void rejects()
    {
        QFETCH(QByteArray, token);
        QFETCH(Defect, defect);
        QCOMPARE(TokenFormat::check(token), defect);
        QVERIFY(!TokenFormat::describe(defect).isEmpty());
    }

    // The checksum's promise: every single-character change of a real token is turned away
    // without a lookup. Prefix changes fail on the prefix; body and checksum changes on the CRC.
    void rejectsEverySingleCharacterSubstitution()
    {
        const SecretBytes minted = TokenFormat::mint();
        const QByteArray token = minted.view().toByteArray();
        QByteArray mutated = token;
        int cases = 0;
        for (qsizetype pos = 0; pos < token.size(); ++pos) {
            const bool inPrefix = pos < TokenFormat::prefix().size();
            QByteArray replacements(kBase62Alphabet.data(), qsizetype(kBase62Alphabet.size()));
            if (inPrefix)
                replacements += "_-";
            for (const char c : std::as_const(replacements)) {
                if (c == token[pos])
                    continue;
                mutated[pos] = c;
                const Defect defect = TokenFormat::check(mutated);
                const Defect expected = inPrefix ? Defect::WrongPrefix : Defect::BadChecksum;
                if (defect != expected)
                    QFAIL(qPrintable(QStringLiteral("position %1 changed to '%2' gave defect %3")
                                         .arg(pos)
                                         .arg(QLatin1Char(c))
                                         .arg(int(defect))));
                ++cases;
            }
            mutated[pos] = token[pos];
        }
        QCOMPARE(mutated, token);
        QVERIFY(cases > 53 * 60);
    }

    void describesEveryDefect()
    {
        QCOMPARE(TokenFormat::describe(Defect::BadChecksum), QStringLiteral("the token's checksum does not match"));
        QSet<QString> texts;
        for (const Defect d : {Defect::None, Defect::Empty, Defect::WrongPrefix, Defect::WrongLength,
                 Defect::BadAlphabet, Defect::BadChecksum}) {
            const QString text = TokenFormat::describe(d);
            // It goes into a WWW-Authenticate error_description: no quote or backslash to escape.
            QVERIFY(!text.contains(u'"') && !text.contains(u'\\'));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), 6);
    }

    void hints()
    {
        QCOMPARE(TokenFormat::hint("gth_abcdefWXYZ"), QStringLiteral("WXYZ"));
        QCOMPARE(TokenFormat::hint("ab"), QStringLiteral("ab"));
        QCOMPARE(TokenFormat::hint(""), QString());
    }

    void secretBytesMovesAndClears()
    {
        SecretBytes a(QByteArrayLiteral("secret"));
        QCOMPARE(a.size(), 6);
        SecretBytes b(std::move(a));
        QVERIFY(a.isEmpty()); // the moved-from state is part of the contract
        QCOMPARE(b.view(), QByteArrayView("secret"));
        SecretBytes c(QByteArrayLiteral("other"));
        c = std::move(b);
        QCOMPARE(c.toString(), QStringLiteral("secret"));
        c.clear();
        QVERIFY(c.isEmpty());
        QCOMPARE(c.size(), 0);

        // A shared array is detached on the way in: wiping the secret leaves the caller's copy alone.
        const QByteArray shared = QByteArrayLiteral("shared");
        {
            SecretBytes copy {QByteArray(shared)};
            copy.clear();
        }
        QCOMPARE(shared, QByteArrayLiteral("shared"));
    }
};

QTEST_GUILESS_MAIN(TestTokenFormat)
#include "TestTokenFormat.moc"

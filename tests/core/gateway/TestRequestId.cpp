#include "core/gateway/RequestId.h"

#include <QSet>
#include <QTest>

using namespace gatehouse::gateway;

class TestRequestId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainShortIdsAreKept()
    {
        QVERIFY(RequestId::isValid("a"));
        QVERIFY(RequestId::isValid("trace-01_AZ.az:09"));
        QVERIFY(RequestId::isValid(QByteArray(128, 'x')));
    }

    void emptyLongOrUnusualIdsAreNot()
    {
        QVERIFY(!RequestId::isValid(""));
        QVERIFY(!RequestId::isValid(QByteArrayView()));
        QVERIFY(!RequestId::isValid(QByteArray(129, 'x')));
        for (const char* id : {"a b", "a/b", "a\"b", "a\rb", "a\nb", "a;b", "é", "a+b", "a%20"})
            QVERIFY2(!RequestId::isValid(id), id);
        QVERIFY(!RequestId::isValid(QByteArrayView("a\0b", 3)));
    }

    void fromClientKeepsAValidIdAndReplacesAnInvalidOne()
    {
        QCOMPARE(RequestId::fromClient("client-7"), QByteArray("client-7"));
        const QByteArray made = RequestId::fromClient("bad id");
        QCOMPARE(made.size(), 32);
        QVERIFY(made != "bad id");
    }

    void nextIsTwoSplitMixStepsInHex()
    {
        // SplitMix64's published outputs from the state 0: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, ...
        quint64 state = 0;
        const quint64 words[2] = {0xe220a8397b1dcdafull, 0x6e789e6aa1b965f4ull};
        const QByteArray expected = QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
        QCOMPARE(RequestId::next(state), expected);
        QCOMPARE(state, 2 * 0x9E3779B97F4A7C15ull);
        // The next id continues the run: SplitMix64's third and fourth outputs.
        const quint64 more[2] = {0x06c45d188009454full, 0xf88bb8a8724c81ecull};
        QCOMPARE(RequestId::next(state), QByteArray(reinterpret_cast<const char*>(more), sizeof more).toHex());
    }

    void generatedIdsAreValidAndDistinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray id = RequestId::generate();
            QCOMPARE(id.size(), 32);
            QVERIFY(RequestId::isValid(id));
            for (char c : id)
                QVERIFY((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestRequestId)
#include "TestRequestId.moc"

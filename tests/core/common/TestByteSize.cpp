#include "core/common/ByteSize.h"

#include <QTest>

using namespace gatehouse;

class TestByteSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizesAsAdminsTypeThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        constexpr qint64 kMiB = 1024 * 1024;
        constexpr qint64 kGiB = 1024 * kMiB;
        QTest::newRow("0") << QStringLiteral("0") << qint64(0);
        QTest::newRow("512") << QStringLiteral("512") << qint64(512);
        QTest::newRow("512B") << QStringLiteral("512B") << qint64(512);
        QTest::newRow("64k") << QStringLiteral("64k") << qint64(64 * 1024);
        QTest::newRow("64KiB") << QStringLiteral("64KiB") << qint64(64 * 1024);
        QTest::newRow("512M") << QStringLiteral("512M") << 512 * kMiB;
        QTest::newRow("10mb") << QStringLiteral("10mb") << 10 * kMiB;
        QTest::newRow("1G") << QStringLiteral("1G") << kGiB;
        QTest::newRow("1g") << QStringLiteral("1g") << kGiB;
        QTest::newRow("1GB") << QStringLiteral("1GB") << kGiB;
        QTest::newRow("1GiB") << QStringLiteral("1GiB") << kGiB;
        QTest::newRow("2gib") << QStringLiteral("2gib") << 2 * kGiB;
        QTest::newRow("spaces") << QStringLiteral(" 1GiB ") << kGiB;
    }

    void sizesAsAdminsTypeThem()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto parsed = parseByteSize(text, u"size");
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, bytes);
    }

    void whatIsNotASizeIsRefusedWithItsField_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text :
            {"", "G", "GiB", "iB", "B", "1iB", "1 iB", "1Gi", "1TiB", "1.5G", "-1", "1GiBB", "1e9", "ten", "99999999G"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }

    void whatIsNotASizeIsRefusedWithItsField()
    {
        QFETCH(QString, text);
        const auto parsed = parseByteSize(text, u"log-max-size");
        QVERIFY2(!parsed, qPrintable(QStringLiteral("accepted as %1").arg(parsed ? *parsed : 0)));
        QVERIFY(parsed.error().isUsageError());
        QCOMPARE(parsed.error().field, QStringLiteral("log-max-size"));
        QVERIFY(parsed.error().message.contains(u'"' + text + u'"'));
    }
};

QTEST_GUILESS_MAIN(TestByteSize)
#include "TestByteSize.moc"

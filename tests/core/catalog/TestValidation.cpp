#include "core/catalog/Validation.h"

#include <QTest>

using namespace gatehouse;

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("billing") << true;
        QTest::newRow("digits and dashes") << QStringLiteral("v2-api-3") << true;
        QTest::newRow("starts with digit") << QStringLiteral("9lives") << true;
        QTest::newRow("63 characters") << QString(63, u'a') << true;
        QTest::newRow("64 characters") << QString(64, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("leading dash") << QStringLiteral("-api") << false;
        QTest::newRow("uppercase") << QStringLiteral("Billing") << false;
        QTest::newRow("underscore") << QStringLiteral("my_api") << false;
        QTest::newRow("space") << QStringLiteral("my api") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("unicode") << QStringLiteral("caf\u00e9") << false;
    }

    void names()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        auto result = validation::name(text, u"name");
        QCOMPARE(result.ok(), valid);
        if (!valid) {
            QCOMPARE(result.error().field, QStringLiteral("name"));
            QCOMPARE(result.error().kind, Error::Kind::InvalidInput);
        }
    }

    void upstreams_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: rejected
        QTest::newRow("https") << QStringLiteral("https://api.example.com/v1")
                               << QStringLiteral("https://api.example.com/v1");
        QTest::newRow("trailing slash") << QStringLiteral("http://127.0.0.1:9000/")
                                        << QStringLiteral("http://127.0.0.1:9000");
        QTest::newRow("host case") << QStringLiteral("HTTPS://API.Example.com")
                                   << QStringLiteral("https://api.example.com");
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080/x") << QStringLiteral("http://[::1]:8080/x");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com") << QString();
        QTest::newRow("no scheme") << QStringLiteral("example.com/api") << QString();
        QTest::newRow("no host") << QStringLiteral("http:///path") << QString();
        QTest::newRow("credentials") << QStringLiteral("https://user:pw@example.com") << QString();
        QTest::newRow("query") << QStringLiteral("https://example.com/?key=1") << QString();
        QTest::newRow("fragment") << QStringLiteral("https://example.com/#top") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("garbage") << QStringLiteral("http://exa mple.com") << QString();
    }

    void upstreams()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        auto result = validation::upstreamUrl(text, u"upstream");
        QCOMPARE(result.ok(), !normalised.isEmpty());
        if (result.ok())
            QCOMPARE(result->toString(), normalised);
        else
            QCOMPARE(result.error().field, QStringLiteral("upstream"));
    }

    void prefixes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: rejected
        QTest::newRow("plain") << QStringLiteral("/billing") << QStringLiteral("/billing");
        QTest::newRow("no leading slash") << QStringLiteral("billing") << QStringLiteral("/billing");
        QTest::newRow("trailing slash") << QStringLiteral("/billing/") << QStringLiteral("/billing");
        QTest::newRow("doubled slashes") << QStringLiteral("//a///b") << QStringLiteral("/a/b");
        QTest::newRow("root") << QStringLiteral("/") << QStringLiteral("/");
        QTest::newRow("empty is root") << QString() << QStringLiteral("/");
        QTest::newRow("nested") << QStringLiteral("/v2/billing.api~x_y") << QStringLiteral("/v2/billing.api~x_y");
        QTest::newRow("dot dot") << QStringLiteral("/a/../b") << QString();
        QTest::newRow("dot") << QStringLiteral("/a/./b") << QString();
        QTest::newRow("query") << QStringLiteral("/a?b") << QString();
        QTest::newRow("space") << QStringLiteral("/a b") << QString();
        QTest::newRow("percent") << QStringLiteral("/a%2Fb") << QString();
    }

    void prefixes()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        auto result = validation::pathPrefix(text, u"prefix");
        QCOMPARE(result.ok(), !normalised.isEmpty());
        if (result.ok())
            QCOMPARE(*result, normalised);
        else
            QCOMPARE(result.error().field, QStringLiteral("prefix"));
    }

    void labels()
    {
        QCOMPARE(*validation::label(u"  trimmed  ", u"name", 10), QStringLiteral("trimmed"));
        QVERIFY(!validation::label(u"12345678901", u"name", 10).ok());
        auto control = validation::label(u"a\u0007b", u"description", 100);
        QVERIFY(!control.ok());
        QCOMPARE(control.error().field, QStringLiteral("description"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"

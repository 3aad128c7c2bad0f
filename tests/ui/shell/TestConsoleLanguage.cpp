#include "ui/shell/ConsoleLanguage.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using gatehouse::ui::ConsoleLanguage;

namespace {

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace

class TestConsoleLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTranslationsAreEmbedded()
    {
        QCOMPARE(ConsoleLanguage::available(),
            (QStringList {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}));
    }

    void langIsReadFromTheRawArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("requested");
        QTest::newRow("none") << strings({"gatehouse", "--port", "9000"}) << QString();
        QTest::newRow("separate") << strings({"gatehouse", "--no-gateway", "--lang", "de"}) << QStringLiteral("de");
        QTest::newRow("equals") << strings({"gatehouse", "--lang=zh_CN"}) << QStringLiteral("zh_CN");
        QTest::newRow("after --") << strings({"gatehouse", "--", "--lang", "de"}) << QString();
        QTest::newRow("value missing") << strings({"gatehouse", "--lang"}) << QString();
    }

    void langIsReadFromTheRawArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, requested);
        QCOMPARE(ConsoleLanguage::requested(arguments), requested);
    }

    void anExplicitLanguageWins_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de");
        QTest::newRow("de_AT") << QStringLiteral("de_AT") << QStringLiteral("de");
        QTest::newRow("de-DE") << QStringLiteral("de-DE") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("zh_CN");
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("EN_us") << QStringLiteral("EN_us") << QStringLiteral("en");
    }

    void anExplicitLanguageWins()
    {
        QFETCH(QString, requested);
        QFETCH(QString, language);
        // The user's own languages do not matter once --lang is given.
        const auto chosen = ConsoleLanguage::choose(requested, {QStringLiteral("fr-FR"), QStringLiteral("de-DE")});
        QVERIFY(chosen);
        QCOMPARE(*chosen, language);
    }

    void anUnknownLanguageIsAnErrorNamingTheChoices_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("traditional Chinese") << QStringLiteral("zh_TW");
        QTest::newRow("nonsense") << QStringLiteral("klingon!");
    }

    void anUnknownLanguageIsAnErrorNamingTheChoices()
    {
        QFETCH(QString, requested);
        const auto chosen = ConsoleLanguage::choose(requested, {QStringLiteral("de-DE")});
        QVERIFY(!chosen);
        QCOMPARE(
            chosen.error().message, QStringLiteral("unknown language '%1' (available: en, de, zh_CN)").arg(requested));
    }

    void withoutLangTheFirstOfTheUsersLanguagesWeHaveWins_data()
    {
        QTest::addColumn<QStringList>("uiLanguages");
        QTest::addColumn<QString>("language");
        QTest::newRow("German system") << strings({"de-DE", "de"}) << QStringLiteral("de");
        QTest::newRow("Austrian") << strings({"de-AT"}) << QStringLiteral("de");
        QTest::newRow("French, then German") << strings({"fr-FR", "fr", "de-DE"}) << QStringLiteral("de");
        QTest::newRow("English before German") << strings({"en-GB", "de-DE"}) << QStringLiteral("en");
        QTest::newRow("Simplified Chinese") << strings({"zh-Hans-CN", "zh-CN", "zh"}) << QStringLiteral("zh_CN");
        QTest::newRow("Singapore") << strings({"zh-SG"}) << QStringLiteral("zh_CN");
        QTest::newRow("Traditional Chinese") << strings({"zh-Hant-TW", "zh-TW"}) << QStringLiteral("en");
        QTest::newRow("French only") << strings({"fr-FR", "fr"}) << QStringLiteral("en");
        QTest::newRow("C locale") << strings({"C"}) << QStringLiteral("en");
        QTest::newRow("nothing") << QStringList() << QStringLiteral("en");
    }

    void withoutLangTheFirstOfTheUsersLanguagesWeHaveWins()
    {
        QFETCH(QStringList, uiLanguages);
        QFETCH(QString, language);
        const auto chosen = ConsoleLanguage::choose(QString(), uiLanguages);
        QVERIFY(chosen);
        QCOMPARE(*chosen, language);
    }

    void installingTranslatesTheConsolesStrings()
    {
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::MainWindow", "&File"), QStringLiteral("&File"));
        QVERIFY(ConsoleLanguage::install(QStringLiteral("de"), *QCoreApplication::instance()));
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("TimeText", "%1 ago"), QStringLiteral("vor %1"));
        removeTranslators();

        QVERIFY(ConsoleLanguage::install(QStringLiteral("zh_CN"), *QCoreApplication::instance()));
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::TokensPage", "Revoke"), QStringLiteral("吊销"));
        // The plural forms: Chinese has one.
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::LiveLogPage", "%n request(s)", nullptr, 3),
            QStringLiteral("3 个请求"));
        removeTranslators();

        // English is the source text: nothing to install, and nothing changes.
        QVERIFY(ConsoleLanguage::install(QStringLiteral("en"), *QCoreApplication::instance()));
        QCOMPARE(QCoreApplication::instance()->findChildren<QTranslator*>().size(), 0);
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::MainWindow", "&File"), QStringLiteral("&File"));
    }

    void germanHasTwoPluralForms()
    {
        QVERIFY(ConsoleLanguage::install(QStringLiteral("de"), *QCoreApplication::instance()));
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::LiveLogPage", "%n request(s)", nullptr, 1),
            QStringLiteral("1 Anfrage"));
        QCOMPARE(QCoreApplication::translate("gatehouse::ui::LiveLogPage", "%n request(s)", nullptr, 2),
            QStringLiteral("2 Anfragen"));
        removeTranslators();
    }

    void aMissingTranslationIsReported()
    {
        QVERIFY(!ConsoleLanguage::install(QStringLiteral("fr"), *QCoreApplication::instance()));
        removeTranslators();
    }

private:
    static void removeTranslators()
    {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
        for (QTranslator* translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
};

QTEST_GUILESS_MAIN(TestConsoleLanguage)
#include "TestConsoleLanguage.moc"

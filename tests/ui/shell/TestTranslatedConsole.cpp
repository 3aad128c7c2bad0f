#include "tests/ui/support/ConsoleFixture.h"
#include "ui/consumers/ConsumerDialog.h"
#include "ui/shell/ConsoleLanguage.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace gatehouse;

namespace {

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace

// The real main window, built after the translator is installed as the console's main() does,
// shows its sidebar, menus and dialogs in the chosen language.
class TestTranslatedConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_settingsDir.isValid()); }

    void cleanup()
    {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
        for (QTranslator* translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    void windowAndDialogSpeakTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("sidebar");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("dialogTitle");
        QTest::addColumn<QString>("nameLabel");
        QTest::newRow("de") << QStringLiteral("de")
                            << strings({"Übersicht", "APIs", "Konsumenten", "Tokens", "KI-Anbieter", "Live-Log",
                                   "Zeitleiste", "Audit"})
                            << QStringLiteral("&Datei") << QStringLiteral("Neuer Konsument")
                            << QStringLiteral("&Name:");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN")
                               << strings({"概览", "API", "消费者", "令牌", "AI 提供商", "实时日志", "时间线", "审计"})
                               << QStringLiteral("文件(&F)") << QStringLiteral("新建消费者")
                               << QStringLiteral("名称(&N)：");
        QTest::newRow("en") << QStringLiteral("en")
                            << strings({"Overview", "APIs", "Consumers", "Tokens", "AI Providers", "Live Log",
                                   "Timeline", "Audit"})
                            << QStringLiteral("&File") << QStringLiteral("New Consumer") << QStringLiteral("&Name:");
    }

    void windowAndDialogSpeakTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, sidebar);
        QFETCH(QString, fileMenu);
        QFETCH(QString, dialogTitle);
        QFETCH(QString, nameLabel);
        QVERIFY(ui::ConsoleLanguage::install(language, *QCoreApplication::instance()));

        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(m_settingsDir.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* list = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
        QVERIFY(list);
        QStringList shown;
        for (int row = 0; row < list->count(); ++row)
            shown.append(list->item(row)->text());
        QCOMPARE(shown, sidebar);
        QCOMPARE(
            window.menuBar()->actions().value(0) ? window.menuBar()->actions().value(0)->text() : QString(), fileMenu);

        // Ctrl+3 is the Consumers page; New opens its dialog.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), sidebar.at(2));
        auto* newAction = window.findChild<QAction*>(QStringLiteral("actionNew"));
        QVERIFY(newAction);
        newAction->trigger();
        ui::ConsumerDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = test::openDialog<ui::ConsumerDialog>()));
        QCOMPARE(dialog->windowTitle(), dialogTitle);
        QStringList labels;
        const auto children = dialog->findChildren<QLabel*>();
        for (const QLabel* label : children)
            labels.append(label->text());
        QVERIFY2(labels.contains(nameLabel), qPrintable(labels.join(u'|')));
        dialog->reject();
        QTRY_VERIFY(!test::openDialog<ui::ConsumerDialog>());
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestTranslatedConsole)
#include "TestTranslatedConsole.moc"

#include "ui/shell/MainWindow.h"

#include "core/gateway/Engine.h"
#include "tests/support/upstreams/LoopbackPort.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/GatewayToolBar.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gatehouse;

namespace {

// A page that records what the window's actions asked of it.
class RecordingPage : public ui::Page
{
public:
    explicit RecordingPage(QString title, QList<ui::PageAction> supported)
        : m_title(std::move(title))
        , m_supported(std::move(supported))
    { }

    QString title() const override { return m_title; }
    bool canPerform(ui::PageAction action) const override { return m_supported.contains(action); }
    void perform(ui::PageAction action) override { performed.append(action); }
    void setSupported(QList<ui::PageAction> supported)
    {
        m_supported = std::move(supported);
        Q_EMIT actionsChanged();
    }

    QList<ui::PageAction> performed;

private:
    QString m_title;
    QList<ui::PageAction> m_supported;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_settingsDir.isValid()); }

    void sidebarListsThePagesInOrder()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(settingsFile());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        QCOMPARE(window.pageTitles(),
            (QStringList {QStringLiteral("Overview"), QStringLiteral("APIs"), QStringLiteral("Consumers"),
                QStringLiteral("Tokens"), QStringLiteral("AI Providers"), QStringLiteral("Live Log"),
                QStringLiteral("Timeline"), QStringLiteral("Audit")}));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Overview"));

        // Ctrl+4 goes to the fourth page, and clicking the sidebar to another.
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Tokens"));
        auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(7)).center());
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Audit"));
    }

    void actionsFollowTheCurrentPage()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(settingsFile());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        auto* tokens = new RecordingPage(
            QStringLiteral("Tokens"), {ui::PageAction::New, ui::PageAction::Find, ui::PageAction::Refresh});
        auto* audit = new RecordingPage(QStringLiteral("Audit"), {ui::PageAction::Find});
        window.addPage(tokens);
        window.addPage(audit);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(window.action(ui::PageAction::New)->isEnabled());
        QVERIFY(!window.action(ui::PageAction::Revoke)->isEnabled());
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(tokens->performed,
            (QList<ui::PageAction> {ui::PageAction::New, ui::PageAction::Find, ui::PageAction::Refresh}));

        // A selection that makes Revoke possible enables it at once; Ctrl+R performs it.
        tokens->setSupported({ui::PageAction::Revoke});
        QVERIFY(window.action(ui::PageAction::Revoke)->isEnabled());
        QVERIFY(!window.action(ui::PageAction::New)->isEnabled());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(tokens->performed.last(), ui::PageAction::Revoke);

        // On another page the same keys mean that page's actions, or nothing.
        window.showPage(QStringLiteral("Audit"));
        QVERIFY(!window.action(ui::PageAction::Revoke)->isEnabled());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(audit->performed, QList<ui::PageAction> {ui::PageAction::Find});
        QCOMPARE(tokens->performed.size(), 4);
    }

    void gatewayToggleStartsAndStopsTheEngine()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(settingsFile());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* bar = window.gatewayToolBar();
        QCOMPARE(bar->stateText(), QStringLiteral("Gateway stopped"));

        const quint16 port = test::unusedLoopbackPort();
        bar->portEdit()->setValue(port);
        auto* toggle = window.findChild<QAction*>(QStringLiteral("gatewayToggle"));
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(gateway.engine().isRunning());
        QCOMPARE(bar->stateText(), QStringLiteral("Listening on http://127.0.0.1:%1").arg(port));
        QVERIFY(toggle->isChecked());
        QVERIFY(!bar->portEdit()->isEnabled());
        QCOMPARE(settings.gatewayPort(), port); // remembered for the next launch
        QTRY_VERIFY(window.statusText().contains(QStringLiteral("req/s")));

        toggle->trigger();
        QVERIFY(!gateway.engine().isRunning());
        QCOMPARE(bar->stateText(), QStringLiteral("Gateway stopped"));
        QVERIFY(!toggle->isChecked());
        QCOMPARE(window.statusText(), QStringLiteral("Gateway stopped"));
    }

    void aTakenPortIsShownWithAnotherOnOffer()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ui::ConsoleSettings settings(settingsFile());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* bar = window.gatewayToolBar();
        bar->portEdit()->setValue(squatter.serverPort());
        bar->start();

        QVERIFY(!gateway.engine().isRunning());
        QVERIFY(bar->stateText().contains(QStringLiteral("already in use")));
        QVERIFY(!bar->toggleAction()->isChecked());
        QTRY_VERIFY(bar->otherPortButton()->isVisible());
        QVERIFY(bar->otherPortButton()->text().startsWith(QStringLiteral("Use port ")));

        QTest::mouseClick(bar->otherPortButton(), Qt::LeftButton);
        QVERIFY(gateway.engine().isRunning());
        QVERIFY(gateway.port() != squatter.serverPort());
        QVERIFY(bar->stateText().startsWith(QStringLiteral("Listening on")));
        QTRY_VERIFY(!bar->otherPortButton()->isVisible());
    }

    void closingTheWindowStopsTheGateway()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(settingsFile());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        window.show();
        QVERIFY(gateway.start(test::unusedLoopbackPort()));
        window.close();
        QVERIFY(!gateway.engine().isRunning());
    }

    void startOnLaunchIsASetting()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ui::ConsoleSettings settings(settingsFile());
        QVERIFY(settings.startGatewayOnLaunch());
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        auto* option = window.findChild<QAction*>(QStringLiteral("actionStartOnLaunch"));
        QVERIFY(option);
        QVERIFY(option->isChecked());
        option->trigger();
        QVERIFY(!ui::ConsoleSettings(settingsFile()).startGatewayOnLaunch());
    }

private:
    QString settingsFile() const { return m_settingsDir.filePath(QStringLiteral("gatehouse.conf")); }

    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

#include "ui/shell/GatewayTray.h"

#include "core/gateway/ListeningSocket.h"
#include "tests/support/TestCatalog.h"
#include "ui/shell/SystemTray.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace gatehouse;
using ui::GatewayController;
using ui::GatewayTray;

class TestGatewayTray : public QObject
{
    Q_OBJECT

    static QColor dotColour(const QIcon& icon)
    {
        // The dot sits in the lower right corner; its centre is clear of the white ring.
        const QImage image = icon.pixmap(32, 32).toImage();
        const int centre = 32 - int(32 * 0.42 / 2);
        return image.pixelColor(centre, centre);
    }

private Q_SLOTS:
    void showsTheGatewaysStateAndOffersItsActions()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        GatewayController gateway(t.catalog, t.clock);
        GatewayTray tray(gateway);
        QSignalSpy changed(&tray, &GatewayTray::changed);

        QCOMPARE(tray.toolTip(), QStringLiteral("Gatehouse: Gateway stopped"));
        QCOMPARE(dotColour(tray.icon()), GatewayTray::stateColor(GatewayController::State::Stopped));
        const QList<QAction*> actions = tray.menu()->actions();
        QCOMPARE(actions.size(), 4); // Show, Start/Stop, separator, Quit
        QCOMPARE(actions.at(0)->text(), QStringLiteral("Show Gatehouse"));
        QCOMPARE(actions.at(1)->text(), QStringLiteral("Start gateway"));
        QVERIFY(actions.at(2)->isSeparator());
        QCOMPARE(actions.at(3)->text(), QStringLiteral("Quit"));

        QSignalSpy start(&tray, &GatewayTray::startRequested);
        QSignalSpy stop(&tray, &GatewayTray::stopRequested);
        tray.startStopAction()->trigger();
        QCOMPARE(start.size(), 1);
        QCOMPARE(stop.size(), 0);

        const quint16 port = gateway::ListeningSocket::firstFreePort(QHostAddress::LocalHost, 21000);
        QVERIFY(port != 0);
        QVERIFY(gateway.start(port));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(tray.toolTip(), QStringLiteral("Gatehouse: Listening on http://127.0.0.1:%1").arg(port));
        QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Stop gateway"));
        QCOMPARE(dotColour(tray.icon()), GatewayTray::stateColor(GatewayController::State::Listening));
        tray.startStopAction()->trigger();
        QCOMPARE(stop.size(), 1);
        QCOMPARE(start.size(), 1);

        gateway.stop();
        QCOMPARE(tray.toolTip(), QStringLiteral("Gatehouse: Gateway stopped"));
        QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Start gateway"));

        QSignalSpy show(&tray, &GatewayTray::showRequested);
        QSignalSpy quit(&tray, &GatewayTray::quitRequested);
        tray.showAction()->trigger();
        tray.quitAction()->trigger();
        QCOMPARE(show.size(), 1);
        QCOMPARE(quit.size(), 1);
    }

    void showsAnError()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        GatewayController gateway(t.catalog, t.clock);
        GatewayTray tray(gateway);
        QVERIFY(!gateway.start(squatter.serverPort()));
        QVERIFY(tray.toolTip().startsWith(QStringLiteral("Gatehouse: Gateway error: ")));
        QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Start gateway"));
        QCOMPARE(dotColour(tray.icon()), GatewayTray::stateColor(GatewayController::State::Error));
        QVERIFY(GatewayTray::stateColor(GatewayController::State::Error)
            != GatewayTray::stateColor(GatewayController::State::Listening));
    }

    void noTrayOnTheOffscreenPlatform()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        GatewayController gateway(t.catalog, t.clock);
        GatewayTray tray(gateway);
        ui::SystemTray system(tray);
        QVERIFY(!ui::SystemTray::isAvailable());
        QVERIFY(!system.isShown());
        system.notify(QStringLiteral("title"), QStringLiteral("message")); // does nothing, safely
    }
};

QTEST_MAIN(TestGatewayTray)
#include "TestGatewayTray.moc"

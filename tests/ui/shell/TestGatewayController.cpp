#include "ui/shell/GatewayController.h"

#include "core/gateway/Engine.h"
#include "core/gateway/ListeningSocket.h"
#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace gatehouse;

class TestGatewayController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndStopsTheEngine()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        ui::GatewayController gateway(t.catalog, t.clock);
        QSignalSpy changed(&gateway, &ui::GatewayController::stateChanged);
        QCOMPARE(gateway.state(), ui::GatewayController::State::Stopped);

        const quint16 port = gateway::ListeningSocket::firstFreePort(QHostAddress::LocalHost, 20000);
        QVERIFY(port != 0);
        QVERIFY(gateway.start(port));
        QCOMPARE(gateway.state(), ui::GatewayController::State::Listening);
        QVERIFY(gateway.engine().isRunning());
        QCOMPARE(gateway.stateText(), QStringLiteral("Listening on http://127.0.0.1:%1").arg(port));
        QCOMPARE(changed.size(), 1);

        // It really listens: a connection is accepted and counted.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(5000));
        QTRY_COMPARE(gateway.openConnections(), 1);
        client.disconnectFromHost();

        gateway.stop();
        QCOMPARE(gateway.state(), ui::GatewayController::State::Stopped);
        QVERIFY(!gateway.engine().isRunning());
        QCOMPARE(gateway.stateText(), QStringLiteral("Gateway stopped"));
        QCOMPARE(gateway.openConnections(), 0);
    }

    void aTakenPortIsReportedWithAFreeOneToOffer()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));

        ui::GatewayController gateway(t.catalog, t.clock);
        auto started = gateway.start(squatter.serverPort());
        QVERIFY(!started);
        QCOMPARE(gateway.state(), ui::GatewayController::State::Error);
        QVERIFY(gateway.portInUse());
        QVERIFY(gateway.errorText().contains(QStringLiteral("already in use")));
        QVERIFY(gateway.stateText().startsWith(QStringLiteral("Gateway error: ")));
        QVERIFY(gateway.suggestedPort() > squatter.serverPort());

        QVERIFY(gateway.start(gateway.suggestedPort()));
        QCOMPARE(gateway.state(), ui::GatewayController::State::Listening);
        QVERIFY(!gateway.portInUse());
    }

    void aNonLoopbackAddressIsAnErrorButNotAPortConflict()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        ui::GatewayController gateway(t.catalog, t.clock);
        auto config = gateway.config();
        config.address = QHostAddress::Any;
        gateway.setConfig(config);
        QVERIFY(!gateway.start(0));
        QCOMPARE(gateway.state(), ui::GatewayController::State::Error);
        QVERIFY(!gateway.portInUse());
        QCOMPARE(gateway.suggestedPort(), quint16(0));
        gateway.stop();
        QCOMPARE(gateway.state(), ui::GatewayController::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestGatewayController)
#include "TestGatewayController.moc"

// The console as an admin uses it: register an API and a consumer through their dialogs, issue a
// token and read it from the show-once dialog, call the console's own gateway with it over
// loopback, revoke it with one click, and see the very next call refused. Real widgets, a real
// SQLite file, real sockets; a CLI process beside the console stands for a second admin.
#include "core/gateway/Engine.h"
#include "tests/support/upstreams/LoopbackPort.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/apis/ApiDialog.h"
#include "ui/common/FilterableTable.h"
#include "ui/consumers/ConsumerDialog.h"
#include "ui/livelog/LiveLogPage.h"
#include "ui/livelog/RequestLogModel.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/GatewayToolBar.h"
#include "ui/shell/MainWindow.h"
#include "ui/timeline/TimelinePage.h"
#include "ui/tokens/IssuedTokenDialog.h"
#include "ui/tokens/NewTokenDialog.h"
#include "ui/tokens/RotateTokenDialog.h"
#include "ui/tokens/TokenTableModel.h"
#include "ui/tokens/TokensPage.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

template <typename T>
T* child(QWidget* parent, const QString& name)
{
    auto* widget = parent->findChild<T*>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void choose(QComboBox* combo, const QString& text)
{
    const int index = combo->findText(text, Qt::MatchContains);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

QPushButton* okOf(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

// The row of `model` whose first column reads `text`, or -1.
int rowWithText(const QAbstractItemModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == text)
            return row;
    }
    return -1;
}

} // namespace

class TestConsoleEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerIssueCallRevoke()
    {
        test::LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QTemporaryDir settingsDir;
        ui::ConsoleSettings settings(settingsDir.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The gateway toggle starts the in-process engine.
        window.gatewayToolBar()->portEdit()->setValue(test::unusedLoopbackPort());
        window.gatewayToolBar()->toggleAction()->trigger();
        QVERIFY(gateway.engine().isRunning());
        const quint16 port = gateway.port();

        // APIs page, Ctrl+N: the API dialog.
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("APIs"));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::ApiDialog* apiDialog = nullptr;
        QTRY_VERIFY((apiDialog = test::openDialog<ui::ApiDialog>()));
        retype(child<QLineEdit>(apiDialog, QStringLiteral("name")), QStringLiteral("billing"));
        retype(child<QLineEdit>(apiDialog, QStringLiteral("upstream")), upstream.url().toString());
        child<QCheckBox>(apiDialog, QStringLiteral("stripPrefix"))->setChecked(true);
        QTRY_VERIFY(okOf(apiDialog)->isEnabled());
        QTest::mouseClick(okOf(apiDialog), Qt::LeftButton);
        QTRY_VERIFY(!test::openDialog<ui::ApiDialog>());
        QCOMPARE(f.t.apis.list()->size(), 1);

        // Consumers page, Ctrl+N: the consumer dialog.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::ConsumerDialog* consumerDialog = nullptr;
        QTRY_VERIFY((consumerDialog = test::openDialog<ui::ConsumerDialog>()));
        retype(child<QLineEdit>(consumerDialog, QStringLiteral("name")), QStringLiteral("mobile-app"));
        QTRY_VERIFY(okOf(consumerDialog)->isEnabled());
        QTest::mouseClick(okOf(consumerDialog), Qt::LeftButton);
        QTRY_VERIFY(!test::openDialog<ui::ConsumerDialog>());
        QVERIFY(f.t.consumers.find(QStringLiteral("mobile-app")));

        // Tokens page, Ctrl+N: consumer, a read-only scope on billing, seven days.
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Tokens"));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::NewTokenDialog* tokenDialog = nullptr;
        QTRY_VERIFY((tokenDialog = test::openDialog<ui::NewTokenDialog>()));
        choose(child<QComboBox>(tokenDialog, QStringLiteral("consumer")), QStringLiteral("mobile-app"));
        child<QCheckBox>(tokenDialog, QStringLiteral("scope:billing"))->setChecked(true);
        choose(child<QComboBox>(tokenDialog, QStringLiteral("access:billing")), QStringLiteral("read-only"));
        choose(child<QComboBox>(tokenDialog, QStringLiteral("lifetime")), QStringLiteral("7 days"));
        auto* create = child<QPushButton>(tokenDialog, QStringLiteral("ok"));
        QTRY_VERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);

        // Shown once.
        ui::IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<ui::IssuedTokenDialog>()));
        const QByteArray token = shown->tokenText().toLatin1();
        QVERIFY(token.startsWith("gth_"));
        shown->close();

        // The console's gateway accepts it at once...
        const auto bearer = QList<std::pair<QByteArray, QByteArray>> {{"Authorization", "Bearer " + token}};
        auto ok = test::RawHttpClient::request(port, "GET", "/billing/invoices", bearer);
        QCOMPARE(ok.status, 200);
        QCOMPARE(upstream.requests().size(), 1);

        // ...and one click on Revoke (no dialog) refuses it from the next request.
        auto* page = static_cast<ui::TokensPage*>(window.currentPage());
        const auto tokens = f.t.tokens.list();
        QVERIFY(tokens && tokens->size() == 1);
        page->table()->selectSourceRow(page->model()->rowOfId(tokens->first().id));
        auto* revoke = child<QAbstractButton>(page, QStringLiteral("revokeSelected"));
        QTRY_VERIFY(revoke->isEnabled());
        QTest::mouseClick(revoke, Qt::LeftButton);
        QVERIFY(!QApplication::activeModalWidget());
        auto refused = test::RawHttpClient::request(port, "GET", "/billing/invoices", bearer);
        QCOMPARE(refused.status, 401);
        QVERIFY(refused.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_token"));
        QCOMPARE(upstream.requests().size(), 1);

        // The Live Log shows both requests (200, then 401) as the engine logs them; "Show token" on the
        // refused one leads back to the token on the Tokens page.
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        auto* liveLog = static_cast<ui::LiveLogPage*>(window.currentPage());
        QCOMPARE(liveLog->title(), QStringLiteral("Live Log"));
        QTRY_COMPARE_WITH_TIMEOUT(liveLog->model()->rowCount(), 2, 5000);
        QCOMPARE(liveLog->model()->rowAt(0).event.status, 200);
        QCOMPARE(liveLog->model()->rowAt(1).event.status, 401);
        QCOMPARE(liveLog->model()->rowAt(0).event.tokenId, tokens->first().id);
        auto* logTable = child<QTableView>(liveLog, QStringLiteral("liveLogTable"));
        logTable->selectRow(0);
        QTest::mouseClick(child<QAbstractButton>(liveLog, QStringLiteral("liveLogShowToken")), Qt::LeftButton);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Tokens"));
        QCOMPARE(page->table()->selectedSourceRows(), QList<int> {page->model()->rowOfId(tokens->first().id)});

        // The gateway toggle stops the engine.
        window.gatewayToolBar()->toggleAction()->trigger();
        QVERIFY(!gateway.engine().isRunning());
    }

    void theTimelineLeadsToTheTokensPage()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        TokenRequest request;
        request.consumer = QStringLiteral("mobile-app");
        request.scopes = {QStringLiteral("api:billing")};
        request.expiry = f.t.expiryInDays(3);
        auto issued = f.t.tokens.create(request);
        QVERIFY(issued);
        QTemporaryDir settingsDir;
        ui::ConsoleSettings settings(settingsDir.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        window.show();

        // A click on a bar: the Tokens page comes up with that token selected, whatever its filters were.
        auto* tokens = static_cast<ui::TokensPage*>(window.page(QStringLiteral("Tokens")));
        child<QComboBox>(tokens, QStringLiteral("stateFilter"))
            ->setCurrentIndex(
                child<QComboBox>(tokens, QStringLiteral("stateFilter"))->findText(QStringLiteral("Revoked")));
        QCOMPARE(tokens->model()->rowCount(), 0);
        window.showPage(QStringLiteral("Timeline"));
        auto* timeline = static_cast<ui::TimelinePage*>(window.currentPage());
        Q_EMIT timeline->tokenActivated(issued->token.id);
        QCOMPARE(window.currentPage(), tokens);
        QCOMPARE(tokens->table()->selectedSourceRows(), QList<int> {tokens->model()->rowOfId(issued->token.id)});

        // Its context menu's Rotate runs the Tokens page's rotation dialog.
        Q_EMIT timeline->rotateRequested(issued->token.id);
        QTRY_VERIFY(test::openDialog<ui::RotateTokenDialog>());
        test::openDialog<ui::RotateTokenDialog>()->reject();
    }

    void aCliChangeInAnotherProcessShowsUpWithinASecond()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QTemporaryDir settingsDir;
        ui::ConsoleSettings settings(settingsDir.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        window.show();
        window.showPage(QStringLiteral("Consumers"));
        auto* table = window.currentPage()->findChild<QTableView*>(QStringLiteral("table"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 0);

        QProcess cli;
        cli.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), f.t.directory(), QStringLiteral("consumer"), QStringLiteral("add"),
                QStringLiteral("nightly-script"), QStringLiteral("--description"), QStringLiteral("from the CLI")});
        QVERIFY(cli.waitForFinished(15'000));
        QCOMPARE(cli.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(table->model(), QStringLiteral("nightly-script")) >= 0, 1000);
    }
};

QTEST_MAIN(TestConsoleEndToEnd)
#include "TestConsoleEndToEnd.moc"

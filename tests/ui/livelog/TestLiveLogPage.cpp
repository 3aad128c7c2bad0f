#include "ui/livelog/LiveLogPage.h"

#include "core/gateway/Engine.h"
#include "core/requestlog/RequestLogStore.h"
#include "tests/ui/livelog/LogRows.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/livelog/ExportFileChooser.h"
#include "ui/livelog/RequestLogFeed.h"
#include "ui/livelog/RequestLogFilter.h"
#include "ui/livelog/RequestLogModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace gatehouse;
using test::requestEvent;

namespace {

struct PageFixture
{
    PageFixture()
    {
        f.t.addBillingApiAndConsumer();
        auto created = f.t.tokens.create(
            {QStringLiteral("mobile-app"), QStringLiteral("ci"), {QStringLiteral("api:billing")}, f.t.expiryInDays(7)});
        if (created) {
            token = created->token;
            plaintext = QByteArray(created->plaintext.view().data(), created->plaintext.view().size());
        }
        page = std::make_unique<ui::LiveLogPage>(f.services, nullptr);
        page->resize(1000, 600);
        page->show();
        modelTester = std::make_unique<QAbstractItemModelTester>(
            page->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        filterTester = std::make_unique<QAbstractItemModelTester>(
            page->filter(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    template <typename T>
    T* child(const char* name) const
    {
        return page->findChild<T*>(QString::fromLatin1(name));
    }
    QTableView* table() const { return child<QTableView>("liveLogTable"); }

    RequestEvent event(const QByteArray& path, int status = 200)
    {
        RequestEvent e = requestEvent(path, status, token.id);
        e.apiId = f.t.apis.list()->first().id;
        e.apiName = QStringLiteral("billing");
        e.consumerId = token.consumerId;
        return e;
    }
    bool append(const QList<RequestEvent>& batch) { return RequestLogStore(f.t.catalog.database()).append(batch).ok(); }
    bool appendMany(const QByteArray& prefix, int count)
    {
        QList<RequestEvent> batch;
        for (int i = 0; i < count; ++i)
            batch.append(event(prefix + QByteArray::number(i)));
        return append(batch);
    }
    bool lastRowVisible() const
    {
        const int last = page->filter()->rowCount() - 1;
        if (last < 0)
            return false;
        const QRect rect = table()->visualRect(page->filter()->index(last, 0));
        return rect.isValid() && table()->viewport()->rect().contains(rect.center());
    }
    void selectRow(int filterRow)
    {
        const QRect rect = table()->visualRect(page->filter()->index(filterRow, 1));
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    test::ConsoleFixture f;
    Token token;
    QByteArray plaintext;
    std::unique_ptr<ui::LiveLogPage> page;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> filterTester;
};

} // namespace

class TestLiveLogPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void autoFollowKeepsTheLastRowVisibleAndPausesOnScrollUp()
    {
        PageFixture p;
        QVERIFY(p.token.id > 0);
        QVERIFY(QTest::qWaitForWindowExposed(p.page.get()));
        QCOMPARE(p.page->title(), QStringLiteral("Live Log"));
        auto* resume = p.child<QPushButton>("liveLogResume");
        QVERIFY(resume);

        QVERIFY(p.appendMany("/first/", 300));
        QTRY_COMPARE(p.page->model()->rowCount(), 300);
        QTRY_VERIFY(p.lastRowVisible());
        QVERIFY(p.page->isFollowing());
        QVERIFY(!resume->isVisible());

        // More rows keep the newest in view.
        QVERIFY(p.appendMany("/second/", 100));
        QTRY_COMPARE(p.page->model()->rowCount(), 400);
        QTRY_VERIFY(p.lastRowVisible());

        // The user scrolls up: following pauses, and new rows no longer pull the view down.
        QScrollBar* bar = p.table()->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!p.page->isFollowing());
        QVERIFY(resume->isVisible());
        QVERIFY(p.appendMany("/third/", 100));
        QTRY_COMPARE(p.page->model()->rowCount(), 500);
        // The follow tick (which also counts the rows) has run since they arrived.
        QTRY_VERIFY(p.child<QLabel>("liveLogCounts")->text().contains(QStringLiteral("500")));
        QVERIFY(!p.lastRowVisible());
        QVERIFY(!p.page->isFollowing());

        // Resume jumps to the bottom and follows again.
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(p.page->isFollowing());
        QTRY_VERIFY(p.lastRowVisible());
        QVERIFY(!resume->isVisible());
        QVERIFY(p.appendMany("/fourth/", 50));
        QTRY_COMPARE(p.page->model()->rowCount(), 550);
        QTRY_VERIFY(p.lastRowVisible());
    }

    void endKeyResumesAndAPausedViewStaysOnItsRowsAtTheCap()
    {
        PageFixture p;
        QVERIFY(QTest::qWaitForWindowExposed(p.page.get()));
        p.page->model()->setMaxRows(300);
        QVERIFY(p.appendMany("/a/", 300));
        QTRY_COMPARE(p.page->model()->rowCount(), 300);
        QTRY_VERIFY(p.lastRowVisible());

        QScrollBar* bar = p.table()->verticalScrollBar();
        bar->setValue(150);
        QVERIFY(!p.page->isFollowing());
        auto topId
            = [&p] { return p.table()->indexAt(QPoint(1, 1)).data(ui::RequestLogModel::LogIdRole).toLongLong(); };
        const qint64 readingId = topId();
        QVERIFY(readingId > 0);
        // 100 new rows push the 100 oldest out; the rows being read stay where they were.
        const qint64 newestBefore = p.page->model()->newestId();
        QVERIFY(p.appendMany("/b/", 100));
        QTRY_COMPARE(p.page->model()->newestId(), newestBefore + 100);
        QCOMPARE(p.page->model()->rowCount(), 300);
        QCOMPARE(topId(), readingId);
        QVERIFY(!p.lastRowVisible());

        // End resumes following.
        p.table()->setFocus();
        QTest::keyClick(p.table(), Qt::Key_End);
        QVERIFY(p.page->isFollowing());
        QTRY_VERIFY(p.lastRowVisible());
    }

    void scrollingToTheTopLoadsOlderRowsFromTheCatalog()
    {
        PageFixture p;
        QVERIFY(p.appendMany("/old/", 1500));
        // A fresh page loads only the newest rows; older ones stay in the catalog.
        ui::LiveLogPage page(p.f.services, nullptr);
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.model()->rowCount(), ui::RequestLogFeed::kDefaultInitialRows);
        auto* table = page.findChild<QTableView*>(QStringLiteral("liveLogTable"));
        QTRY_VERIFY(table->verticalScrollBar()->value() > 0);
        table->verticalScrollBar()->setValue(0);
        QVERIFY(!page.isFollowing());
        QTRY_COMPARE(page.model()->rowCount(), 1500);
        QCOMPARE(page.model()->rowAt(0).event.path, QByteArray("/old/0"));
        QVERIFY(table->verticalScrollBar()->value() > 0); // the rows being read did not move
    }

    void aTimeRangeReachingPastTheHeldRowsLoadsThemFromTheCatalog()
    {
        PageFixture p;
        QList<RequestEvent> old;
        for (int i = 0; i < 500; ++i) {
            RequestEvent e = p.event("/half-an-hour-ago/" + QByteArray::number(i));
            e.timeMs = p.f.t.clock.nowMs() - 30 * 60 * 1000 + i;
            old.append(e);
        }
        QVERIFY(p.append(old));
        QVERIFY(p.appendMany("/now/", 1000));
        ui::LiveLogPage page(p.f.services, nullptr);
        QTRY_COMPARE(page.model()->rowCount(), 1000);
        auto* range = page.findChild<QComboBox*>(QStringLiteral("liveLogRange"));
        QVERIFY(range);

        range->setCurrentIndex(2); // last hour: reaches past the oldest row held
        QTRY_COMPARE(page.model()->rowCount(), 1500);
        QCOMPARE(page.filter()->rowCount(), 1500);
        range->setCurrentIndex(1); // last 5 minutes: a filter over what is held
        QCOMPARE(page.model()->rowCount(), 1500);
        QCOMPARE(page.filter()->rowCount(), 1000);
        // Rows keep streaming in under the range.
        QVERIFY(p.appendMany("/later/", 10));
        QTRY_COMPARE(page.filter()->rowCount(), 1010);
        range->setCurrentIndex(0);
        QCOMPARE(page.filter()->rowCount(), 1510);
    }

    void theEnginesBatchSignalBringsThePollForward()
    {
        PageFixture p;
        gateway::Engine engine(p.f.t.catalog, p.f.t.clock);
        ui::LiveLogPage page(p.f.services, &engine);
        page.feed()->setPollIntervalMs(3'600'000); // only the engine's signal can bring rows now
        QTRY_VERIFY(!page.feed()->isBusy()); // the first page is read: the row below comes after it
        QVERIFY(p.append({p.event("/billing/one")}));
        QCOMPARE(page.model()->rowCount(), 0);
        Q_EMIT engine.requestsLogged({});
        QTRY_COMPARE(page.model()->rowCount(), 1);
    }

    void filtersApplyWhileRowsStreamIn()
    {
        PageFixture p;
        QVERIFY(p.append({p.event("/billing/invoices"), p.event("/billing/refunds", 404), p.event("/billing/x", 500)}));
        QTRY_COMPARE(p.page->model()->rowCount(), 3);

        QTest::keyClicks(p.child<QLineEdit>("liveLogText"), QStringLiteral("invoices"));
        QCOMPARE(p.page->filter()->rowCount(), 1);
        QVERIFY(p.append({p.event("/billing/invoices/2"), p.event("/billing/other")}));
        QTRY_COMPARE(p.page->model()->rowCount(), 5);
        QCOMPARE(p.page->filter()->rowCount(), 2);

        p.child<QLineEdit>("liveLogText")->clear();
        QCOMPARE(p.page->filter()->rowCount(), 5);
        // Unchecking 2xx leaves the 404 and the 500.
        p.child<QToolButton>("liveLogClass2xx")->click();
        QCOMPARE(p.page->filter()->rowCount(), 2);
        p.child<QToolButton>("liveLogClass5xx")->click();
        QCOMPARE(p.page->filter()->rowCount(), 1);
        QCOMPARE(p.page->filter()->index(0, ui::RequestLogModel::Status).data().toString(), QStringLiteral("404"));
        QVERIFY(p.append({p.event("/billing/gone", 410), p.event("/billing/fine")}));
        QTRY_COMPARE(p.page->model()->rowCount(), 7);
        QCOMPARE(p.page->filter()->rowCount(), 2);
    }

    void detailsShowTheFieldsAndNeverASecret()
    {
        PageFixture p;
        QVERIFY(!p.plaintext.isEmpty());
        RequestEvent failed = p.event("/billing/invoices?page=", 502);
        failed.upstreamStatus = 503;
        failed.error = "upstream_timeout";
        failed.bytesIn = 4321;
        QVERIFY(p.append({failed}));
        QTRY_COMPARE(p.page->filter()->rowCount(), 1);
        QVERIFY(QTest::qWaitForWindowExposed(p.page.get()));
        p.selectRow(0);
        const QString text = p.child<QPlainTextEdit>("liveLogDetails")->toPlainText();
        QVERIFY2(text.contains(QString::fromLatin1(failed.requestId)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("/billing/invoices?page=")));
        QVERIFY(text.contains(QStringLiteral("Status: 502")));
        QVERIFY(text.contains(QStringLiteral("Upstream status: 503")));
        QVERIFY(text.contains(QStringLiteral("Error: upstream_timeout")));
        QVERIFY(text.contains(QStringLiteral("billing")));
        QVERIFY(text.contains(QStringLiteral("mobile-app")));
        QVERIFY(text.contains(QStringLiteral("ci (#%1)").arg(p.token.id)));
        QVERIFY(text.contains(p.token.hint));
        QVERIFY(text.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(text.contains(QStringLiteral("4321")) || text.contains(QStringLiteral("4,321")));
        QVERIFY(!text.contains(QStringLiteral("Authorization"), Qt::CaseInsensitive));
        QVERIFY(!text.contains(QStringLiteral("Bearer"), Qt::CaseInsensitive));
        QVERIFY(!text.contains(QString::fromLatin1(p.plaintext.mid(4, 20))));
    }

    void revokeAndShowTokenFromARow()
    {
        PageFixture p;
        QVERIFY(p.append({p.event("/billing/invoices")}));
        QTRY_COMPARE(p.page->filter()->rowCount(), 1);
        QVERIFY(QTest::qWaitForWindowExposed(p.page.get()));
        auto* revoke = p.child<QPushButton>("liveLogRevoke");
        auto* show = p.child<QPushButton>("liveLogShowToken");
        QVERIFY(!revoke->isEnabled());
        QVERIFY(!p.page->canPerform(ui::PageAction::Revoke));
        p.selectRow(0);
        QVERIFY(revoke->isEnabled());
        QVERIFY(p.page->canPerform(ui::PageAction::Revoke));

        QSignalSpy shown(p.page.get(), &ui::LiveLogPage::showTokenRequested);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).toLongLong(), p.token.id);

        QSignalSpy messages(p.page.get(), &ui::Page::statusMessage);
        QVERIFY(!p.f.t.tokens.find(p.token.id)->revoked.isValid());
        QTest::mouseClick(revoke, Qt::LeftButton);
        QVERIFY(p.f.t.tokens.find(p.token.id)->revoked.isValid());
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.at(0).at(0).toString().contains(p.token.hint));
    }

    void exportsTheFilteredRowsToCsvAndJsonLines()
    {
        PageFixture p;
        RequestEvent odd = p.event("/billing/a,\"b\"");
        QVERIFY(p.append({p.event("/billing/invoices"), odd, p.event("/billing/gone", 404), p.event("/other")}));
        QTRY_COMPARE(p.page->model()->rowCount(), 4);
        QTest::keyClicks(p.child<QLineEdit>("liveLogText"), QStringLiteral("/billing/"));
        p.child<QToolButton>("liveLogClass4xx")->click();
        QCOMPARE(p.page->filter()->rowCount(), 2);

        QTemporaryDir dir;
        QSignalSpy finished(p.page.get(), &ui::LiveLogPage::exportFinished);
        const QString csvPath = dir.filePath(QStringLiteral("requests.csv"));
        ui::ExportFileChooser::setNextPath(csvPath);
        QTest::mouseClick(p.child<QPushButton>("liveLogExport"), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, and the empty remainder after the last CRLF
        QCOMPARE(lines.at(0),
            QByteArray("id,time,request_id,method,path,api,consumer,token_id,token_name,"
                       "token_hint,status,upstream_status,latency_us,bytes_in,bytes_out,client,"
                       "error,provider,model,tokens_in,tokens_out\r"));
        const qint64 firstId = p.page->model()->rowAt(0).id;
        QVERIFY(lines.at(1).startsWith(QByteArray(QByteArray::number(firstId) + ",\"")));
        QVERIFY(lines.at(1).contains(",\"/billing/invoices\",\"billing\",\"mobile-app\","));
        QVERIFY(lines.at(2).contains(",\"/billing/a,\"\"b\"\"\","));
        QVERIFY(lines.at(2).contains(QByteArray(",\"ci\",\"" + p.token.hint.toLatin1() + "\",200,")));
        QVERIFY(lines.at(3).isEmpty());

        const QString jsonPath = dir.filePath(QStringLiteral("requests.jsonl"));
        ui::ExportFileChooser::setNextPath(jsonPath);
        QTest::mouseClick(p.child<QPushButton>("liveLogExport"), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QFile jsonl(jsonPath);
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        const QList<QByteArray> objects = jsonl.readAll().split('\n');
        QCOMPARE(objects.size(), 3);
        QJsonParseError error;
        const QJsonObject first = QJsonDocument::fromJson(objects.at(0), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(first.value(QStringLiteral("id")).toInteger(), firstId);
        QCOMPARE(first.value(QStringLiteral("path")).toString(), QStringLiteral("/billing/invoices"));
        QCOMPARE(first.value(QStringLiteral("token_id")).toInteger(), p.token.id);
        QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject second = QJsonDocument::fromJson(objects.at(1)).object();
        QCOMPARE(second.value(QStringLiteral("path")).toString(), QStringLiteral("/billing/a,\"b\""));
        QVERIFY(objects.at(2).isEmpty());
    }

    void cancellingAnExportLeavesNoFile()
    {
        PageFixture p;
        QVERIFY(p.appendMany("/bulk/", 10'000));
        QTRY_COMPARE(p.page->model()->rowCount(), 10'000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QSignalSpy finished(p.page.get(), &ui::LiveLogPage::exportFinished);
        p.page->exportTo(path);
        auto* progress = p.child<QProgressDialog>("liveLogExportProgress");
        QVERIFY(progress);
        QCOMPARE(progress->maximum(), 10'000);
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        cancel->click();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestLiveLogPage)
#include "TestLiveLogPage.moc"

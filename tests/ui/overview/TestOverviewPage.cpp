#include "ui/overview/OverviewPage.h"

#include "core/catalog/sql/SqlQuery.h"
#include "core/gateway/Engine.h"
#include "core/requestlog/RequestLogStore.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FilterableTable.h"
#include "ui/overview/AiUsageModel.h"
#include "ui/overview/ExpiringTokensModel.h"
#include "ui/overview/RecentRevocationsModel.h"
#include "ui/overview/RequestRateChart.h"
#include "ui/overview/TopConsumersModel.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/MainWindow.h"
#include "ui/tokens/TokenTableModel.h"
#include "ui/tokens/TokensPage.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>

using namespace gatehouse;
using ui::OverviewPage;

namespace {

constexpr qint64 kMinuteMs = 60'000;

} // namespace

class TestOverviewPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ConsoleFixture> m_f;
    std::unique_ptr<gateway::Engine> m_engine;
    std::unique_ptr<OverviewPage> m_page;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    qint64 m_mobileApp = 0;
    qint64 m_batch = 0;

    qint64 createToken(const QString& name, const QString& consumer, int days)
    {
        TokenRequest request;
        request.consumer = consumer;
        request.name = name;
        request.scopes = {QStringLiteral("api:billing")};
        request.expiry = m_f->t.expiryInDays(days);
        auto issued = m_f->t.tokens.create(request);
        if (!issued) {
            qWarning("%s", qPrintable(issued.error().message));
            return 0;
        }
        return issued->token.id;
    }

    RequestEvent request(qint64 timeMs, int status, qint64 latencyUs, qint64 consumerId, const QString& consumer)
    {
        RequestEvent e;
        e.timeMs = timeMs;
        e.method = "GET";
        e.path = "/billing/invoices";
        e.status = status;
        e.upstreamStatus = status;
        e.latencyUs = latencyUs;
        e.consumerId = consumerId;
        e.consumerName = consumer;
        return e;
    }

    RequestEvent aiRequest(qint64 timeMs, qint64 tokenId, qint64 consumerId, const QString& consumer,
        const QString& model, qint64 tokensIn, qint64 tokensOut)
    {
        RequestEvent e = request(timeMs, 200, 1000, consumerId, consumer);
        e.method = "POST";
        e.path = "/ai/v1/chat/completions";
        e.tokenId = tokenId;
        e.providerId = 1;
        e.providerName = QStringLiteral("openai");
        e.model = model;
        e.modelKnown = true; // a model the provider lists: logged under its own name
        e.tokensIn = tokensIn;
        e.tokensOut = tokensOut;
        return e;
    }

    void openPage()
    {
        m_page = std::make_unique<OverviewPage>(m_f->services, m_engine.get());
        m_testers.clear();
        for (QAbstractItemModel* model :
            std::initializer_list<QAbstractItemModel*> {m_page->topConsumersModel(), m_page->expiringModel(),
                m_page->revocationsModel(), m_page->usageByConsumerModel(), m_page->usageByModelModel(),
                m_page->usageByConsumerView()->model(), m_page->usageByModelView()->model()})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Fatal));
        m_page->resize(1100, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_VERIFY(m_page->isHistoryLoaded());
        QTRY_VERIFY(m_page->isUsageLoaded());
    }

    QString figure(const char* name) const
    {
        auto* label = m_page->findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }

    QStringList column(QAbstractItemModel* model, int column) const
    {
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, column).data().toString());
        return texts;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_f = std::make_unique<test::ConsoleFixture>();
        QVERIFY(m_f->isReady());
        m_f->t.addBillingApiAndConsumer();
        auto batch = m_f->t.consumers.add(QStringLiteral("batch"), QString());
        QVERIFY(batch);
        m_batch = batch->id;
        auto mobile = m_f->t.consumers.find(QStringLiteral("mobile-app"));
        QVERIFY(mobile);
        m_mobileApp = mobile->id;
        m_engine = std::make_unique<gateway::Engine>(m_f->t.catalog, m_f->t.clock);
    }

    void cleanup()
    {
        m_testers.clear();
        m_page.reset();
        m_engine.reset();
        m_f.reset();
    }

    void showsTheFiguresOfTheEnginesBatches()
    {
        openPage();
        QCOMPARE(figure("requestsValue"), QStringLiteral("0"));
        QCOMPARE(figure("errorRateValue"), QStringLiteral("–"));
        QCOMPARE(figure("p50Value"), QStringLiteral("–"));

        // Ten requests of 1..10 ms: six by mobile-app, four by batch; two server errors.
        const qint64 now = m_f->t.clock.nowMs();
        QList<RequestEvent> batch;
        for (int i = 1; i <= 10; ++i) {
            const bool mobile = i <= 6;
            batch.append(request(now, i == 3 || i == 8 ? 503 : 200, i * 1000, mobile ? m_mobileApp : m_batch,
                mobile ? QStringLiteral("mobile-app") : QStringLiteral("batch")));
        }
        // A request that arrived before the page opened belongs to the history read, not the feed.
        batch.append(request(now - 1, 200, 1000, m_batch, QStringLiteral("batch")));
        Q_EMIT m_engine->requestsLogged(batch);

        QCOMPARE(figure("requestsValue"), QStringLiteral("10"));
        QCOMPARE(figure("requestsThisMinuteValue"), QStringLiteral("10"));
        QCOMPARE(figure("errorRateValue"), QStringLiteral("20.0%"));
        QCOMPARE(figure("p50Value"), QStringLiteral("5.0 ms"));
        QCOMPARE(figure("p95Value"), QStringLiteral("10.0 ms"));
        auto* top = m_page->topConsumersModel();
        QCOMPARE(column(top, ui::TopConsumersModel::ConsumerColumn),
            (QStringList {QStringLiteral("mobile-app"), QStringLiteral("batch")}));
        QCOMPARE(column(top, ui::TopConsumersModel::RequestsColumn),
            (QStringList {QStringLiteral("6"), QStringLiteral("4")}));
        QCOMPARE(column(top, ui::TopConsumersModel::ShareColumn),
            (QStringList {QStringLiteral("60.0%"), QStringLiteral("40.0%")}));
        QCOMPARE(m_page->topConsumersView()->model(), top);

        // A minute later the figures still cover the hour; a minute past the hour they are gone.
        m_f->t.clock.advanceMs(kMinuteMs);
        m_page->refresh();
        QCOMPARE(figure("requestsValue"), QStringLiteral("10"));
        QCOMPARE(figure("requestsThisMinuteValue"), QStringLiteral("0"));
        m_f->t.clock.advanceMs(60 * kMinuteMs);
        m_page->refresh();
        QCOMPARE(figure("requestsValue"), QStringLiteral("0"));
        QCOMPARE(top->rowCount(), 0);
    }

    void theChartDrawsABarPerMinute()
    {
        openPage();
        const qint64 now = m_f->t.clock.nowMs();
        QList<RequestEvent> first;
        for (int i = 0; i < 8; ++i)
            first.append(request(now, 200, 1000, m_batch, QStringLiteral("batch")));
        m_page->addRequests(first);
        m_f->t.clock.advanceMs(kMinuteMs);
        QList<RequestEvent> second;
        for (int i = 0; i < 4; ++i)
            second.append(request(now + kMinuteMs, 200, 1000, m_batch, QStringLiteral("batch")));
        m_page->addRequests(second);

        ui::RequestRateChart* chart = m_page->chart();
        QCOMPARE(chart->counts().size(), 60);
        QCOMPARE(chart->counts().at(58), 8);
        QCOMPARE(chart->counts().at(59), 4);
        QImage image(chart->size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        chart->render(&image);

        const QRectF full = chart->barRect(58);
        const QRectF half = chart->barRect(59);
        QVERIFY(!full.isEmpty());
        QVERIFY(!half.isEmpty());
        QVERIFY(chart->barRect(57).isEmpty());
        // The busiest minute fills the plot's height, the other is half as tall.
        QCOMPARE(qRound(full.top()), qRound(chart->plotRect().top()));
        QVERIFY(qAbs(half.height() * 2 - full.height()) <= 2);
        const QColor bar = ui::RequestRateChart::barColor();
        QCOMPARE(image.pixelColor(full.center().toPoint()), bar);
        QCOMPARE(image.pixelColor(half.center().toPoint()), bar);
        // Above the shorter bar, and where the empty minute would be, no bar is drawn.
        QVERIFY(image.pixelColor(QPointF(half.center().x(), full.top() + 3).toPoint()) != bar);
        const QPointF emptyMinute(full.center().x() - full.width() * 1.25, full.center().y());
        QVERIFY(image.pixelColor(emptyMinute.toPoint()) != bar);
    }

    void seedsTheLastHourFromTheRequestLog()
    {
        const qint64 now = m_f->t.clock.nowMs();
        RequestLogStore store(m_f->t.catalog.database());
        QVERIFY(store
                    .append({request(now - 30 * kMinuteMs, 200, 2000, m_mobileApp, {}),
                        request(now - 30 * kMinuteMs, 500, 4000, m_mobileApp, {}),
                        request(now - 2 * 60 * kMinuteMs, 200, 1000, m_batch, {})})
                    .ok()); // the last one is older than the hour
        openPage();
        QCOMPARE(figure("requestsValue"), QStringLiteral("2"));
        QCOMPARE(figure("errorRateValue"), QStringLiteral("50.0%"));
        QCOMPARE(m_page->chart()->counts().at(59 - 30), 2);
        // Names come from the catalog, as the log stores only ids.
        QCOMPARE(column(m_page->topConsumersModel(), ui::TopConsumersModel::ConsumerColumn),
            QStringList {QStringLiteral("mobile-app")});
        // Live batches add to the history.
        m_page->addRequests({request(now + 1, 200, 3000, m_batch, QStringLiteral("batch"))});
        QCOMPARE(figure("requestsValue"), QStringLiteral("3"));
    }

    void expiringTokensOpenInTheTokensPage()
    {
        const qint64 soon = createToken(QStringLiteral("tablets"), QStringLiteral("mobile-app"), 3);
        const qint64 sooner = createToken(QStringLiteral("nightly"), QStringLiteral("batch"), 1);
        QVERIFY(createToken(QStringLiteral("phones"), QStringLiteral("mobile-app"), 30));
        const qint64 revoked = createToken(QStringLiteral("leaked"), QStringLiteral("batch"), 2);
        QVERIFY(soon && sooner && revoked);
        QVERIFY(m_f->t.tokens.revoke(revoked));

        QTemporaryDir dir;
        ui::ConsoleSettings settings(dir.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(m_f->t.catalog, m_f->t.clock);
        ui::MainWindow window(m_f->services, gateway, settings);
        ui::addConsolePages(window, m_f->services, &gateway.engine());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* overview = qobject_cast<OverviewPage*>(window.page(QStringLiteral("Overview")));
        QVERIFY(overview);
        QCOMPARE(window.currentPage(), overview);
        QAbstractItemModelTester tester(
            overview->expiringModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);

        // Soonest first; the revoked and the far ones are not listed.
        QTableView* view = overview->expiringView();
        QCOMPARE(column(view->model(), ui::ExpiringTokensModel::TokenColumn).size(), 2);
        QVERIFY(view->model()->index(0, 0).data().toString().startsWith(QStringLiteral("nightly")));
        QVERIFY(view->model()->index(1, 0).data().toString().startsWith(QStringLiteral("tablets")));
        QCOMPARE(view->model()->index(1, ui::ExpiringTokensModel::ConsumerColumn).data().toString(),
            QStringLiteral("mobile-app"));

        // Return on "tablets" opens it in the Tokens page, selected.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(1, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Tokens"));
        auto* tokens = qobject_cast<ui::TokensPage*>(window.currentPage());
        QVERIFY(tokens);
        const QList<int> selected = tokens->table()->selectedSourceRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(tokens->model()->rowAt(selected.first()).id, soon);

        // A click on "nightly" does the same.
        window.showPage(QStringLiteral("Overview"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        QCOMPARE(window.currentPage()->title(), QStringLiteral("Tokens"));
        QCOMPARE(tokens->model()->rowAt(tokens->table()->selectedSourceRows().value(0)).id, sooner);

        // Rotated away, a token leaves the list (its replacement, with a new id, takes its place);
        // once its expiry has passed, a token leaves it too.
        auto rotated = m_f->t.tokens.rotate(soon, 3600'000);
        QVERIFY(rotated);
        const qint64 replacement = rotated->token.id;
        QTRY_VERIFY(overview->expiringModel()->rowOfId(soon) < 0);
        QVERIFY(overview->expiringModel()->rowOfId(replacement) >= 0);
        QCOMPARE(view->model()->rowCount(), 2);
        m_f->t.clock.advanceDays(2);
        overview->refresh();
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(ui::ExpiringTokensModel::kTokenIdRole).toLongLong(), replacement);
    }

    void revocationsAppearNewestFirst()
    {
        const qint64 first = createToken(QStringLiteral("tablets"), QStringLiteral("mobile-app"), 30);
        const qint64 second = createToken(QStringLiteral("nightly"), QStringLiteral("batch"), 30);
        QVERIFY(first && second);
        openPage();
        QTableView* view = m_page->revocationsView();
        QCOMPARE(view->model()->rowCount(), 0);

        // Through the console's own TokenService: the list follows at once.
        QVERIFY(m_f->services.tokens.revoke(first, QStringLiteral("leaked in a log")));
        QTRY_COMPARE(view->model()->rowCount(), 1);
        using R = ui::RecentRevocationsModel;
        QCOMPARE(view->model()->index(0, R::TokenColumn).data().toString(), QStringLiteral("tablets"));
        QCOMPARE(view->model()->index(0, R::ConsumerColumn).data().toString(), QStringLiteral("mobile-app"));
        QCOMPARE(view->model()->index(0, R::ReasonColumn).data().toString(), QStringLiteral("leaked in a log"));
        QCOMPARE(view->model()->index(0, R::TokenColumn).data(R::kTokenIdRole).toLongLong(), first);

        // By another admin (the CLI): within a poll, on top.
        m_f->t.clock.advanceSecs(30);
        QVERIFY(m_f->t.tokens.revoke(second));
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, R::TokenColumn).data().toString(), QStringLiteral("nightly"));
        QCOMPARE(view->model()->index(1, R::TokenColumn).data().toString(), QStringLiteral("tablets"));
    }

    // The AI usage of the last 30 UTC days: read from the daily sums, then kept live by the engine's batches.
    void aiUsageByConsumerAndByModel()
    {
        const qint64 phones = createToken(QStringLiteral("phones"), QStringLiteral("mobile-app"), 60);
        const qint64 nightly = createToken(QStringLiteral("nightly"), QStringLiteral("batch"), 60);
        QVERIFY(phones && nightly);
        QVERIFY(sql::exec(m_f->t.catalog.database(),
            QStringLiteral("INSERT INTO providers (id, name, type, base_url, created_at, updated_at) VALUES "
                           "(1, 'openai', 'openai', 'https://api.openai.com', 0, 0)")));
        const qint64 now = m_f->t.clock.nowMs();
        const qint64 day = 24 * 60 * kMinuteMs;
        const QString mobile = QStringLiteral("mobile-app");
        const QString batch = QStringLiteral("batch");
        RequestLogStore store(m_f->t.catalog.database());
        QVERIFY(store
                    .append({aiRequest(now - 40 * day, nightly, m_batch, batch, QStringLiteral("gpt-4o"), 1'000'000,
                                 1'000'000),
                        aiRequest(now - 10 * day, phones, m_mobileApp, mobile, QStringLiteral("gpt-4o"), 100, 50),
                        aiRequest(now - 1, phones, m_mobileApp, mobile, QStringLiteral("gpt-4o-mini"), 10, 5),
                        aiRequest(now - 1, nightly, m_batch, batch, QStringLiteral("gpt-4o"), 1000, 400),
                        request(now - 1, 200, 1000, m_batch, batch)}) // not an AI request
                    .ok());
        openPage();

        // The period is stated where the tables are.
        QStringList titles;
        for (const QLabel* label : m_page->findChildren<QLabel*>())
            titles.append(label->text());
        QVERIFY(titles.contains(QStringLiteral("<b>AI usage by consumer, last 30 days (UTC)</b>")));
        QVERIFY(titles.contains(QStringLiteral("<b>AI usage by model, last 30 days (UTC)</b>")));
        QCOMPARE(m_page->usagePeriod().second, m_f->t.clock.now().date());
        QCOMPARE(m_page->usagePeriod().first, m_f->t.clock.now().date().addDays(-29));
        QVERIFY(m_page->usageByModelView()->toolTip().contains(m_page->usagePeriod().first.toString(Qt::ISODate)));

        QAbstractItemModel* consumers = m_page->usageByConsumerView()->model();
        QAbstractItemModel* models = m_page->usageByModelView()->model();
        using U = ui::AiUsageModel;
        QCOMPARE(consumers->headerData(U::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Consumer"));
        QCOMPARE(models->headerData(U::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Model"));
        QCOMPARE(column(consumers, U::NameColumn), (QStringList {batch, mobile}));
        QCOMPARE(column(consumers, U::RequestsColumn), (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(column(consumers, U::TokensInColumn), (QStringList {QStringLiteral("1000"), QStringLiteral("110")}));
        QCOMPARE(column(consumers, U::TokensOutColumn), (QStringList {QStringLiteral("400"), QStringLiteral("55")}));
        QCOMPARE(column(models, U::NameColumn),
            (QStringList {QStringLiteral("openai/gpt-4o"), QStringLiteral("openai/gpt-4o-mini")}));
        QCOMPARE(column(models, U::RequestsColumn), (QStringList {QStringLiteral("2"), QStringLiteral("1")}));

        // The engine's batches add to the rows: a new model, and mobile-app overtakes batch. Refused requests,
        // requests without a token, and those that arrived before the page opened are not counted.
        QList<RequestEvent> live {aiRequest(now + 1, phones, m_mobileApp, mobile, QStringLiteral("o3"), 2000, 300),
            aiRequest(now + 1, 0, 0, QString(), QStringLiteral("o3"), 5000, 5000)};
        RequestEvent refused = aiRequest(now + 1, phones, m_mobileApp, mobile, QStringLiteral("o3"), -1, -1);
        refused.rejectReason = "budget_exceeded";
        live.append(refused);
        QVERIFY(store.append(live).ok()); // as the engine does before it tells
        live.append(aiRequest(now - 2, phones, m_mobileApp, mobile, QStringLiteral("o3"), 5000, 5000));
        Q_EMIT m_engine->requestsLogged(live);
        QCOMPARE(column(consumers, U::NameColumn), (QStringList {mobile, batch}));
        QCOMPARE(column(consumers, U::RequestsColumn), (QStringList {QStringLiteral("3"), QStringLiteral("1")}));
        QCOMPARE(column(consumers, U::TokensInColumn), (QStringList {QStringLiteral("2110"), QStringLiteral("1000")}));
        QCOMPARE(column(models, U::NameColumn),
            (QStringList {
                QStringLiteral("openai/o3"), QStringLiteral("openai/gpt-4o"), QStringLiteral("openai/gpt-4o-mini")}));

        // A new UTC day moves the period: read again, the request of 10 days ago drops out 21 days later.
        QSignalSpy reloaded(m_page.get(), &OverviewPage::usageLoaded);
        m_f->t.clock.advanceDays(21);
        m_page->refresh();
        QVERIFY(reloaded.wait(10'000));
        QCOMPARE(reloaded.first().first().toString(), QString());
        QCOMPARE(column(consumers, U::NameColumn), (QStringList {mobile, batch}));
        QCOMPARE(column(consumers, U::RequestsColumn), (QStringList {QStringLiteral("2"), QStringLiteral("1")}));
        QCOMPARE(column(consumers, U::TokensInColumn), (QStringList {QStringLiteral("2010"), QStringLiteral("1000")}));
        QCOMPARE(m_page->usagePeriod().second, m_f->t.clock.now().date());
    }

    void latencyText()
    {
        QCOMPARE(OverviewPage::latencyText(-1), QStringLiteral("–"));
        QCOMPARE(OverviewPage::latencyText(850), QStringLiteral("850 µs"));
        QCOMPARE(OverviewPage::latencyText(12'345), QStringLiteral("12.3 ms"));
        QCOMPARE(OverviewPage::latencyText(1'250'000), QStringLiteral("1.25 s"));
    }
};

QTEST_MAIN(TestOverviewPage)
#include "TestOverviewPage.moc"

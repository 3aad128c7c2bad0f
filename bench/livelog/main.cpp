// Live log stall benchmark: the Live Log page holding 100,000 rows while 5,000 requests a second
// are written to the request log by another thread, as the gateway's writer does. Reports the
// longest the GUI thread's event loop went without running a 5 ms timer; the budget is 50 ms.
//
//   bench_live_log [--seconds 10] [--rate 5000] [--rows 100000] [--filter TEXT] [--budget-ms 50]
//
// Runs on any Qt platform; QT_QPA_PLATFORM=offscreen works without a display.

#include "bench/livelog/LogFlood.h"
#include "bench/livelog/StallMeter.h"
#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "core/requestlog/RequestLogStore.h"
#include "ui/common/ConsoleServices.h"
#include "ui/livelog/LiveLogPage.h"
#include "ui/livelog/RequestLogFeed.h"
#include "ui/livelog/RequestLogFilter.h"
#include "ui/livelog/RequestLogModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace gatehouse;

namespace {

int intOption(const QCommandLineParser& parser, const QString& name, int fallback)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

bool prefill(Catalog& catalog, int rows)
{
    RequestLogStore store(catalog.database());
    const qint64 start = Clock::system().nowMs() - 3'600'000;
    for (int done = 0; done < rows;) {
        QList<RequestEvent> batch;
        const int count = qMin(10'000, rows - done);
        for (int i = 0; i < count; ++i, ++done) {
            RequestEvent e;
            e.timeMs = start + done;
            e.requestId = QByteArray::number(done, 16).rightJustified(32, 'f');
            e.method = "GET";
            e.path = "/billing/history/" + QByteArray::number(done % 991);
            e.status = 200;
            e.upstreamStatus = 200;
            e.latencyUs = 1000;
            e.bytesOut = 1024;
            e.clientAddress = "127.0.0.1";
            batch.append(e);
        }
        if (auto appended = store.append(batch); !appended) {
            std::fprintf(stderr, "prefill failed: %s\n", qPrintable(appended.error().message));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("seconds"), QStringLiteral("How long to stream (default 10)."),
                           QStringLiteral("N")},
        {QStringLiteral("rate"), QStringLiteral("Requests per second written (default 5000)."), QStringLiteral("N")},
        {QStringLiteral("rows"), QStringLiteral("Rows held by the page before streaming (default 100000)."),
            QStringLiteral("N")},
        {QStringLiteral("filter"), QStringLiteral("Free-text filter applied while streaming."), QStringLiteral("TEXT")},
        {QStringLiteral("budget-ms"), QStringLiteral("Longest stall allowed (default 50)."), QStringLiteral("MS")}});
    parser.process(app);
    const int seconds = intOption(parser, QStringLiteral("seconds"), 10);
    const int rate = intOption(parser, QStringLiteral("rate"), 5000);
    const int rows = intOption(parser, QStringLiteral("rows"), ui::RequestLogModel::kDefaultMaxRows);
    const int budgetMs = intOption(parser, QStringLiteral("budget-ms"), 50);

    QTemporaryDir dir;
    Catalog catalog(Clock::system());
    const QString path = dir.filePath(Catalog::fileName());
    if (auto opened = catalog.open(path); !opened) {
        std::fprintf(stderr, "cannot open the catalog: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    std::printf("prefilling the request log with %d rows...\n", rows);
    std::fflush(stdout);
    if (!prefill(catalog, rows))
        return 2;

    ui::ConsoleServices services(catalog, Clock::system(), QStringLiteral("bench"));
    ui::LiveLogPage page(services, nullptr);
    page.resize(1280, 800);
    page.show();
    ui::RequestLogModel* model = page.model();
    QElapsedTimer loadTime;
    loadTime.start();
    while (model->rowCount() < qMin(rows, model->maxRows()) && page.feed()->loadOlder(10'000) > 0) { }
    std::printf(
        "page holds %d rows (cap %d), loaded in %lld ms\n", model->rowCount(), model->maxRows(), loadTime.elapsed());
    if (parser.isSet(QStringLiteral("filter")))
        page.filter()->setText(parser.value(QStringLiteral("filter")));
    const qint64 firstId = model->newestId();

    QThread writerThread;
    auto* flood = new bench::LogFlood(path, rate);
    flood->moveToThread(&writerThread);
    QObject::connect(&writerThread, &QThread::started, flood, &bench::LogFlood::start);
    QObject::connect(&writerThread, &QThread::finished, flood, &QObject::deleteLater);

    // First the same page idle, to see what the machine alone costs (other processes on the same
    // cores show up as wall-clock gaps), then the page under the stream.
    const int baselineMs = qMax(2000, seconds * 300);
    bench::StallMeter idle;
    bench::StallMeter meter;
    idle.start();
    QTimer::singleShot(baselineMs, &app, [&] {
        idle.stop();
        writerThread.start();
        meter.start();
    });
    QTimer::singleShot(baselineMs + seconds * 1000, &app, [&] {
        meter.stop();
        QMetaObject::invokeMethod(flood, &bench::LogFlood::stop, Qt::BlockingQueuedConnection);
        app.quit();
    });
    app.exec();
    const qint64 written = flood->written();
    writerThread.quit();
    writerThread.wait();

    const qint64 received = model->newestId() - firstId;
    std::printf("streamed for %d s at %d requests/s: %lld written, %lld shown by the page, %d rows held (%d after "
                "filtering)\n",
        seconds, rate, written, received, model->rowCount(), page.filter()->rowCount());
    std::printf("idle page (baseline, %d ms): longest gap %.1f ms wall, %.1f ms busy\n", baselineMs,
        idle.longestGapMsExact(), idle.longestBusyMs());
    std::printf("event loop: %lld ticks of a %d ms timer\n", meter.ticks(), bench::StallMeter::kIntervalMs);
    std::printf("longest event-loop stall: %.1f ms wall (budget %d ms), of which the GUI thread was busy %.1f ms; "
                "stalls over budget: %lld\n",
        meter.longestGapMsExact(), budgetMs, meter.longestBusyMs(), meter.gapsOver(budgetMs));
    const bool kept = received >= written - qint64(rate); // within a second of the writer
    const bool ok = meter.longestGapMs() <= budgetMs && kept;
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        std::printf("load average: %.2f on %d cores\n", load[0], QThread::idealThreadCount());
    if (!ok && kept && meter.longestBusyMs() <= budgetMs)
        std::printf("note: the GUI thread's longest busy stretch (%.1f ms) is within the budget; the rest of the "
                    "longest gap went to other threads and processes. Rerun on a quiet machine.\n",
            meter.longestBusyMs());
    std::printf("%s\n", ok ? "PASS" : (kept ? "FAIL: the window stalled" : "FAIL: the page fell behind"));
    return ok ? 0 : 1;
}

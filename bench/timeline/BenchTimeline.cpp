// Paint time of the expiry timeline with 10,000 tokens: builds only with -DGATEHOUSE_BENCH=ON and
// is never part of ctest's run. Prints the median of repeated paints of a full-HD-sized widget,
// at the top, mid-scroll and zoomed out to a year, so a regression in "paint only what is
// visible" shows as a jump from milliseconds to hundreds of them.
#include "ui/timeline/TokenTimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>

using namespace gatehouse;

namespace {

constexpr int kTokens = 10'000;
constexpr int kRounds = 50;

QList<Token> makeTokens(const QDateTime& now)
{
    QList<Token> tokens;
    tokens.reserve(kTokens);
    for (int i = 1; i <= kTokens; ++i) {
        Token t;
        t.id = i;
        t.consumerId = i % 200;
        t.consumerName = QStringLiteral("consumer-%1").arg(i % 200, 3, 10, QLatin1Char('0'));
        t.name = QStringLiteral("token %1").arg(i);
        t.scopes = {QStringLiteral("api:billing")};
        t.created = now.addDays(-(i % 300));
        if (i % 13 != 0)
            t.expires = t.created.addDays(30 + i % 365);
        if (i % 11 == 0)
            t.revoked = t.created.addDays(i % 20);
        tokens.append(t);
    }
    return tokens;
}

double medianPaintMs(ui::TokenTimeline& timeline, QImage& image)
{
    QList<double> times;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        timeline.viewport()->render(&image);
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    ui::TokenTimeline timeline;
    timeline.resize(1920, 1080);
    timeline.setNow(now);
    QElapsedTimer load;
    load.start();
    timeline.setTokens(makeTokens(now));
    const double loadMs = double(load.nsecsElapsed()) / 1e6;
    timeline.show();
    QImage image(timeline.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    std::printf(
        "bench_timeline: %d tokens, %dx%d, median of %d paints\n", kTokens, image.width(), image.height(), kRounds);
    std::printf("  setTokens (group and lay out): %8.2f ms\n", loadMs);
    const double top = medianPaintMs(timeline, image);
    std::printf("  paint at the top:              %8.2f ms (%d bars)\n", top, timeline.lastPaintedBars());
    timeline.verticalScrollBar()->setValue(timeline.verticalScrollBar()->maximum() / 2);
    const double middle = medianPaintMs(timeline, image);
    std::printf("  paint mid-scroll:              %8.2f ms (%d bars)\n", middle, timeline.lastPaintedBars());
    timeline.setVisibleRange(now.addDays(-300).toMSecsSinceEpoch(), 365LL * 24 * 3600 * 1000);
    const double year = medianPaintMs(timeline, image);
    std::printf("  paint a year's span:           %8.2f ms (%d bars)\n", year, timeline.lastPaintedBars());
    return 0;
}

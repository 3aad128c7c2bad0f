#include "ui/shell/ScreenshotTour.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/MainWindow.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestScreenshotTour : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNamesFollowPageTitles()
    {
        QCOMPARE(ui::ScreenshotTour::fileNameFor(QStringLiteral("AI Providers")), QStringLiteral("ai-providers.png"));
        QCOMPARE(ui::ScreenshotTour::fileNameFor(QStringLiteral("APIs")), QStringLiteral("apis.png"));
    }

    void savesOnePictureOfTheWholeWindowPerPage()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QTemporaryDir out;
        QVERIFY(out.isValid());
        ui::ConsoleSettings settings(out.filePath(QStringLiteral("gatehouse.conf")));
        ui::GatewayController gateway(f.t.catalog, f.t.clock);
        ui::MainWindow window(f.services, gateway, settings);
        ui::addConsolePages(window, f.services, &gateway.engine());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ui::ScreenshotTour tour(window, out.filePath(QStringLiteral("shots")));
        QSignalSpy finished(&tour, &ui::ScreenshotTour::finished);
        tour.start();
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        for (const QString& title : window.pageTitles()) {
            const QImage image(out.filePath(QStringLiteral("shots/") + ui::ScreenshotTour::fileNameFor(title)));
            QVERIFY2(!image.isNull(), qPrintable(title));
            QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
        }
        // The tour ends on the last page it shot.
        QCOMPARE(window.currentPage()->title(), window.pageTitles().last());
    }
};

QTEST_MAIN(TestScreenshotTour)
#include "TestScreenshotTour.moc"

// gatehouse: the desktop console. This file only wires: options, catalog, services, gateway,
// window, event loop.

#include "core/catalog/Catalog.h"
#include "core/catalog/DataDirectory.h"
#include "core/common/Clock.h"
#include "core/secrets/SecretStoreSelector.h"
#include "ui/common/ConsoleServices.h"
#include "ui/overview/ExpiryNotifier.h"
#include "ui/shell/ConsoleLanguage.h"
#include "ui/shell/ConsolePages.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/DesktopNotifier.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/GatewayToolBar.h"
#include "ui/shell/GatewayTray.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ScreenshotTour.h"
#include "ui/shell/SystemTray.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

// main() is no class: its strings are in the "Console" context, which lupdate sees through Console::tr.
struct Console
{
    Q_DECLARE_TR_FUNCTIONS(Console)
};

} // namespace

int main(int argc, char** argv)
{
    // The console holds secrets in memory (a freshly minted token): no core dumps, no ptrace by peers.
    const rlimit noCore {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);
    // The gateway's worker threads run Qt's own event dispatcher: GLib's costs them about 40% of
    // their throughput (see bench/RESULTS.md). Set before any thread starts.
    qputenv("QT_NO_GLIB", "1");

    QApplication app(argc, argv);
    // The icons live in gatehouse-ui, a static library: its resources must be registered by hand.
    Q_INIT_RESOURCE(resources);
    QApplication::setOrganizationName(QStringLiteral("gatehouse"));
    QApplication::setApplicationName(QStringLiteral("gatehouse"));
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    // Wayland compositors and docks find the window's .desktop file (and so its icon) by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.gatehouse.Gatehouse"));

    // The language before anything is shown, --help included: --lang, else the user's languages.
    const QString requestedLanguage = gatehouse::ui::ConsoleLanguage::requested(QApplication::arguments());
    const auto language = gatehouse::ui::ConsoleLanguage::choose(requestedLanguage, QLocale::system().uiLanguages());
    if (!language) {
        std::fprintf(stderr, "gatehouse: --lang: %s\n", qPrintable(language.error().message));
        return 2;
    }
    // An explicit --lang also formats dates and numbers for that language (month names on the timeline).
    if (!requestedLanguage.isEmpty())
        QLocale::setDefault(QLocale(*language));
    if (!gatehouse::ui::ConsoleLanguage::install(*language, app))
        std::fprintf(
            stderr, "gatehouse: the %s translation could not be loaded; English it is\n", qPrintable(*language));

    QCommandLineParser parser;
    parser.setApplicationDescription(Console::tr("Gatehouse console: API bearer tokens and a local gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("data-dir"), Console::tr("The directory holding the catalog."), Console::tr("DIR")});
    parser.addOption({QStringLiteral("port"),
        Console::tr("The local gateway's port (default: the last one used, else 8080)."), Console::tr("PORT")});
    parser.addOption({QStringLiteral("no-gateway"), Console::tr("Do not start the local gateway this time.")});
    parser.addOption({QStringLiteral("lang"),
        Console::tr("The console's language: %1 (default: the system's language, else English).")
            .arg(gatehouse::ui::ConsoleLanguage::available().join(QStringLiteral(", "))),
        Console::tr("LANG")});
    parser.addOption({QStringLiteral("screenshots"),
        Console::tr("Save a PNG of every page into DIR, then quit (tools/screenshots.sh)."), Console::tr("DIR")});
    parser.process(app);

    auto directory = gatehouse::dataDirectory::prepare(parser.value(QStringLiteral("data-dir")));
    gatehouse::Catalog catalog(gatehouse::Clock::system());
    auto opened = directory ? catalog.openInDirectory(*directory) : gatehouse::Result<void>(directory.error());
    if (!opened) {
        QMessageBox::critical(nullptr, Console::tr("Gatehouse"),
            Console::tr("The catalog could not be opened:\n%1").arg(opened.error().toString()));
        return 1;
    }

    gatehouse::ui::ConsoleSettings settings;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            std::fprintf(stderr, "gatehouse: --port must be between 1 and 65535\n");
            return 2;
        }
        settings.setGatewayPort(quint16(port));
    }

    gatehouse::ui::ConsoleServices services(catalog, gatehouse::Clock::system());
    // Where provider keys live, by the CLI's rules; without a keychain or a passphrase the AI
    // Providers page says why, and only keyed providers cannot be added.
    services.useSecretStoreSelection(gatehouse::secrets::SecretStoreSelector::select(*directory));
    gatehouse::ui::GatewayController gateway(catalog, gatehouse::Clock::system());
    // The in-process gateway reads the AI providers' keys from the same store (asynchronously, never per request).
    gateway.engine().setSecretStore(services.secretStore());
    gatehouse::ui::MainWindow window(services, gateway, settings);
    gatehouse::ui::addConsolePages(window, services, &gateway.engine());
    window.show();

    // The tray shows the gateway's state where the desktop has a tray, and carries the notice a
    // day before a token expires (nothing is shown without a tray).
    gatehouse::ui::GatewayTray trayState(gateway);
    gatehouse::ui::SystemTray tray(trayState);
    const auto showWindow = [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    };
    QObject::connect(&trayState, &gatehouse::ui::GatewayTray::showRequested, &window, showWindow);
    QObject::connect(&tray, &gatehouse::ui::SystemTray::activated, &window, showWindow);
    QObject::connect(&trayState, &gatehouse::ui::GatewayTray::startRequested, window.gatewayToolBar(),
        &gatehouse::ui::GatewayToolBar::start);
    QObject::connect(&trayState, &gatehouse::ui::GatewayTray::stopRequested, window.gatewayToolBar(),
        &gatehouse::ui::GatewayToolBar::stop);
    // Closing the window stops the gateway cleanly (and flushes its log) before the loop ends.
    QObject::connect(&trayState, &gatehouse::ui::GatewayTray::quitRequested, &window, &QWidget::close);
    // Notifications through the desktop's notification server, else the tray's balloon.
    gatehouse::ui::DesktopNotifier notifier(&tray);
    gatehouse::ui::ExpiryNotifier expiryNotifier(services, settings, notifier);
    if (!parser.isSet(QStringLiteral("screenshots")))
        QTimer::singleShot(0, &expiryNotifier, &gatehouse::ui::ExpiryNotifier::check);
    // A taken port is not fatal: the toolbar says so and offers a free one.
    if (settings.startGatewayOnLaunch() && !parser.isSet(QStringLiteral("no-gateway")))
        window.gatewayToolBar()->start();
    if (parser.isSet(QStringLiteral("screenshots"))) {
        auto* tour = new gatehouse::ui::ScreenshotTour(window, parser.value(QStringLiteral("screenshots")), &app);
        QObject::connect(
            tour, &gatehouse::ui::ScreenshotTour::finished, &app, [](bool ok) { QApplication::exit(ok ? 0 : 1); });
        tour->start();
    }
    return app.exec();
}

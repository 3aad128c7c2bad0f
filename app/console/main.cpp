// gatehouse: the desktop console. This file only wires: options, catalog, window, event loop.

#include "core/catalog/Catalog.h"
#include "core/catalog/DataDirectory.h"
#include "core/common/Clock.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <sys/prctl.h>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    // The console holds secrets in memory (a freshly minted token): no core dumps, no ptrace by peers.
    const rlimit noCore {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);

    QApplication app(argc, argv);
    // The icons live in gatehouse-ui, a static library: its resources must be registered by hand.
    Q_INIT_RESOURCE(resources);
    QApplication::setApplicationName(QStringLiteral("gatehouse"));
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gatehouse console: API bearer tokens and a local gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("data-dir"), QStringLiteral("The directory holding the catalog."), QStringLiteral("DIR")});
    parser.process(app);

    auto directory = gatehouse::dataDirectory::prepare(parser.value(QStringLiteral("data-dir")));
    gatehouse::Catalog catalog(gatehouse::Clock::system());
    auto opened = directory ? catalog.openInDirectory(*directory) : gatehouse::Result<void>(directory.error());
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("Gatehouse"),
            QObject::tr("The catalog could not be opened:\n%1").arg(opened.error().toString()));
        return 1;
    }
    gatehouse::MainWindow window(catalog);
    window.show();
    return app.exec();
}

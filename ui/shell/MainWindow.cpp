#include "ui/shell/MainWindow.h"

#include "core/catalog/Catalog.h"
#include "ui/common/ConsoleServices.h"
#include "ui/shell/ConsoleSettings.h"
#include "ui/shell/GatewayController.h"
#include "ui/shell/GatewayToolBar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace gatehouse::ui {

namespace {

constexpr int kStatusRefreshMs = 1000;
constexpr int kMessageTimeoutMs = 5000;

} // namespace

MainWindow::MainWindow(
    ConsoleServices& services, GatewayController& gateway, ConsoleSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_gateway(gateway)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    resize(1180, 720);

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setMaximumWidth(220);
    m_sidebar->setMinimumWidth(150);
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding: 7px 12px; }"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_gatewayBar = new GatewayToolBar(m_gateway, m_settings, this);
    createActions();
    createMenus();
    addToolBar(m_gatewayBar);

    m_traffic = new QLabel(this);
    m_traffic->setObjectName(QStringLiteral("trafficStatus"));
    m_catalogLabel = new QLabel(m_services.catalog.filePath(), this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogPath"));
    m_catalogLabel->setToolTip(tr("The catalog this console works on"));
    statusBar()->addPermanentWidget(m_catalogLabel);
    statusBar()->addPermanentWidget(m_traffic);
    auto* statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start(kStatusRefreshMs);
    connect(&m_gateway, &GatewayController::stateChanged, this, &MainWindow::updateStatus);
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    struct Spec
    {
        PageAction action;
        QString text;
        QKeySequence shortcut;
        QString tip;
    };
    const QList<Spec> specs {
        {PageAction::New, tr("&New…"), QKeySequence::New, tr("Add an item to this page (Ctrl+N)")},
        {PageAction::Edit, tr("&Edit…"), QKeySequence(Qt::CTRL | Qt::Key_E), tr("Edit the selected item (Ctrl+E)")},
        {PageAction::Remove, tr("&Remove…"), QKeySequence::Delete, tr("Remove the selected items (Delete)")},
        {PageAction::Revoke, tr("Re&voke"), QKeySequence(Qt::CTRL | Qt::Key_R),
            tr("Revoke the selected tokens now: the gateway refuses them from the next request (Ctrl+R)")},
        {PageAction::Find, tr("&Find"), QKeySequence::Find, tr("Filter the current table (Ctrl+F)")},
        {PageAction::Refresh, tr("Re&fresh"), QKeySequence::Refresh, tr("Reread the catalog (F5)")},
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        action->setShortcut(spec.shortcut);
        action->setToolTip(spec.tip);
        action->setStatusTip(spec.tip);
        action->setEnabled(false);
        const PageAction what = spec.action;
        connect(action, &QAction::triggered, this, [this, what] {
            if (Page* page = currentPage(); page && page->canPerform(what))
                page->perform(what);
        });
        addAction(action); // shortcuts work wherever the focus is in the window
        m_actions.insert(spec.action, action);
    }
    m_actions.value(PageAction::New)->setObjectName(QStringLiteral("actionNew"));
    m_actions.value(PageAction::Edit)->setObjectName(QStringLiteral("actionEdit"));
    m_actions.value(PageAction::Remove)->setObjectName(QStringLiteral("actionRemove"));
    m_actions.value(PageAction::Revoke)->setObjectName(QStringLiteral("actionRevoke"));
    m_actions.value(PageAction::Find)->setObjectName(QStringLiteral("actionFind"));
    m_actions.value(PageAction::Refresh)->setObjectName(QStringLiteral("actionRefresh"));

    auto* pageBar = addToolBar(tr("Page"));
    pageBar->setObjectName(QStringLiteral("pageToolBar"));
    for (PageAction action : {PageAction::New, PageAction::Edit, PageAction::Remove, PageAction::Revoke})
        pageBar->addAction(m_actions.value(action));
}

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    for (PageAction action : {PageAction::New, PageAction::Edit, PageAction::Remove, PageAction::Revoke})
        edit->addAction(m_actions.value(action));
    edit->addSeparator();
    edit->addAction(m_actions.value(PageAction::Find));
    edit->addAction(m_actions.value(PageAction::Refresh));

    auto* gateway = menuBar()->addMenu(tr("&Gateway"));
    gateway->addAction(m_gatewayBar->toggleAction());
    m_startOnLaunch = gateway->addAction(tr("Start the gateway when Gatehouse opens"));
    m_startOnLaunch->setObjectName(QStringLiteral("actionStartOnLaunch"));
    m_startOnLaunch->setCheckable(true);
    m_startOnLaunch->setChecked(m_settings.startGatewayOnLaunch());
    connect(m_startOnLaunch, &QAction::toggled, this, [this](bool on) { m_settings.setStartGatewayOnLaunch(on); });

    menuBar()->addMenu(tr("&View"))->setObjectName(QStringLiteral("viewMenu"));

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gatehouse"), this, [this] {
        QMessageBox::about(this, tr("About Gatehouse"),
            tr("<h3>Gatehouse %1</h3><p>API bearer tokens and a local gateway.</p><p>Catalog: %2</p>")
                .arg(QApplication::applicationVersion(), m_services.catalog.filePath().toHtmlEscaped()));
    });
}

void MainWindow::addPage(Page* page)
{
    const int index = m_pages->addWidget(page);
    auto* item = new QListWidgetItem(page->title(), m_sidebar);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(page->title()).arg(index + 1));
    connect(page, &Page::actionsChanged, this, [this, page] {
        if (page == currentPage())
            updateActions();
    });
    connect(page, &Page::statusMessage, this,
        [this](const QString& message) { statusBar()->showMessage(message, kMessageTimeoutMs); });

    if (index < 9) {
        auto* go = new QAction(page->title(), this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        connect(go, &QAction::triggered, this, [this, index] { m_sidebar->setCurrentRow(index); });
        addAction(go);
        if (auto* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
            view->addAction(go);
    }
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
    setTabOrder(m_sidebar, m_pages);
}

void MainWindow::showPage(const QString& title)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        if (static_cast<Page*>(m_pages->widget(i))->title() == title) {
            m_sidebar->setCurrentRow(i);
            return;
        }
    }
}

Page* MainWindow::currentPage() const
{
    return static_cast<Page*>(m_pages->currentWidget());
}

Page* MainWindow::page(const QString& title) const
{
    for (int i = 0; i < m_pages->count(); ++i) {
        auto* candidate = static_cast<Page*>(m_pages->widget(i));
        if (candidate->title() == title)
            return candidate;
    }
    return nullptr;
}

QStringList MainWindow::pageTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_pages->count(); ++i)
        titles.append(static_cast<Page*>(m_pages->widget(i))->title());
    return titles;
}

QString MainWindow::statusText() const
{
    return m_traffic->text();
}

void MainWindow::onPageChanged(int row)
{
    if (row < 0)
        return;
    m_pages->setCurrentIndex(row);
    updateActions();
}

void MainWindow::updateActions()
{
    Page* page = currentPage();
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        it.value()->setEnabled(page && page->canPerform(it.key()));
}

void MainWindow::updateStatus()
{
    // "Gateway stopped", "Gateway error: ...", or where it listens and how busy it is.
    if (!m_gateway.isRunning()) {
        m_traffic->setText(m_gateway.stateText());
        return;
    }
    m_traffic->setText(tr("%1 · %2 req/s · %3 open connections")
                           .arg(m_gateway.stateText())
                           .arg(m_gateway.requestsPerSecond(), 0, 'f', 1)
                           .arg(m_gateway.openConnections()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Stop cleanly: in-flight requests finish (briefly) and the request log is flushed.
    m_gateway.stop();
    event->accept();
}

} // namespace gatehouse::ui

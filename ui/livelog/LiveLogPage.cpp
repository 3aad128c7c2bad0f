#include "ui/livelog/LiveLogPage.h"

#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "core/gateway/GatewayControl.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/MessageBoxes.h"
#include "ui/livelog/ExportFileChooser.h"
#include "ui/livelog/RequestDetailsPane.h"
#include "ui/livelog/RequestLogExporter.h"
#include "ui/livelog/RequestLogFeed.h"
#include "ui/livelog/RequestLogFilter.h"
#include "ui/livelog/RequestLogModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

constexpr int kFollowIntervalMs = 100;
constexpr int kOlderRowsPerLoad = 1000;

} // namespace

LiveLogPage::LiveLogPage(ConsoleServices& services, gateway::GatewayControl* engineOrNull, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_model(new RequestLogModel(this))
    , m_filter(new RequestLogFilter(this))
    , m_feed(new RequestLogFeed(services.catalog.location(), m_model, this))
{
    setObjectName(QStringLiteral("liveLogPage"));
    m_filter->setLogModel(m_model);
    buildUi();
    reloadFilterChoices();

    connect(&services.revisions, &CatalogChangeFeed::changed, this, &LiveLogPage::reloadFilterChoices);
    connect(m_feed, &RequestLogFeed::failed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("Reading the request log failed: %1").arg(message));
    });
    connect(m_feed, &RequestLogFeed::olderLoaded, this, &LiveLogPage::onOlderLoaded);
    if (engineOrNull)
        connect(engineOrNull, &gateway::GatewayControl::requestsLogged, m_feed, &RequestLogFeed::pollSoon);

    // Following scrolls on a timer, never per batch or per row.
    m_followTimer.setInterval(kFollowIntervalMs);
    connect(&m_followTimer, &QTimer::timeout, this, &LiveLogPage::followTick);
    m_followTimer.start();
    m_feed->start();
}

LiveLogPage::~LiveLogPage()
{
    if (m_exporter)
        m_exporter->cancel();
}

QString LiveLogPage::title() const
{
    return tr("Live Log");
}

void LiveLogPage::buildUi()
{
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("liveLogText"));
    m_text->setPlaceholderText(tr("Filter by path or request id"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &RequestLogFilter::setText);

    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_text, 2);
    const QList<std::pair<int, QString>> classes {{RequestLogFilter::Success, tr("2xx")},
        {RequestLogFilter::Redirect, tr("3xx")}, {RequestLogFilter::ClientError, tr("4xx")},
        {RequestLogFilter::ServerError, tr("5xx")}, {RequestLogFilter::Rejected, tr("Rejected")}};
    for (const auto& [bit, label] : classes) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("liveLogClass") + label);
        button->setText(label);
        button->setCheckable(true);
        button->setChecked(true);
        button->setProperty("statusClass", bit);
        button->setToolTip(bit == RequestLogFilter::Rejected
                ? tr("Requests the gateway refused itself (no token, unknown token, scope, rate limit, no route)")
                : tr("Show requests answered with %1").arg(label));
        connect(button, &QToolButton::toggled, this, &LiveLogPage::applyStatusClasses);
        filterBar->addWidget(button);
        m_classButtons.append(button);
    }

    auto makeCombo = [this, filterBar](const QString& name, const QString& accessible) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setAccessibleName(accessible);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filterBar->addWidget(combo, 1);
        return combo;
    };
    m_api = makeCombo(QStringLiteral("liveLogApi"), tr("API"));
    m_consumer = makeCombo(QStringLiteral("liveLogConsumer"), tr("Consumer"));
    m_token = makeCombo(QStringLiteral("liveLogToken"), tr("Token"));
    connect(m_api, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setApiName(m_api->currentData().toString()); });
    connect(m_consumer, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setConsumerName(m_consumer->currentData().toString()); });
    connect(m_token, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setTokenId(m_token->currentData().toLongLong()); });

    auto* range = makeCombo(QStringLiteral("liveLogRange"), tr("Time range"));
    range->addItem(tr("All held rows"), qint64(0));
    range->addItem(tr("Last 5 minutes"), qint64(5) * 60 * 1000);
    range->addItem(tr("Last hour"), qint64(60) * 60 * 1000);
    range->addItem(tr("Last 24 hours"), qint64(24) * 60 * 60 * 1000);
    connect(range, &QComboBox::currentIndexChanged, this, [this, range] {
        const qint64 span = range->currentData().toLongLong();
        const qint64 from = span > 0 ? m_services.clock.nowMs() - span : 0;
        // Older rows stay in the catalog: a range reaching further back than the rows held
        // reloads them from there.
        if (from > 0 && (m_model->rowCount() == 0 || m_model->rowAt(0).event.timeMs > from))
            m_feed->loadRange(from, 0, m_model->maxRows());
        m_filter->setTimeRange(from, 0);
    });

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("liveLogTable"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: no view work proportional to the rows held.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[RequestLogModel::ColumnCount] = {14, 8, 36, 14, 14, 20, 7, 11, 12, 12};
    for (int column = 0; column < RequestLogModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, widths[column] * charWidth);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LiveLogPage::onScrolled);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LiveLogPage::onRowsRemoved);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LiveLogPage::onCurrentChanged);

    m_details = new RequestDetailsPane(this);
    m_details->setObjectName(QStringLiteral("liveLogDetails"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    m_resume = new QPushButton(tr("Paused — Resume (End)"), this);
    m_resume->setObjectName(QStringLiteral("liveLogResume"));
    m_resume->setToolTip(tr("New requests keep arriving; resume following to jump to the newest"));
    m_resume->hide();
    connect(m_resume, &QPushButton::clicked, this, &LiveLogPage::resumeFollowing);
    auto* end = new QShortcut(QKeySequence(Qt::Key_End), this, this, &LiveLogPage::resumeFollowing);
    end->setContext(Qt::WidgetWithChildrenShortcut);

    m_revoke = new QPushButton(tr("Revoke Token"), this);
    m_revoke->setObjectName(QStringLiteral("liveLogRevoke"));
    m_revoke->setToolTip(tr("Revoke the token the selected request used, at once"));
    connect(m_revoke, &QPushButton::clicked, this, &LiveLogPage::revokeSelectedToken);
    m_showToken = new QPushButton(tr("Show Token"), this);
    m_showToken->setObjectName(QStringLiteral("liveLogShowToken"));
    connect(m_showToken, &QPushButton::clicked, this, &LiveLogPage::showSelectedToken);
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("liveLogExport"));
    m_export->setToolTip(tr("Save the rows the filters show as CSV or JSON Lines"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        ExportFileChooser::choose(this, tr("Export Requests"), [this](const QString& path) { exportTo(path); });
    });
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("liveLogCounts"));

    auto* bottomBar = new QHBoxLayout;
    bottomBar->addWidget(m_counts, 1);
    bottomBar->addWidget(m_resume);
    bottomBar->addWidget(m_revoke);
    bottomBar->addWidget(m_showToken);
    bottomBar->addWidget(m_export);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterBar);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottomBar);

    QWidget* previous = m_text;
    for (QWidget* next : std::initializer_list<QWidget*> {m_classButtons.first(), m_classButtons.at(1),
             m_classButtons.at(2), m_classButtons.at(3), m_classButtons.at(4), m_api, m_consumer, m_token, range,
             m_view, m_details, m_resume, m_revoke, m_showToken, m_export}) {
        setTabOrder(previous, next);
        previous = next;
    }
    onCurrentChanged();
}

void LiveLogPage::reloadFilterChoices()
{
    // Keep each combo's choice across a reread; a removed choice falls back to "All".
    auto refill = [](QComboBox* combo, const QString& all, const QList<std::pair<QString, QVariant>>& items,
                      const QVariant& anyValue) {
        const QVariant current = combo->currentData();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(all, anyValue);
        for (const auto& [text, value] : items)
            combo->addItem(text, value);
        const int at = current.isValid() ? combo->findData(current) : 0;
        combo->setCurrentIndex(qMax(0, at));
        return at < 0;
    };
    QList<std::pair<QString, QVariant>> apis;
    if (auto list = m_services.apis.list()) {
        for (const Api& api : *list)
            apis.append({api.name, api.name});
    }
    QList<std::pair<QString, QVariant>> consumers;
    if (auto list = m_services.consumers.list()) {
        for (const Consumer& consumer : *list)
            consumers.append({consumer.name, consumer.name});
    }
    QList<std::pair<QString, QVariant>> tokens;
    if (auto list = m_services.tokens.list()) {
        for (const Token& token : *list)
            tokens.append({tr("%1 (gth_…%2)").arg(token.name, token.hint), token.id});
    }
    if (refill(m_api, tr("All APIs"), apis, QString()))
        m_filter->setApiName(QString());
    if (refill(m_consumer, tr("All consumers"), consumers, QString()))
        m_filter->setConsumerName(QString());
    if (refill(m_token, tr("All tokens"), tokens, qint64(0)))
        m_filter->setTokenId(0);
    Q_EMIT actionsChanged();
}

void LiveLogPage::applyStatusClasses()
{
    int classes = RequestLogFilter::Other;
    for (QToolButton* button : std::as_const(m_classButtons)) {
        if (button->isChecked())
            classes |= button->property("statusClass").toInt();
    }
    m_filter->setStatusClasses(classes);
}

void LiveLogPage::onScrolled(int value)
{
    if (m_adjustingScroll)
        return;
    QScrollBar* bar = m_view->verticalScrollBar();
    // New rows grow the range and leave the value alone, and the cap's removals only clamp it
    // to the maximum: a value that goes down and stays below the maximum is the user scrolling up.
    if (m_following && value < m_lastScrollValue && value < bar->maximum())
        pauseFollowing();
    else if (!m_following && value == bar->maximum() && value > m_lastScrollValue)
        resumeFollowing();
    m_lastScrollValue = value;
    if (!m_following && value == bar->minimum() && bar->maximum() > 0 && !m_loadingOlder)
        QTimer::singleShot(0, this, &LiveLogPage::loadOlderRows);
}

void LiveLogPage::onRowsRemoved(const QModelIndex& parent, int first, int last)
{
    // The cap removes the oldest rows while the user reads a paused view: keep the rows they were
    // looking at in place instead of letting the stream pull them up and away (rows are one
    // scroll step each: ScrollPerItem).
    QScrollBar* bar = m_view->verticalScrollBar();
    if (m_following || parent.isValid() || first >= bar->value())
        return;
    const int removedAbove = qMin(last, bar->value() - 1) - first + 1;
    m_adjustingScroll = true;
    bar->setValue(bar->value() - removedAbove);
    m_adjustingScroll = false;
    m_lastScrollValue = bar->value();
}

void LiveLogPage::loadOlderRows()
{
    if (m_following || m_model->rowCount() >= m_model->maxRows())
        return;
    // Keep the row at the top in place while older rows arrive above it (read off the GUI thread: onOlderLoaded).
    m_olderTop = m_view->indexAt(QPoint(0, 0));
    m_loadingOlder = true;
    m_feed->loadOlder(kOlderRowsPerLoad);
}

void LiveLogPage::onOlderLoaded(int loaded)
{
    // Called right after the rows went in, before the view has painted them.
    if (loaded > 0 && m_olderTop.isValid())
        m_view->scrollTo(m_olderTop, QAbstractItemView::PositionAtTop);
    m_olderTop = QPersistentModelIndex();
    m_lastScrollValue = m_view->verticalScrollBar()->value();
    m_loadingOlder = false;
    if (loaded > 0)
        Q_EMIT statusMessage(tr("Loaded %n older request(s)", nullptr, loaded));
}

void LiveLogPage::pauseFollowing()
{
    if (!m_following)
        return;
    m_following = false;
    m_resume->show();
}

void LiveLogPage::resumeFollowing()
{
    m_following = true;
    m_resume->hide();
    m_view->scrollToBottom();
    m_lastScrollValue = m_view->verticalScrollBar()->value();
}

void LiveLogPage::followTick()
{
    const int shown = m_filter->rowCount();
    const int held = m_model->rowCount();
    m_counts->setText(m_filter->isFiltering() ? tr("%1 of %2 requests shown").arg(shown).arg(held)
                                              : tr("%n request(s)", nullptr, held));
    if (!m_following || shown == 0)
        return;
    m_view->scrollToBottom();
    m_lastScrollValue = m_view->verticalScrollBar()->value();
}

const LoggedRequest* LiveLogPage::selectedRequest() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const QModelIndex source = m_filter->mapToSource(rows.first());
    return source.isValid() ? &m_model->rowAt(source.row()) : nullptr;
}

qint64 LiveLogPage::selectedTokenId() const
{
    const LoggedRequest* request = selectedRequest();
    return request ? request->event.tokenId : 0;
}

void LiveLogPage::onCurrentChanged()
{
    m_details->showRequest(selectedRequest());
    const bool hasToken = selectedTokenId() > 0;
    m_revoke->setEnabled(hasToken);
    m_showToken->setEnabled(hasToken);
    Q_EMIT actionsChanged();
}

bool LiveLogPage::canPerform(PageAction action) const
{
    switch (action) {
    case PageAction::Revoke:
        return selectedTokenId() > 0;
    case PageAction::Find:
    case PageAction::Refresh:
        return true;
    default:
        return false;
    }
}

void LiveLogPage::perform(PageAction action)
{
    switch (action) {
    case PageAction::Revoke:
        revokeSelectedToken();
        break;
    case PageAction::Find:
        m_text->setFocus(Qt::ShortcutFocusReason);
        m_text->selectAll();
        break;
    case PageAction::Refresh:
        reloadFilterChoices();
        m_feed->pollNow();
        break;
    default:
        break;
    }
}

void LiveLogPage::revokeSelectedToken()
{
    const LoggedRequest* request = selectedRequest();
    if (!request || request->event.tokenId <= 0)
        return;
    const qint64 tokenId = request->event.tokenId;
    const QString requestId = QString::fromLatin1(request->event.requestId);
    // One click, no dialog: revoking is what an admin watching abuse needs at once (Ctrl+R on
    // the Tokens page does the same), and it is idempotent.
    auto revoked
        = m_services.tokens.revoke(tokenId, QStringLiteral("revoked from the live log (request %1)").arg(requestId));
    if (!revoked) {
        MessageBoxes::warning(this, tr("Revoke Token"), revoked.error().message);
        return;
    }
    Q_EMIT statusMessage(tr("Token \"%1\" (gth_…%2) revoked").arg(revoked->name, revoked->hint));
}

void LiveLogPage::showSelectedToken()
{
    if (const qint64 tokenId = selectedTokenId(); tokenId > 0)
        Q_EMIT showTokenRequested(tokenId);
}

void LiveLogPage::exportTo(const QString& path)
{
    if (m_exporter) {
        Q_EMIT statusMessage(tr("An export is already running"));
        return;
    }
    // A snapshot of the filtered rows (shared strings, so cheap): rows keep streaming in and
    // leaving by the cap while the export writes.
    QList<LoggedRequest> rows;
    rows.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows.append(m_model->rowAt(m_filter->mapToSource(m_filter->index(row, 0)).row()));

    auto* exporter = new RequestLogExporter(std::move(rows), path, RequestLogExporter::formatForPath(path), this);
    m_exporter = exporter;
    auto* progress = new QProgressDialog(
        tr("Exporting %n request(s)…", nullptr, exporter->total()), tr("Cancel"), 0, qMax(1, exporter->total()), this);
    progress->setObjectName(QStringLiteral("liveLogExportProgress"));
    progress->setWindowTitle(tr("Export Requests"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    m_progress = progress;
    connect(progress, &QProgressDialog::canceled, exporter, &RequestLogExporter::cancel);
    connect(exporter, &RequestLogExporter::progress, progress, [progress](int done, int total) {
        progress->setMaximum(qMax(1, total));
        progress->setValue(done);
    });
    connect(exporter, &RequestLogExporter::finished, this, [this, exporter, path](bool ok, const QString& message) {
        if (m_progress)
            m_progress->close();
        exporter->deleteLater();
        if (ok)
            Q_EMIT statusMessage(tr("Exported %n request(s) to %1", nullptr, exporter->total()).arg(path));
        else if (message.isEmpty())
            Q_EMIT statusMessage(tr("Export cancelled"));
        else
            MessageBoxes::warning(this, tr("Export Requests"), message);
        Q_EMIT exportFinished(ok, message);
    });
    exporter->start();
}

} // namespace gatehouse::ui

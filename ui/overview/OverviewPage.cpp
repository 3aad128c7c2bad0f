#include "ui/overview/OverviewPage.h"

#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "core/gateway/GatewayControl.h"
#include "ui/common/ConsoleServices.h"
#include "ui/overview/AiUsageLoader.h"
#include "ui/overview/ExpiringTokensModel.h"
#include "ui/overview/RecentRevocationsModel.h"
#include "ui/overview/RequestRateChart.h"
#include "ui/overview/TopConsumersModel.h"
#include "ui/overview/TrafficHistoryLoader.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

// A caption over a large figure; returns the figure's label.
QLabel* addFigure(QHBoxLayout* row, const QString& objectName, const QString& caption, const QString& tip)
{
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    auto* captionLabel = new QLabel(caption, frame);
    auto* value = new QLabel(frame);
    value->setObjectName(objectName);
    value->setAccessibleName(caption);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    value->setFont(font);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(captionLabel);
    layout->addWidget(value);
    frame->setToolTip(tip);
    row->addWidget(frame);
    return value;
}

QTableView* makeTable(const QString& objectName, const QString& accessibleName, QAbstractItemModel* model)
{
    auto* view = new QTableView;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QWidget* titled(const QString& title, QWidget* content)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    label->setBuddy(content);
    layout->addWidget(label);
    layout->addWidget(content);
    return box;
}

} // namespace

OverviewPage::OverviewPage(ConsoleServices& services, gateway::GatewayControl* engineOrNull, QWidget* parent)
    : Page(parent)
    , m_services(services)
    , m_loader(new TrafficHistoryLoader(this))
    , m_consumers(new TopConsumersModel(this))
    , m_expiring(new ExpiringTokensModel(services, this))
    , m_revocations(new RecentRevocationsModel(services, RecentRevocationsModel::kDefaultLimit, this))
    , m_usageLoader(new AiUsageLoader(this))
    , m_usageByConsumer(new AiUsageModel(tr("Consumer"), this))
    , m_usageByModel(new AiUsageModel(tr("Model"), this))
{
    setObjectName(QStringLiteral("overviewPage"));
    buildUi();

    const qint64 nowMs = m_services.clock.nowMs();
    m_liveFromMs = nowMs;
    m_traffic.advanceTo(nowMs);
    m_lastExpiryRefreshMinute = nowMs / TrafficWindow::kMinuteMs;
    connect(m_loader, &TrafficHistoryLoader::finished, this, &OverviewPage::onHistory);
    const CatalogLocation catalog = m_services.catalog.location();
    if (catalog.isNull()) {
        onHistory(TrafficWindow(), QString());
    } else {
        // The window's oldest minute starts 59 whole minutes before the current one.
        const qint64 fromMs
            = (nowMs / TrafficWindow::kMinuteMs - (TrafficWindow::kMinutes - 1)) * TrafficWindow::kMinuteMs;
        m_loader->start(catalog, fromMs, nowMs);
    }
    connect(m_usageLoader, &AiUsageLoader::finished, this, &OverviewPage::onUsage);
    loadUsage();
    if (engineOrNull)
        connect(engineOrNull, &gateway::GatewayControl::requestsLogged, this, &OverviewPage::addRequests);

    m_tick = new QTimer(this);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &OverviewPage::refresh);
    m_tick->start();
    refresh();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::buildUi()
{
    auto* figures = new QHBoxLayout;
    m_requests = addFigure(figures, QStringLiteral("requestsValue"), tr("Requests, last hour"),
        tr("Every request the gateway logged in the last 60 minutes"));
    m_thisMinute = addFigure(figures, QStringLiteral("requestsThisMinuteValue"), tr("Requests this minute"),
        tr("Requests since the start of the current minute"));
    m_errorRate = addFigure(figures, QStringLiteral("errorRateValue"), tr("Error rate"),
        tr("Server errors (5xx) and requests the gateway refused, as a share of all requests in the last hour"));
    m_p50 = addFigure(figures, QStringLiteral("p50Value"), tr("Latency p50"),
        tr("Half of the last hour's requests took at most this"));
    m_p95 = addFigure(figures, QStringLiteral("p95Value"), tr("Latency p95"),
        tr("95 in 100 of the last hour's requests took at most this"));

    m_chart = new RequestRateChart(this);
    m_historyNote = new QLabel(tr("Reading the last hour of the request log…"), this);
    m_historyNote->setObjectName(QStringLiteral("historyNote"));

    m_consumersView = makeTable(QStringLiteral("topConsumers"), tr("Top consumers"), m_consumers);

    m_expiringSorted = new QSortFilterProxyModel(this);
    m_expiringSorted->setSourceModel(m_expiring);
    m_expiringSorted->setSortRole(kSortRole);
    m_expiringSorted->sort(ExpiringTokensModel::ExpiresColumn, Qt::AscendingOrder);
    m_expiringView = makeTable(QStringLiteral("expiringTokens"), tr("Tokens expiring within 7 days"), m_expiringSorted);
    m_expiringView->setToolTip(tr("Click a token, or press Return, to open it in the Tokens page"));
    connect(m_expiringView, &QTableView::activated, this, &OverviewPage::activateExpiring);
    connect(m_expiringView, &QTableView::clicked, this, &OverviewPage::activateExpiring);

    m_revocationsSorted = new QSortFilterProxyModel(this);
    m_revocationsSorted->setSourceModel(m_revocations);
    m_revocationsSorted->setSortRole(kSortRole);
    m_revocationsSorted->sort(RecentRevocationsModel::TimeColumn, Qt::DescendingOrder);
    m_revocationsView = makeTable(QStringLiteral("recentRevocations"), tr("Recent revocations"), m_revocationsSorted);

    // Most tokens first: the proxies sort on the total, which no column shows (the tooltips do).
    auto sortedByTokens = [this](AiUsageModel* model) {
        auto* sorted = new QSortFilterProxyModel(this);
        sorted->setSourceModel(model);
        sorted->setSortRole(AiUsageModel::kTotalTokensRole);
        sorted->sort(AiUsageModel::NameColumn, Qt::DescendingOrder);
        return sorted;
    };
    const QString byConsumer = tr("AI usage by consumer, last %1 days (UTC)").arg(kUsageDays);
    const QString byModel = tr("AI usage by model, last %1 days (UTC)").arg(kUsageDays);
    m_usageByConsumerView
        = makeTable(QStringLiteral("aiUsageByConsumer"), byConsumer, sortedByTokens(m_usageByConsumer));
    m_usageByModelView = makeTable(QStringLiteral("aiUsageByModel"), byModel, sortedByTokens(m_usageByModel));
    m_usageNote = new QLabel(tr("Reading the AI usage…"), this);
    m_usageNote->setObjectName(QStringLiteral("aiUsageNote"));
    m_usageNote->setWordWrap(true);

    auto* tables = new QGridLayout;
    tables->addWidget(titled(tr("Top consumers, last hour"), m_consumersView), 0, 0);
    tables->addWidget(titled(tr("Tokens expiring within 7 days"), m_expiringView), 0, 1);
    tables->addWidget(titled(byConsumer, m_usageByConsumerView), 1, 0);
    tables->addWidget(titled(byModel, m_usageByModelView), 1, 1);
    tables->addWidget(m_usageNote, 2, 0, 1, 2);
    tables->addWidget(titled(tr("Recent revocations"), m_revocationsView), 3, 0, 1, 2);
    tables->setColumnStretch(0, 1);
    tables->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(figures);
    layout->addWidget(titled(tr("Requests per minute, last hour"), m_chart), 1);
    layout->addWidget(m_historyNote);
    layout->addLayout(tables, 2);
}

bool OverviewPage::canPerform(PageAction action) const
{
    return action == PageAction::Refresh;
}

void OverviewPage::perform(PageAction action)
{
    if (action != PageAction::Refresh)
        return;
    (void)m_expiring->reload();
    (void)m_revocations->reload();
    loadUsage();
    refresh();
}

void OverviewPage::addRequests(const QList<gatehouse::RequestEvent>& batch)
{
    bool counted = false;
    for (const RequestEvent& event : batch) {
        if (const auto share = m_usage.add(event)) {
            m_usageByConsumer->add(liveConsumerEntry(share->byConsumer));
            m_usageByModel->add(liveModelEntry(share->byModel));
        }
        if (event.timeMs >= m_liveFromMs) {
            m_traffic.record(event);
            counted = true;
        }
    }
    if (counted)
        refresh();
}

void OverviewPage::onHistory(const TrafficWindow& history, const QString& error)
{
    m_traffic.merge(history);
    m_historyLoaded = true;
    if (error.isEmpty()) {
        m_historyNote->hide();
    } else {
        m_historyNote->setText(tr("The request log could not be read (%1): the figures count requests since the "
                                  "page opened.")
                                   .arg(error));
    }
    refresh();
    Q_EMIT historyLoaded(error);
}

void OverviewPage::refresh()
{
    const qint64 nowMs = m_services.clock.nowMs();
    m_traffic.advanceTo(nowMs);
    const QList<qint64> perMinute = m_traffic.requestsPerMinute();
    m_chart->setCounts(perMinute);
    const qint64 requests = m_traffic.requests();
    const QLocale locale;
    m_requests->setText(locale.toString(requests));
    m_thisMinute->setText(locale.toString(perMinute.isEmpty() ? 0 : perMinute.last()));
    m_errorRate->setText(
        requests > 0 ? tr("%1%").arg(locale.toString(100.0 * m_traffic.errorRate(), 'f', 1)) : tr("–"));
    m_errorRate->setToolTip(tr("%n error(s)", nullptr, int(qMin<qint64>(m_traffic.errors(), INT_MAX))));
    m_p50->setText(latencyText(m_traffic.latencyPercentileUs(0.50)));
    m_p95->setText(latencyText(m_traffic.latencyPercentileUs(0.95)));
    m_consumers->setCounts(m_traffic.topConsumers(kTopConsumers), requests);

    // The AI usage period ends today (UTC): a new day drops the oldest one, so the sums are read again.
    if (QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date() != m_usage.period().second)
        loadUsage();

    // "in 3 hours" and which tokens are listed follow the clock: once a minute is enough.
    const qint64 minute = nowMs / TrafficWindow::kMinuteMs;
    if (minute != m_lastExpiryRefreshMinute) {
        m_lastExpiryRefreshMinute = minute;
        m_expiring->refreshTime();
    }
}

QString OverviewPage::latencyText(qint64 latencyUs)
{
    if (latencyUs < 0)
        return tr("–");
    const QLocale locale;
    if (latencyUs < 1000)
        return tr("%1 µs").arg(latencyUs);
    if (latencyUs < 1'000'000)
        return tr("%1 ms").arg(locale.toString(double(latencyUs) / 1000.0, 'f', 1));
    return tr("%1 s").arg(locale.toString(double(latencyUs) / 1'000'000.0, 'f', 2));
}

std::pair<QDate, QDate> OverviewPage::usagePeriod() const
{
    return m_usage.period();
}

void OverviewPage::loadUsage()
{
    // A read under way finishes first (its sums fit its own seam); then this one starts.
    if (m_usageLoader->isRunning()) {
        m_usageReloadPending = true;
        return;
    }
    const qint64 nowMs = m_services.clock.nowMs();
    m_usage.restart(nowMs);
    const auto [from, to] = usagePeriod();
    const QString period
        = tr("From %1 to %2 (UTC days, today included)").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    m_usageByConsumerView->setToolTip(period);
    m_usageByModelView->setToolTip(period);
    const CatalogLocation catalog = m_services.catalog.location();
    if (catalog.isNull())
        onUsage(AiUsageHistory(), QString());
    else
        m_usageLoader->start(catalog, from, to, m_usage.liveFromMs());
}

void OverviewPage::onUsage(const AiUsageHistory& history, const QString& error)
{
    QList<AiUsageModel::Entry> consumers;
    for (const UsageRow& row : history.byConsumer) {
        QString name = row.name;
        if (row.id == 0)
            name = tr("(no consumer)");
        else if (row.deleted || name.isEmpty())
            name = tr("#%1 (deleted)").arg(row.id);
        consumers.append({UsageTally::consumerKey(row), name, row.requests, row.tokensIn, row.tokensOut});
    }
    QList<AiUsageModel::Entry> models;
    for (const UsageRow& row : history.byModel) {
        const QString name = row.deleted
            ? tr("%1 (deleted)").arg(QStringLiteral("#%1/%2").arg(QString::number(row.providerId), row.model))
            : row.providerName + u'/' + row.model;
        models.append({UsageTally::modelKey(row), name, row.requests, row.tokensIn, row.tokensOut});
    }
    // What the batches brought since the seam goes on top.
    for (const UsageRow& row : m_usage.liveByConsumer())
        consumers.append(liveConsumerEntry(row));
    for (const UsageRow& row : m_usage.liveByModel())
        models.append(liveModelEntry(row));
    m_usageByConsumer->setEntries(consumers);
    m_usageByModel->setEntries(models);
    m_usageLoaded = true;
    if (error.isEmpty()) {
        m_usageNote->hide();
    } else {
        m_usageNote->setText(
            tr("The AI usage could not be read (%1): the tables count requests since the page opened.").arg(error));
        m_usageNote->show();
    }
    Q_EMIT usageLoaded(error);
    if (m_usageReloadPending) {
        m_usageReloadPending = false;
        loadUsage();
    }
}

AiUsageModel::Entry OverviewPage::liveConsumerEntry(const UsageRow& row)
{
    // Named as the request named it: a consumer without a name there is "#7", not "deleted".
    QString name = row.name;
    if (row.id <= 0)
        name = tr("(no consumer)");
    else if (name.isEmpty())
        name = tr("#%1").arg(row.id);
    return {UsageTally::consumerKey(row), name, row.requests, row.tokensIn, row.tokensOut};
}

AiUsageModel::Entry OverviewPage::liveModelEntry(const UsageRow& row)
{
    return {UsageTally::modelKey(row), row.name, row.requests, row.tokensIn, row.tokensOut};
}

void OverviewPage::activateExpiring(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const qint64 id = proxyIndex.data(ExpiringTokensModel::kTokenIdRole).toLongLong();
    if (id > 0)
        Q_EMIT tokenActivated(id);
}

} // namespace gatehouse::ui

#pragma once

#include "core/requestlog/RequestEvent.h"
#include "core/usage/UsageTally.h"
#include "ui/common/Page.h"
#include "ui/overview/AiUsageModel.h"
#include "ui/overview/TrafficWindow.h"

#include <QDate>
#include <QHash>
#include <QList>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace gatehouse::gateway {
class GatewayControl;
}

namespace gatehouse::ui {

class AiUsageLoader;
class ConsoleServices;
class ExpiringTokensModel;
class RecentRevocationsModel;
class RequestRateChart;
class TopConsumersModel;
class TrafficHistoryLoader;
struct AiUsageHistory;

// The "Overview" page: the last hour of traffic (requests per minute as a chart, the error rate,
// p50/p95 latency, the busiest consumers), the tokens that expire within 7 days (activating one
// opens it in the Tokens page), the newest revocations, and the AI usage of the last 30 UTC days by consumer
// and by model (requests, tokens in and out).
//
// Traffic figures come from a TrafficWindow in memory: seeded from the request log on open (read
// on a thread, see TrafficHistoryLoader), then fed with the engine's batches (at most ten a
// second, never one signal per request). The seam between the two is a time: the history counts
// requests that arrived before the page opened, the engine's batches those that arrived after,
// so a batch written while the history is read is never counted twice. The AI usage works alike (a UsageTally
// keeps its seam and what the batches brought since): the daily sums are read on a thread (AiUsageLoader, which
// takes out what was logged after the seam), the batches add to them, and the sums are read again when the UTC
// day changes.
class OverviewPage : public Page
{
    Q_OBJECT

public:
    static constexpr int kTopConsumers = 5;
    static constexpr int kTickMs = 1000;
    static constexpr int kUsageDays = 30; // the AI usage tables' period: these UTC days, today included

    // `engineOrNull`: the console's own gateway, whose batches feed the figures live.
    OverviewPage(ConsoleServices& services, gateway::GatewayControl* engineOrNull, QWidget* parent = nullptr);
    ~OverviewPage() override;

    QString title() const override { return tr("Overview"); }
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    // Counts a batch the gateway logged (requests that arrived before the page opened are left
    // to the history read) and shows the new figures.
    void addRequests(const QList<gatehouse::RequestEvent>& batch);
    // Moves the window to the clock's now and shows the figures again.
    void refresh();

    const TrafficWindow& traffic() const { return m_traffic; }
    bool isHistoryLoaded() const { return m_historyLoaded; }
    bool isUsageLoaded() const { return m_usageLoaded; }
    // The AI usage tables' period, UTC days: {first, last (today)}.
    std::pair<QDate, QDate> usagePeriod() const;

    RequestRateChart* chart() const { return m_chart; }
    QTableView* topConsumersView() const { return m_consumersView; }
    QTableView* expiringView() const { return m_expiringView; }
    QTableView* revocationsView() const { return m_revocationsView; }
    TopConsumersModel* topConsumersModel() const { return m_consumers; }
    ExpiringTokensModel* expiringModel() const { return m_expiring; }
    RecentRevocationsModel* revocationsModel() const { return m_revocations; }
    QTableView* usageByConsumerView() const { return m_usageByConsumerView; }
    QTableView* usageByModelView() const { return m_usageByModelView; }
    AiUsageModel* usageByConsumerModel() const { return m_usageByConsumer; }
    AiUsageModel* usageByModelModel() const { return m_usageByModel; }

    // "12.3 ms", "850 µs", "1.25 s"; "–" for no requests (-1).
    static QString latencyText(qint64 latencyUs);

Q_SIGNALS:
    // An expiring token was activated (click or Return): the main window shows it in the Tokens page.
    void tokenActivated(qint64 tokenId);
    // The last hour was read from the request log (error: empty on success).
    void historyLoaded(const QString& error);
    // The AI usage of the period was read (error: empty on success).
    void usageLoaded(const QString& error);

private:
    void buildUi();
    void onHistory(const TrafficWindow& history, const QString& error);
    void activateExpiring(const QModelIndex& proxyIndex);
    void loadUsage();
    void onUsage(const AiUsageHistory& history, const QString& error);
    // A row of what the batches brought (UsageTally) as the AI usage tables show it.
    static AiUsageModel::Entry liveConsumerEntry(const UsageRow& row);
    static AiUsageModel::Entry liveModelEntry(const UsageRow& row);

    ConsoleServices& m_services;
    TrafficWindow m_traffic;
    qint64 m_liveFromMs = 0;
    bool m_historyLoaded = false;
    TrafficHistoryLoader* m_loader = nullptr;
    TopConsumersModel* m_consumers = nullptr;
    ExpiringTokensModel* m_expiring = nullptr;
    RecentRevocationsModel* m_revocations = nullptr;
    QSortFilterProxyModel* m_expiringSorted = nullptr;
    QSortFilterProxyModel* m_revocationsSorted = nullptr;

    RequestRateChart* m_chart = nullptr;
    QLabel* m_requests = nullptr;
    QLabel* m_thisMinute = nullptr;
    QLabel* m_errorRate = nullptr;
    QLabel* m_p50 = nullptr;
    QLabel* m_p95 = nullptr;
    QLabel* m_historyNote = nullptr;
    QTableView* m_consumersView = nullptr;
    QTableView* m_expiringView = nullptr;
    QTableView* m_revocationsView = nullptr;
    AiUsageLoader* m_usageLoader = nullptr;
    AiUsageModel* m_usageByConsumer = nullptr;
    AiUsageModel* m_usageByModel = nullptr;
    QTableView* m_usageByConsumerView = nullptr;
    QTableView* m_usageByModelView = nullptr;
    QLabel* m_usageNote = nullptr;
    // The seam (the batches bring requests that arrived from there on), the period that ends on its day, and what
    // the batches brought since, to add to the next history read.
    UsageTally m_usage {kUsageDays};
    bool m_usageLoaded = false;
    bool m_usageReloadPending = false;
    QTimer* m_tick = nullptr;
    qint64 m_lastExpiryRefreshMinute = 0;
};

} // namespace gatehouse::ui

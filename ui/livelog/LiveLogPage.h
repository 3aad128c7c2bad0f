#pragma once

#include "core/requestlog/LoggedRequest.h"
#include "ui/common/Page.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QToolButton;

namespace gatehouse::gateway {
class GatewayControl;
}

namespace gatehouse::ui {

class ConsoleServices;
class RequestDetailsPane;
class RequestLogExporter;
class RequestLogFeed;
class RequestLogFilter;
class RequestLogModel;

// The console's live request log: requests as they happen, newest at the bottom, followed
// automatically until the user scrolls up; filters that apply while rows stream in; the selected
// request's details; revoking its token in one click; exports of the filtered rows.
//
// Rows come from the request log in the catalog, polled by id, so the page shows the console's
// own gateway and a `gatehouse-cli serve` on the same catalog alike. `engineOrNull`, when given,
// only makes a poll follow each of the engine's batches at once.
class LiveLogPage : public Page
{
    Q_OBJECT

public:
    LiveLogPage(ConsoleServices& services, gateway::GatewayControl* engineOrNull, QWidget* parent = nullptr);
    ~LiveLogPage() override;

    QString title() const override;
    bool canPerform(PageAction action) const override;
    void perform(PageAction action) override;

    bool isFollowing() const { return m_following; }
    void resumeFollowing();
    void pauseFollowing();

    // Writes the rows the filters show to `path` (CSV, or JSON Lines for .jsonl), in chunks,
    // with a progress dialog that can cancel. The export button asks for the path first.
    void exportTo(const QString& path);
    void revokeSelectedToken();
    void showSelectedToken();

    RequestLogModel* model() const { return m_model; }
    RequestLogFilter* filter() const { return m_filter; }
    RequestLogFeed* feed() const { return m_feed; }

Q_SIGNALS:
    // "Show token": the main window switches to the Tokens page and selects this token.
    void showTokenRequested(qint64 tokenId);
    // An export ended: ok, or failed with a message (empty when cancelled).
    void exportFinished(bool ok, const QString& message);

private:
    void buildUi();
    void reloadFilterChoices();
    void applyStatusClasses();
    void onScrolled(int value);
    void onCurrentChanged();
    void followTick();
    void onRowsRemoved(const QModelIndex& parent, int first, int last);
    void loadOlderRows();
    void onOlderLoaded(int loaded);
    const LoggedRequest* selectedRequest() const;
    qint64 selectedTokenId() const;

    ConsoleServices& m_services;
    RequestLogModel* m_model;
    RequestLogFilter* m_filter;
    RequestLogFeed* m_feed;

    QTableView* m_view = nullptr;
    RequestDetailsPane* m_details = nullptr;
    QLineEdit* m_text = nullptr;
    QList<QToolButton*> m_classButtons;
    QComboBox* m_api = nullptr;
    QComboBox* m_consumer = nullptr;
    QComboBox* m_token = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_showToken = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_counts = nullptr;

    QTimer m_followTimer;
    bool m_following = true;
    int m_lastScrollValue = 0;
    bool m_loadingOlder = false; // from loadOlderRows() until the feed answers
    QPersistentModelIndex m_olderTop; // the row at the top when older rows were asked for
    bool m_adjustingScroll = false;
    QPointer<RequestLogExporter> m_exporter;
    QPointer<QProgressDialog> m_progress;
};

} // namespace gatehouse::ui

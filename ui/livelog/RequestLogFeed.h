#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "core/requestlog/LoggedRequest.h"
#include "ui/common/BackgroundRead.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace gatehouse::ui {

class RequestLogModel;

// Feeds the live log's model from the request log in the catalog, by id: a poll every 250 ms
// reads at most `rowsPerPoll` rows newer than the last one seen. Polling the catalog (rather than
// listening to the engine) serves the console's own gateway and a `gatehouse-cli serve` on the
// same catalog alike; the engine's batch signal only makes the next poll come sooner.
//
// Every read runs off the GUI thread (a BackgroundRead through a RequestLogReader with its own connection), one at
// a time: what is asked for while one runs waits for it (polls asked for meanwhile make one poll), and its result
// is applied to the model on the GUI thread before the next read starts, so reads never overlap or pass each other.
class RequestLogFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 250;
    static constexpr int kDefaultRowsPerPoll = 5000;
    static constexpr int kDefaultInitialRows = 1000;

    RequestLogFeed(CatalogLocation catalog, RequestLogModel* model, QObject* parent = nullptr);
    // Waits for a read in flight (one bounded page); its result is dropped.
    ~RequestLogFeed() override;

    void setRowsPerPoll(int rows) { m_rowsPerPoll = qMax(1, rows); }
    void setInitialRows(int rows) { m_initialRows = qMax(0, rows); }
    void setPollIntervalMs(int ms) { m_timer.setInterval(qMax(1, ms)); }

    // Loads the newest `initialRows` rows and starts polling.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // A read runs or waits to run.
    bool isBusy() const;

    // Reads what is new now (one bounded page); a full page schedules the next read at once.
    void pollNow();
    // Asks for a poll on the next event-loop pass; many calls before it make one poll.
    void pollSoon();
    // Loads up to `rows` rows older than the oldest the model holds; `olderLoaded` says how many arrived.
    void loadOlder(int rows);
    // Replaces the model's rows with the newest `limit` rows logged in [fromMs, toMs), then keeps
    // following only when the range is open-ended.
    void loadRange(qint64 fromMs, qint64 toMs, int limit);

Q_SIGNALS:
    // A read failed (the catalog was locked past its busy timeout, ...). The feed keeps polling.
    void failed(const QString& message);
    // Rows were appended by a poll.
    void rowsArrived(int count);
    // The answer to loadOlder(): how many older rows were put in front (0 also when the read failed).
    void olderLoaded(int count);

private:
    enum class Kind { Start, Poll, Older, Range };
    struct Request
    {
        Kind kind = Kind::Poll;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int limit = 0;
    };
    struct Page
    {
        Kind kind = Kind::Poll;
        qint64 toMs = 0;
        QList<LoggedRequest> rows;
        qint64 newestId = -1; // read when a start or a poll found no rows
    };

    // Starts the most urgent read asked for, unless one runs.
    void runNext();
    // Runs on the read's thread.
    static Page read(const CatalogLocation& catalog, const Request& request, qint64 lastId, QString* error);
    void onRead(const Page& page, const QString& error);

    CatalogLocation m_catalog;
    RequestLogModel* m_model;
    QTimer m_timer;
    qint64 m_lastId = 0;
    int m_rowsPerPoll = kDefaultRowsPerPoll;
    int m_initialRows = kDefaultInitialRows;
    bool m_pollQueued = false;
    // Asked for and not started yet.
    bool m_startWanted = false;
    bool m_pollWanted = false;
    std::optional<int> m_olderWanted;
    std::optional<Request> m_rangeWanted;
    BackgroundRead<Page> m_read; // last: goes first, waiting for its thread
};

} // namespace gatehouse::ui

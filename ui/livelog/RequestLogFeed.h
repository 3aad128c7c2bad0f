#pragma once

#include "core/gateway/RequestLogReader.h"

#include <QObject>
#include <QTimer>

namespace gatehouse::ui {

class RequestLogModel;

// Feeds the live log's model from the request log in the catalog, by id: a poll every 250 ms
// reads at most `rowsPerPoll` rows newer than the last one seen. Polling the catalog (rather than
// listening to the engine) serves the console's own gateway and a `gatehouse-cli serve` on the
// same catalog alike; the engine's batch signal only makes the next poll come sooner.
class RequestLogFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 250;
    static constexpr int kDefaultRowsPerPoll = 5000;
    static constexpr int kDefaultInitialRows = 1000;

    RequestLogFeed(QSqlDatabase db, RequestLogModel* model, QObject* parent = nullptr);

    void setRowsPerPoll(int rows) { m_rowsPerPoll = qMax(1, rows); }
    void setInitialRows(int rows) { m_initialRows = qMax(0, rows); }
    void setPollIntervalMs(int ms) { m_timer.setInterval(qMax(1, ms)); }

    // Loads the newest `initialRows` rows and starts polling.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Reads what is new now (one bounded page); a full page schedules the next read at once.
    void pollNow();
    // Asks for a poll on the next event-loop pass; many calls before it make one poll.
    void pollSoon();
    // Loads up to `rows` rows older than the oldest the model holds. Returns how many arrived.
    int loadOlder(int rows);
    // Replaces the model's rows with the newest `limit` rows logged in [fromMs, toMs), then keeps
    // following only when the range is open-ended.
    void loadRange(qint64 fromMs, qint64 toMs, int limit);

Q_SIGNALS:
    // A read failed (the catalog was locked past its busy timeout, ...). The feed keeps polling.
    void failed(const QString& message);
    // Rows were appended by a poll.
    void rowsArrived(int count);

private:
    void restartIfTheLogWasEmptied();

    gateway::RequestLogReader m_reader;
    RequestLogModel* m_model;
    QTimer m_timer;
    qint64 m_lastId = 0;
    int m_rowsPerPoll = kDefaultRowsPerPoll;
    int m_initialRows = kDefaultInitialRows;
    bool m_pollQueued = false;
};

} // namespace gatehouse::ui

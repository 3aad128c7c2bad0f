#include "ui/livelog/RequestLogFeed.h"

#include "ui/livelog/RequestLogModel.h"

#include <limits>

namespace gatehouse::ui {

RequestLogFeed::RequestLogFeed(QSqlDatabase db, RequestLogModel* model, QObject* parent)
    : QObject(parent)
    , m_reader(std::move(db))
    , m_model(model)
{
    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RequestLogFeed::pollNow);
}

void RequestLogFeed::start()
{
    auto newest = m_reader.before(std::numeric_limits<qint64>::max(), m_initialRows);
    if (!newest) {
        Q_EMIT failed(newest.error().message);
    } else if (!newest->isEmpty()) {
        m_model->appendBatch(*newest);
        m_lastId = newest->last().id;
    } else {
        // An empty first page still fixes where following starts.
        auto id = m_reader.newestId();
        if (id)
            m_lastId = *id;
    }
    m_timer.start();
}

void RequestLogFeed::stop()
{
    m_timer.stop();
}

void RequestLogFeed::pollSoon()
{
    if (m_pollQueued || !m_timer.isActive())
        return;
    m_pollQueued = true;
    QTimer::singleShot(0, this, [this] {
        if (m_pollQueued)
            pollNow();
    });
}

void RequestLogFeed::pollNow()
{
    m_pollQueued = false;
    auto rows = m_reader.after(m_lastId, m_rowsPerPoll);
    if (!rows) {
        Q_EMIT failed(rows.error().message);
        return;
    }
    if (rows->isEmpty()) {
        restartIfTheLogWasEmptied();
        return;
    }
    m_lastId = rows->last().id;
    m_model->appendBatch(*rows);
    Q_EMIT rowsArrived(int(rows->size()));
    // Behind by more than a page: catch up one bounded page per event-loop pass, so that the
    // window stays responsive while it does.
    if (rows->size() >= m_rowsPerPoll)
        pollSoon();
}

void RequestLogFeed::restartIfTheLogWasEmptied()
{
    // Request ids go down only when retention has emptied the whole log (30 days without a request), after
    // which SQLite numbers the next row 1 again: every row the model holds is gone from the catalog, and
    // waiting for ids above m_lastId would hide the new ones for as long as the old log had rows.
    auto newest = m_reader.newestId();
    if (!newest || *newest >= m_lastId)
        return;
    m_lastId = 0;
    m_model->clear();
    pollSoon();
}

int RequestLogFeed::loadOlder(int rows)
{
    if (m_model->rowCount() == 0)
        return 0;
    auto older = m_reader.before(m_model->oldestId(), rows);
    if (!older) {
        Q_EMIT failed(older.error().message);
        return 0;
    }
    return m_model->prependOlder(*older);
}

void RequestLogFeed::loadRange(qint64 fromMs, qint64 toMs, int limit)
{
    auto rows = m_reader.between(fromMs, toMs > 0 ? toMs : std::numeric_limits<qint64>::max(), limit);
    if (!rows) {
        Q_EMIT failed(rows.error().message);
        return;
    }
    m_model->clear();
    m_model->appendBatch(*rows);
    if (toMs > 0) {
        m_timer.stop();
        return;
    }
    if (!rows->isEmpty())
        m_lastId = qMax(m_lastId, rows->last().id);
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace gatehouse::ui

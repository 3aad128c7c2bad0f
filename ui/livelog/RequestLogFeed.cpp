#include "ui/livelog/RequestLogFeed.h"

#include "core/requestlog/RequestLogReader.h"
#include "ui/livelog/RequestLogModel.h"

#include <limits>
#include <utility>

namespace gatehouse::ui {

RequestLogFeed::RequestLogFeed(CatalogLocation catalog, RequestLogModel* model, QObject* parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_model(model)
    , m_read(QStringLiteral("gatehouse-live-log"), BackgroundRead<Page>::WhileBusy::Ignore,
          [this](const Page& page, const QString& error) { onRead(page, error); })
{
    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RequestLogFeed::pollNow);
}

RequestLogFeed::~RequestLogFeed() = default; // m_read waits for a read in flight and drops its result

bool RequestLogFeed::isBusy() const
{
    return m_read.isBusy() || m_startWanted || m_pollWanted || m_olderWanted || m_rangeWanted;
}

void RequestLogFeed::start()
{
    m_startWanted = true;
    // Polls asked for by the timer wait behind the first page, which fixes where following starts.
    m_timer.start();
    runNext();
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
    m_pollWanted = true;
    runNext();
}

void RequestLogFeed::loadOlder(int rows)
{
    m_olderWanted = rows;
    runNext();
}

void RequestLogFeed::loadRange(qint64 fromMs, qint64 toMs, int limit)
{
    m_rangeWanted = Request {Kind::Range, fromMs, toMs, limit};
    runNext();
}

void RequestLogFeed::runNext()
{
    if (m_read.isBusy())
        return;
    Request request;
    if (std::exchange(m_startWanted, false)) {
        request = {Kind::Start, 0, 0, m_initialRows};
    } else if (m_rangeWanted) {
        request = *std::exchange(m_rangeWanted, std::nullopt);
    } else if (m_olderWanted) {
        const int rows = *std::exchange(m_olderWanted, std::nullopt);
        if (m_model->rowCount() == 0) {
            Q_EMIT olderLoaded(0);
            return runNext();
        }
        // The model's oldest row now: the read starts from it, on the thread.
        request = {Kind::Older, m_model->oldestId(), 0, rows};
    } else if (std::exchange(m_pollWanted, false)) {
        request = {Kind::Poll, 0, 0, m_rowsPerPoll};
    } else {
        return;
    }
    m_read.start([catalog = m_catalog, request, lastId = m_lastId](
                     const std::atomic<bool>&, QString* error) { return read(catalog, request, lastId, error); });
}

RequestLogFeed::Page RequestLogFeed::read(
    const CatalogLocation& catalog, const Request& request, qint64 lastId, QString* error)
{
    Page page;
    page.kind = request.kind;
    page.toMs = request.toMs;
    auto reader = RequestLogReader::open(catalog);
    if (!reader) {
        *error = reader.error().message;
        return page;
    }
    Result<QList<LoggedRequest>> rows = QList<LoggedRequest>();
    switch (request.kind) {
    case Kind::Start:
        rows = reader->before(std::numeric_limits<qint64>::max(), request.limit);
        break;
    case Kind::Poll:
        rows = reader->after(lastId, request.limit);
        break;
    case Kind::Older:
        // fromMs carries the oldest id held.
        rows = reader->before(request.fromMs, request.limit);
        break;
    case Kind::Range:
        rows = reader->between(
            request.fromMs, request.toMs > 0 ? request.toMs : std::numeric_limits<qint64>::max(), request.limit);
        break;
    }
    if (!rows) {
        *error = rows.error().message;
        return page;
    }
    page.rows = std::move(*rows);
    if (page.rows.isEmpty() && (request.kind == Kind::Start || request.kind == Kind::Poll)) {
        // An empty first page still fixes where following starts; an empty poll may mean the log was emptied.
        if (auto newest = reader->newestId())
            page.newestId = *newest;
    }
    return page;
}

void RequestLogFeed::onRead(const Page& page, const QString& error)
{
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        if (page.kind == Kind::Older)
            Q_EMIT olderLoaded(0);
        return runNext();
    }
    switch (page.kind) {
    case Kind::Start:
        if (!page.rows.isEmpty()) {
            m_model->appendBatch(page.rows);
            m_lastId = page.rows.last().id;
        } else if (page.newestId >= 0) {
            m_lastId = page.newestId;
        }
        break;
    case Kind::Poll:
        if (page.rows.isEmpty()) {
            // Request ids go down only when retention has emptied the whole log (30 days without a request), after
            // which SQLite numbers the next row 1 again: every row the model holds is gone from the catalog, and
            // waiting for ids above m_lastId would hide the new ones for as long as the old log had rows.
            if (page.newestId >= 0 && page.newestId < m_lastId) {
                m_lastId = 0;
                m_model->clear();
                pollSoon();
            }
            break;
        }
        m_lastId = page.rows.last().id;
        m_model->appendBatch(page.rows);
        Q_EMIT rowsArrived(int(page.rows.size()));
        // Behind by more than a page: catch up one bounded page per event-loop pass, so that the
        // window stays responsive while it does.
        if (page.rows.size() >= m_rowsPerPoll)
            pollSoon();
        break;
    case Kind::Older:
        Q_EMIT olderLoaded(m_model->prependOlder(page.rows));
        break;
    case Kind::Range:
        m_model->clear();
        m_model->appendBatch(page.rows);
        if (page.toMs > 0) {
            m_timer.stop();
            m_pollWanted = false;
            m_pollQueued = false;
            break;
        }
        if (!page.rows.isEmpty())
            m_lastId = qMax(m_lastId, page.rows.last().id);
        if (!m_timer.isActive())
            m_timer.start();
        break;
    }
    runNext();
}

} // namespace gatehouse::ui

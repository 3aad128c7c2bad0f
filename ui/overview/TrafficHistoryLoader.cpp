#include "ui/overview/TrafficHistoryLoader.h"

#include "core/requestlog/RequestLogReader.h"

#include <limits>

namespace gatehouse::ui {

TrafficHistoryLoader::TrafficHistoryLoader(QObject* parent)
    : QObject(parent)
    , m_read(QStringLiteral("gatehouse-overview-history"), BackgroundRead<TrafficWindow>::WhileBusy::Ignore,
          [this](const TrafficWindow& window, const QString& error) { Q_EMIT finished(window, error); })
{
    static const int registered = qRegisterMetaType<gatehouse::ui::TrafficWindow>();
    Q_UNUSED(registered);
}

TrafficHistoryLoader::~TrafficHistoryLoader() = default; // m_read stops the read and waits for it

bool TrafficHistoryLoader::isRunning() const
{
    return m_read.isBusy();
}

void TrafficHistoryLoader::start(const CatalogLocation& catalog, qint64 fromMs, qint64 toMs)
{
    m_read.start([catalog, fromMs, toMs](const std::atomic<bool>& cancelled, QString* error) {
        return read(catalog, fromMs, toMs, &cancelled, error);
    });
}

TrafficWindow TrafficHistoryLoader::read(
    const CatalogLocation& catalog, qint64 fromMs, qint64 toMs, const std::atomic<bool>* cancelled, QString* error)
{
    TrafficWindow window;
    window.advanceTo(qMax(fromMs, toMs - 1));
    auto reader = RequestLogReader::open(catalog);
    if (!reader) {
        *error = reader.error().message;
        return window;
    }
    qint64 beforeId = std::numeric_limits<qint64>::max();
    while (!(cancelled && cancelled->load())) {
        // Exact whatever order the clock gave the rows in: the request log's spans bound the ids.
        auto page = reader->between(fromMs, toMs, kPageRows, beforeId);
        if (!page) {
            *error = page.error().message;
            break;
        }
        for (const LoggedRequest& row : *page)
            window.record(row.event);
        if (page->size() < kPageRows)
            break;
        beforeId = page->first().id;
    }
    return window;
}

} // namespace gatehouse::ui

#include "bench/livelog/LogFlood.h"

#include "core/catalog/Catalog.h"
#include "core/common/Clock.h"
#include "core/requestlog/RequestLogStore.h"

#include <cstdio>

namespace gatehouse::bench {

LogFlood::LogFlood(QString catalogPath, int requestsPerSecond)
    : m_catalogPath(std::move(catalogPath))
    , m_perBatch(qMax(1, requestsPerSecond / 10))
{ }

LogFlood::~LogFlood() = default;

void LogFlood::start()
{
    m_catalog = std::make_unique<Catalog>(Clock::system());
    if (auto opened = m_catalog->open(m_catalogPath); !opened) {
        std::fprintf(stderr, "flood: cannot open the catalog: %s\n", qPrintable(opened.error().message));
        return;
    }
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(100); // the engine hands batches to observers at most ten times a second
    connect(m_timer, &QTimer::timeout, this, &LogFlood::writeBatch);
    m_timer->start();
}

void LogFlood::stop()
{
    if (m_timer)
        m_timer->stop();
    m_catalog.reset();
}

void LogFlood::writeBatch()
{
    QList<RequestEvent> batch;
    batch.reserve(m_perBatch);
    const qint64 now = Clock::system().nowMs();
    for (int i = 0; i < m_perBatch; ++i) {
        RequestEvent e;
        const int n = ++m_sequence;
        e.timeMs = now;
        e.requestId = QByteArray::number(n, 16).rightJustified(32, '0');
        e.method = n % 5 == 0 ? "POST" : "GET";
        e.path = "/billing/invoices/" + QByteArray::number(n % 997) + "?page=&sort=";
        e.status = n % 50 == 0 ? 503 : (n % 20 == 0 ? 401 : 200);
        e.upstreamStatus = e.status == 401 ? 0 : e.status;
        e.latencyUs = 800 + n % 5000;
        e.bytesIn = n % 5 == 0 ? 512 : 0;
        e.bytesOut = 2048;
        e.clientAddress = "127.0.0.1";
        batch.append(e);
    }
    if (auto appended = RequestLogStore(m_catalog->database()).append(batch); !appended) {
        std::fprintf(stderr, "flood: append failed: %s\n", qPrintable(appended.error().message));
        return;
    }
    m_written += batch.size();
}

} // namespace gatehouse::bench

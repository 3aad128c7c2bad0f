#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace gatehouse {
class Catalog;
}

namespace gatehouse::bench {

// Writes requests into the request log the way the gateway's writer thread does: from its own
// thread and its own connection to the catalog file, one transaction per batch, ten batches a
// second. Lives in the thread it is moved to; start() and stop() run there.
class LogFlood : public QObject
{
    Q_OBJECT

public:
    LogFlood(QString catalogPath, int requestsPerSecond);
    ~LogFlood() override;

    void start();
    void stop();

    qint64 written() const { return m_written.load(); }

private:
    void writeBatch();

    QString m_catalogPath;
    int m_perBatch;
    std::unique_ptr<Catalog> m_catalog;
    QTimer* m_timer = nullptr;
    std::atomic<qint64> m_written {0};
    int m_sequence = 0;
};

} // namespace gatehouse::bench

#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "ui/common/BackgroundRead.h"
#include "ui/overview/TrafficWindow.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace gatehouse::ui {

// Reads the last hour of the request log into a TrafficWindow on a thread of its own (through a
// RequestLogReader with its own connection), so that opening the Overview never holds the GUI thread however busy the
// hour was. Reads newest first, one bounded page at a time, and stops at the hour's start.
class TrafficHistoryLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageRows = 5000;

    explicit TrafficHistoryLoader(QObject* parent = nullptr);
    // Asks a running read to stop and waits for it (a page at most).
    ~TrafficHistoryLoader() override;

    // Reads the requests that arrived in [fromMs, toMs) from the catalog at `catalog`.
    // `finished` follows on this object's thread. One read at a time: a second call is ignored.
    void start(const CatalogLocation& catalog, qint64 fromMs, qint64 toMs);
    bool isRunning() const;

    // The window read on a thread; tests call it directly.
    static TrafficWindow read(
        const CatalogLocation& catalog, qint64 fromMs, qint64 toMs, const std::atomic<bool>* cancelled, QString* error);

Q_SIGNALS:
    // `error` is empty when the read succeeded.
    void finished(const gatehouse::ui::TrafficWindow& window, const QString& error);

private:
    BackgroundRead<TrafficWindow> m_read;
};

} // namespace gatehouse::ui

#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "core/usage/UsageReport.h"
#include "ui/common/BackgroundRead.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace gatehouse::ui {

// The Overview's AI usage over a period, by consumer and by model.
struct AiUsageHistory
{
    QList<UsageRow> byConsumer;
    QList<UsageRow> byModel;
};

// Reads the AI usage of the UTC days [from, to] from the daily sums (UsageReport::readOverview: requests logged
// at or after `liveFromMs` are taken out, since the engine's live batches bring them) on a thread of its own,
// which opens its own connection (like TrafficHistoryLoader), so that opening the Overview never waits for it.
class AiUsageLoader : public QObject
{
    Q_OBJECT

public:
    explicit AiUsageLoader(QObject* parent = nullptr);
    // Asks a running read to stop and waits for it.
    ~AiUsageLoader() override;

    // `finished` follows on this object's thread. One read at a time: a second call is ignored.
    void start(const CatalogLocation& catalog, QDate from, QDate to, qint64 liveFromMs);
    // From start() until `finished` is emitted (so a handler of `finished` may start the next read).
    bool isRunning() const;

    // The read done on the thread; tests call it directly.
    static AiUsageHistory read(const CatalogLocation& catalog, QDate from, QDate to, qint64 liveFromMs, QString* error);

Q_SIGNALS:
    // `error` is empty when the read succeeded.
    void finished(const gatehouse::ui::AiUsageHistory& history, const QString& error);

private:
    BackgroundRead<AiUsageHistory> m_read;
};

} // namespace gatehouse::ui

Q_DECLARE_METATYPE(gatehouse::ui::AiUsageHistory)

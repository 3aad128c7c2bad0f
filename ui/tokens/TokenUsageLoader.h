#pragma once

#include "core/catalog/sql/CatalogLocation.h"
#include "core/usage/UsageLedger.h"
#include "ui/common/BackgroundRead.h"

#include <QObject>
#include <QString>

namespace gatehouse::ui {

// Reads what every token and consumer spent on the AI routes today and this month (UsageLedger::read over the
// catalog's ai_usage_daily) on a thread of its own, which opens its own read-only connection: the month's rows of
// a busy catalog are many, and the Tokens page must not hold the GUI thread for them. The page keeps the last
// totals, so that a change of selection shows usage without touching SQL.
class TokenUsageLoader : public QObject
{
    Q_OBJECT

public:
    explicit TokenUsageLoader(QObject* parent = nullptr);
    // Waits for a running read (one query).
    ~TokenUsageLoader() override;

    // Reads the day and month of `nowMs` from the catalog at `catalog`; `finished` follows on this
    // object's thread. A call while a read runs is remembered and starts when that read ends.
    void start(const CatalogLocation& catalog, qint64 nowMs);
    bool isRunning() const;

    // The read a thread does; tests may call it directly.
    static Result<UsageLedger::Totals> read(const CatalogLocation& catalog, qint64 nowMs);

Q_SIGNALS:
    // `error` is empty when the read succeeded.
    void finished(const gatehouse::UsageLedger::Totals& totals, const QString& error);

private:
    BackgroundRead<UsageLedger::Totals> m_read;
};

} // namespace gatehouse::ui

#include "ui/tokens/TokenUsageLoader.h"

#include "core/catalog/Catalog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

#include <utility>

namespace gatehouse::ui {

TokenUsageLoader::TokenUsageLoader(QObject* parent)
    : QObject(parent)
    , m_read(QStringLiteral("gatehouse-token-usage"), BackgroundRead<gateway::UsageLedger::Totals>::WhileBusy::RunAfter,
          [this](const gateway::UsageLedger::Totals& totals, const QString& error) { Q_EMIT finished(totals, error); })
{
    static const int registered = qRegisterMetaType<gatehouse::gateway::UsageLedger::Totals>();
    Q_UNUSED(registered);
}

TokenUsageLoader::~TokenUsageLoader() = default; // m_read waits for a running read

bool TokenUsageLoader::isRunning() const
{
    return m_read.isBusy();
}

void TokenUsageLoader::start(const QString& catalogPath, qint64 nowMs)
{
    // A call while a read runs is remembered by m_read and starts once that read's result is delivered.
    m_read.start([catalogPath, nowMs](const std::atomic<bool>&, QString* error) {
        auto totals = read(catalogPath, nowMs);
        if (!totals) {
            *error = totals.error().toString();
            return gateway::UsageLedger::Totals();
        }
        return std::move(*totals);
    });
}

Result<gateway::UsageLedger::Totals> TokenUsageLoader::read(const QString& catalogPath, qint64 nowMs)
{
    Result<gateway::UsageLedger::Totals> totals = Error::runtime(QString());
    const QString connection = QStringLiteral("gatehouse-token-usage-%1").arg(quintptr(QThread::currentThread()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(catalogPath);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(Catalog::kBusyTimeoutMs));
        if (!db.open()) {
            totals = Error::runtime(db.lastError().text());
        } else {
            totals = gateway::UsageLedger::read(db, nowMs);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return totals;
}

} // namespace gatehouse::ui

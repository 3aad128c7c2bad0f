#include "ui/tokens/TokenUsageLoader.h"

#include "core/catalog/Catalog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

#include <utility>

namespace gatehouse::ui {

TokenUsageLoader::TokenUsageLoader(QObject* parent)
    : QObject(parent)
{
    static const int registered = qRegisterMetaType<gatehouse::gateway::UsageLedger::Totals>();
    Q_UNUSED(registered);
}

TokenUsageLoader::~TokenUsageLoader()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool TokenUsageLoader::isRunning() const
{
    return m_busy;
}

void TokenUsageLoader::start(const QString& catalogPath, qint64 nowMs)
{
    if (m_busy) {
        m_pendingPath = catalogPath;
        m_pendingNowMs = nowMs;
        return;
    }
    if (m_thread) {
        // It has delivered its result and is about to end.
        m_thread->wait();
        delete m_thread;
    }
    m_busy = true;
    m_thread = QThread::create([this, catalogPath, nowMs] {
        auto totals = read(catalogPath, nowMs);
        const QString error = totals ? QString() : totals.error().toString();
        gateway::UsageLedger::Totals result = totals ? std::move(*totals) : gateway::UsageLedger::Totals();
        // Queued to this object's thread; the destructor waits for this thread, so `this` lives.
        QMetaObject::invokeMethod(
            this,
            [this, result, error] {
                m_busy = false;
                onFinished(result, error);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("gatehouse-token-usage"));
    m_thread->start();
}

void TokenUsageLoader::onFinished(const gateway::UsageLedger::Totals& totals, const QString& error)
{
    Q_EMIT finished(totals, error);
    // A read asked for meanwhile starts now: the thread that delivered this has done its work, so it is never lost.
    if (m_pendingNowMs >= 0 && !m_busy) {
        const qint64 nowMs = std::exchange(m_pendingNowMs, -1);
        start(std::exchange(m_pendingPath, QString()), nowMs);
    }
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

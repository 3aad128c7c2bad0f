#include "ui/overview/AiUsageLoader.h"

#include "core/catalog/Catalog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

namespace gatehouse::ui {

namespace {

// `rows` less the part in `logged` (same grouping, matched by id and, by model, provider); rows left with no
// requests are dropped.
QList<UsageRow> subtract(QList<UsageRow> rows, const QList<UsageRow>& logged)
{
    for (const UsageRow& part : logged) {
        for (UsageRow& row : rows) {
            if (row.id == part.id && row.providerId == part.providerId) {
                row.requests -= part.requests;
                row.tokensIn = qMax<qint64>(0, row.tokensIn - part.tokensIn);
                row.tokensOut = qMax<qint64>(0, row.tokensOut - part.tokensOut);
                break;
            }
        }
    }
    rows.removeIf([](const UsageRow& row) { return row.requests <= 0; });
    return rows;
}

} // namespace

AiUsageLoader::AiUsageLoader(QObject* parent)
    : QObject(parent)
    , m_read(QStringLiteral("gatehouse-overview-ai-usage"), BackgroundRead<AiUsageHistory>::WhileBusy::Ignore,
          [this](const AiUsageHistory& history, const QString& error) { Q_EMIT finished(history, error); })
{
    static const int registered = qRegisterMetaType<gatehouse::ui::AiUsageHistory>();
    Q_UNUSED(registered);
}

AiUsageLoader::~AiUsageLoader() = default; // m_read drops the read's result and waits for it

bool AiUsageLoader::isRunning() const
{
    return m_read.isBusy();
}

void AiUsageLoader::start(const QString& catalogPath, QDate from, QDate to, qint64 liveFromMs)
{
    m_read.start([catalogPath, from, to, liveFromMs](const std::atomic<bool>&, QString* error) {
        return read(catalogPath, from, to, liveFromMs, error);
    });
}

AiUsageHistory AiUsageLoader::read(const QString& catalogPath, QDate from, QDate to, qint64 liveFromMs, QString* error)
{
    AiUsageHistory history;
    const QString connection = QStringLiteral("gatehouse-overview-ai-usage-%1").arg(quintptr(QThread::currentThread()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(catalogPath);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(Catalog::kBusyTimeoutMs));
        if (!db.open()) {
            *error = db.lastError().text();
        } else if (!db.transaction()) {
            // One read transaction: the sums and the part to take out of them come from one snapshot.
            *error = db.lastError().text();
        } else {
            const UsageReport report(db);
            using Grouping = UsageReport::Grouping;
            auto consumers = report.summarize(Grouping::Consumer, from, to);
            auto models = report.summarize(Grouping::Model, from, to);
            auto liveConsumers = report.loggedSince(Grouping::Consumer, liveFromMs);
            auto liveModels = report.loggedSince(Grouping::Model, liveFromMs);
            db.rollback();
            for (const Error* failed : {consumers ? nullptr : &consumers.error(), models ? nullptr : &models.error(),
                     liveConsumers ? nullptr : &liveConsumers.error(), liveModels ? nullptr : &liveModels.error()}) {
                if (failed && error->isEmpty())
                    *error = failed->message;
            }
            if (error->isEmpty()) {
                history.byConsumer = subtract(*consumers, *liveConsumers);
                history.byModel = subtract(*models, *liveModels);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return history;
}

} // namespace gatehouse::ui

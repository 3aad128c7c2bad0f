#include "ui/overview/AiUsageLoader.h"

namespace gatehouse::ui {

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

void AiUsageLoader::start(const CatalogLocation& catalog, QDate from, QDate to, qint64 liveFromMs)
{
    m_read.start([catalog, from, to, liveFromMs](
                     const std::atomic<bool>&, QString* error) { return read(catalog, from, to, liveFromMs, error); });
}

AiUsageHistory AiUsageLoader::read(
    const CatalogLocation& catalog, QDate from, QDate to, qint64 liveFromMs, QString* error)
{
    auto overview = UsageReport::readOverview(catalog, from, to, liveFromMs);
    if (!overview) {
        *error = overview.error().message;
        return {};
    }
    return {std::move(overview->byConsumer), std::move(overview->byModel)};
}

} // namespace gatehouse::ui

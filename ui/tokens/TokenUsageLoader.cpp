#include "ui/tokens/TokenUsageLoader.h"

#include <utility>

namespace gatehouse::ui {

TokenUsageLoader::TokenUsageLoader(QObject* parent)
    : QObject(parent)
    , m_read(QStringLiteral("gatehouse-token-usage"), BackgroundRead<UsageLedger::Totals>::WhileBusy::RunAfter,
          [this](const UsageLedger::Totals& totals, const QString& error) { Q_EMIT finished(totals, error); })
{
    static const int registered = qRegisterMetaType<gatehouse::UsageLedger::Totals>();
    Q_UNUSED(registered);
}

TokenUsageLoader::~TokenUsageLoader() = default; // m_read waits for a running read

bool TokenUsageLoader::isRunning() const
{
    return m_read.isBusy();
}

void TokenUsageLoader::start(const CatalogLocation& catalog, qint64 nowMs)
{
    // A call while a read runs is remembered by m_read and starts once that read's result is delivered.
    m_read.start([catalog, nowMs](const std::atomic<bool>&, QString* error) {
        auto totals = read(catalog, nowMs);
        if (!totals) {
            *error = totals.error().toString();
            return UsageLedger::Totals();
        }
        return std::move(*totals);
    });
}

Result<UsageLedger::Totals> TokenUsageLoader::read(const CatalogLocation& catalog, qint64 nowMs)
{
    return UsageLedger::read(catalog, nowMs);
}

} // namespace gatehouse::ui

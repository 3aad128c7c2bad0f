#include "core/usage/UsageTally.h"

#include <QDateTime>

namespace gatehouse {

void UsageTally::restart(qint64 liveFromMs)
{
    m_liveFromMs = liveFromMs;
    m_liveByConsumer.clear();
    m_liveByModel.clear();
    m_consumerRow.clear();
    m_modelRow.clear();
}

std::pair<QDate, QDate> UsageTally::period() const
{
    return UsageReport::lastDays(QDateTime::fromMSecsSinceEpoch(m_liveFromMs, Qt::UTC), m_days);
}

std::optional<UsageTally::Share> UsageTally::add(const RequestEvent& event)
{
    if (event.timeMs < m_liveFromMs || !event.countsAsAiUsage())
        return std::nullopt;
    Share share;
    for (UsageRow* row : {&share.byConsumer, &share.byModel}) {
        row->requests = 1;
        row->tokensIn = qMax<qint64>(0, event.tokensIn);
        row->tokensOut = qMax<qint64>(0, event.tokensOut);
    }
    share.byConsumer.id = qMax<qint64>(0, event.consumerId);
    share.byConsumer.name = event.consumerName;
    share.byModel.providerId = event.providerId;
    share.byModel.providerName = event.providerName;
    share.byModel.model = event.model;
    share.byModel.name = event.providerName + u'/' + event.model;
    sum(m_liveByConsumer, m_consumerRow, consumerKey(share.byConsumer), share.byConsumer);
    sum(m_liveByModel, m_modelRow, modelKey(share.byModel), share.byModel);
    return share;
}

QString UsageTally::consumerKey(const UsageRow& row)
{
    return QString::number(qMax<qint64>(0, row.id));
}

QString UsageTally::modelKey(const UsageRow& row)
{
    return QString::number(row.providerId) + u'/' + row.model;
}

void UsageTally::sum(
    QList<UsageRow>& rows, QHash<QString, qsizetype>& rowOfKey, const QString& key, const UsageRow& share)
{
    const auto found = rowOfKey.constFind(key);
    if (found == rowOfKey.cend()) {
        rowOfKey.insert(key, rows.size());
        rows.append(share);
        return;
    }
    UsageRow& into = rows[*found];
    // The newest request names the row (a consumer or provider renamed meanwhile).
    into.name = share.name;
    into.providerName = share.providerName;
    into.requests += share.requests;
    into.tokensIn += share.tokensIn;
    into.tokensOut += share.tokensOut;
}

} // namespace gatehouse

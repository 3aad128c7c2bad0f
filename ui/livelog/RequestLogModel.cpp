#include "ui/livelog/RequestLogModel.h"

#include "core/common/ByteSize.h"

#include <QDateTime>
#include <QLocale>

#include <limits>

namespace gatehouse::ui {

RequestLogModel::RequestLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RequestLogModel::isRejected(const RequestEvent& event)
{
    // The log does not store the gateway's reject reason; a refusal is an error status the
    // gateway answered itself, without reaching the upstream and without an upstream failure.
    if (!event.rejectReason.isEmpty())
        return true;
    return event.status >= 400 && event.upstreamStatus == 0 && !event.error.startsWith("upstream");
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LoggedRequest& row = m_rows.at(size_t(index.row()));
    const RequestEvent& e = row.event;
    switch (role) {
    case LogIdRole:
        return row.id;
    case TokenIdRole:
        return e.tokenId;
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Latency || index.column() == Bytes
            || index.column() == AiTokens)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODateWithMs);
        if (index.column() == Status && !e.error.isEmpty())
            return QString::fromUtf8(e.error);
        return {};
    case SortRole:
        switch (index.column()) {
        case Time:
            return row.id;
        case Status:
            return e.status;
        case Latency:
            return e.latencyUs;
        case Bytes:
            return e.bytesIn + e.bytesOut;
        case AiTokens:
            return qMax<qint64>(0, e.tokensIn) + qMax<qint64>(0, e.tokensOut);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Method:
            return QString::fromLatin1(e.method);
        case Path:
            return QString::fromUtf8(e.path);
        case Api:
            // An AI request names the provider and model that answered instead of an API.
            return e.providerId > 0 ? tr("AI %1/%2").arg(e.providerName, e.model) : e.apiName;
        case Consumer:
            return e.consumerName;
        case TokenColumn:
            if (e.tokenId <= 0)
                return QString();
            return row.tokenHint.isEmpty() ? row.tokenName
                                           : tr("%1 (gth_…%2)").arg(row.tokenName, row.tokenHint).trimmed();
        case Status:
            return e.status > 0 ? QString::number(e.status) : tr("closed");
        case Latency:
            return tr("%1 ms").arg(QLocale().toString(double(e.latencyUs) / 1000.0, 'f', 1));
        case Bytes:
            return tr("%1 / %2").arg(formatByteSize(e.bytesIn), formatByteSize(e.bytesOut));
        case AiTokens:
            if (e.providerId <= 0 || (e.tokensIn < 0 && e.tokensOut < 0))
                return QString();
            return tr("%1 / %2").arg(
                QLocale().toString(qMax<qint64>(0, e.tokensIn)), QLocale().toString(qMax<qint64>(0, e.tokensOut)));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Api:
        return tr("API");
    case Consumer:
        return tr("Consumer");
    case TokenColumn:
        return tr("Token");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Bytes:
        return tr("Bytes in / out");
    case AiTokens:
        return tr("AI tokens in / out");
    default:
        return {};
    }
}

void RequestLogModel::appendBatch(const QList<LoggedRequest>& batch)
{
    // Rows arrive oldest first; skip any the model already holds (a poll racing a reload).
    const qint64 newest = newestId();
    qsizetype skip = 0;
    while (skip < batch.size() && batch.at(skip).id <= newest)
        ++skip;
    if (skip == batch.size())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(batch.size() - skip) - 1); // the last index is inclusive
    for (qsizetype i = skip; i < batch.size(); ++i)
        m_rows.push_back(batch.at(i));
    endInsertRows();
    trimToCap();
}

int RequestLogModel::prependOlder(const QList<LoggedRequest>& older)
{
    const qint64 oldest = m_rows.empty() ? std::numeric_limits<qint64>::max() : oldestId();
    // Keep the newest of `older` that are still older than what we hold, within the cap.
    qsizetype end = older.size();
    while (end > 0 && older.at(end - 1).id >= oldest)
        --end;
    const qsizetype room = qMax<qsizetype>(0, m_maxRows - qsizetype(m_rows.size()));
    const qsizetype count = qMin(end, room);
    if (count <= 0)
        return 0;
    beginInsertRows({}, 0, int(count) - 1);
    for (qsizetype i = end - 1; i >= end - count; --i)
        m_rows.push_front(older.at(i));
    endInsertRows();
    return int(count);
}

void RequestLogModel::clear()
{
    if (m_rows.empty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

void RequestLogModel::setMaxRows(int maxRows)
{
    m_maxRows = qMax(1, maxRows);
    trimToCap();
}

void RequestLogModel::trimToCap()
{
    const int over = int(m_rows.size()) - m_maxRows;
    if (over <= 0)
        return;
    beginRemoveRows({}, 0, over - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + over);
    endRemoveRows();
}

} // namespace gatehouse::ui

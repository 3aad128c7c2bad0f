#include "ui/livelog/RequestLogFilter.h"

#include "ui/livelog/RequestLogModel.h"

namespace gatehouse::ui {

RequestLogFilter::RequestLogFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Rows are filtered as they are inserted; there is no sort column, so new rows keep their
    // place at the bottom and no batch triggers a re-sort.
    setDynamicSortFilter(true);
}

void RequestLogFilter::setLogModel(RequestLogModel* model)
{
    m_model = model;
    setSourceModel(model);
}

void RequestLogFilter::setStatusClasses(int classes)
{
    if (classes == m_classes)
        return;
    m_classes = classes & AllClasses;
    invalidateFilter();
}

void RequestLogFilter::setApiName(const QString& name)
{
    if (name == m_api)
        return;
    m_api = name;
    invalidateFilter();
}

void RequestLogFilter::setConsumerName(const QString& name)
{
    if (name == m_consumer)
        return;
    m_consumer = name;
    invalidateFilter();
}

void RequestLogFilter::setTokenId(qint64 tokenId)
{
    if (tokenId == m_tokenId)
        return;
    m_tokenId = tokenId;
    invalidateFilter();
}

void RequestLogFilter::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void RequestLogFilter::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    invalidateFilter();
}

bool RequestLogFilter::isFiltering() const
{
    return m_classes != AllClasses || !m_api.isEmpty() || !m_consumer.isEmpty() || m_tokenId != 0 || !m_text.isEmpty()
        || m_fromMs != 0 || m_toMs != 0;
}

int RequestLogFilter::classOf(int status, bool rejected)
{
    if (rejected)
        return Rejected;
    if (status >= 200 && status < 300)
        return Success;
    if (status >= 300 && status < 400)
        return Redirect;
    if (status >= 400 && status < 500)
        return ClientError;
    if (status >= 500 && status < 600)
        return ServerError;
    return Other;
}

bool RequestLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    const LoggedRequest& row = m_model->rowAt(sourceRow);
    const RequestEvent& e = row.event;
    if (m_classes != AllClasses) {
        if (!(m_classes & classOf(e.status, RequestLogModel::isRejected(e))))
            return false;
    }
    if (!m_api.isEmpty() && e.apiName != m_api)
        return false;
    if (!m_consumer.isEmpty() && e.consumerName != m_consumer)
        return false;
    if (m_tokenId != 0 && e.tokenId != m_tokenId)
        return false;
    if (m_fromMs != 0 && e.timeMs < m_fromMs)
        return false;
    if (m_toMs != 0 && e.timeMs >= m_toMs)
        return false;
    if (!m_text.isEmpty()) {
        if (!QString::fromUtf8(e.path).contains(m_text, Qt::CaseInsensitive)
            && !QString::fromLatin1(e.requestId).contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace gatehouse::ui

#include "tests/support/RecordingProxyFactory.h"

#include <QMutexLocker>
#include <QThread>

namespace gatehouse::test {

QList<QNetworkProxy> RecordingProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    QMutexLocker lock(&m_mutex);
    m_queries.append({QThread::currentThread(), query.peerHostName(), query.peerPort()});
    return {m_answer};
}

void RecordingProxyFactory::setAnswer(const QNetworkProxy& proxy)
{
    QMutexLocker lock(&m_mutex);
    m_answer = proxy;
}

QList<RecordingProxyFactory::Query> RecordingProxyFactory::queries() const
{
    QMutexLocker lock(&m_mutex);
    return m_queries;
}

} // namespace gatehouse::test

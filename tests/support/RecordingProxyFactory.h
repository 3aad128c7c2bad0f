#pragma once

#include <QList>
#include <QMutex>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>

class QThread;

namespace gatehouse::test {

// Stands in for the system's proxy settings (install with QNetworkProxyFactory::setApplicationProxyFactory,
// which takes ownership): answers every query with one proxy, NoProxy unless told otherwise, and records
// which thread asked about which host, so that a test can check that no worker thread asks.
class RecordingProxyFactory : public QNetworkProxyFactory
{
public:
    struct Query
    {
        QThread* thread = nullptr;
        QString host;
        int port = 0;
    };

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

    void setAnswer(const QNetworkProxy& proxy);
    QList<Query> queries() const;

private:
    mutable QMutex m_mutex; // workers may ask at once
    QNetworkProxy m_answer {QNetworkProxy::NoProxy};
    QList<Query> m_queries;
};

} // namespace gatehouse::test

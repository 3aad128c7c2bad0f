#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace gatehouse::gateway {

class GatewayMetrics;

// The admin listener (loopback only): GET /healthz and GET /metrics (Prometheus text format).
// Runs on the engine's control thread; it is not the request path.
class AdminServer : public QObject
{
    Q_OBJECT

public:
    AdminServer(GatewayMetrics& metrics, std::function<qint64()> revision, QObject* parent = nullptr);

    bool listen(const QHostAddress& address, quint16 port);
    void close();
    quint16 port() const;
    QString errorString() const;

private:
    void serve(QTcpSocket* socket);

    GatewayMetrics& m_metrics;
    std::function<qint64()> m_revision;
    QTcpServer* m_server = nullptr;
};

} // namespace gatehouse::gateway

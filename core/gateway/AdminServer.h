#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace gatehouse::gateway {

class GatewayMetrics;
struct HttpRequestHead;

// The admin listener (loopback only): GET /healthz and GET /metrics (Prometheus text format).
// Runs on the engine's control thread; it is not the request path. Loopback is not trusted either: any local
// process, and any web page through DNS rebinding, can reach it. So a connection gets a deadline for its request
// head and a cap on that head's size, the open connections are capped, and only requests whose Host names the
// loopback are answered.
class AdminServer : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 headerTimeoutMs = 5'000; // the whole request head must arrive within this, then the socket closes
        int maxConnections = 64; // beyond it a new connection is closed at once
        qsizetype maxHeadBytes = 8 * 1024;
    };

    AdminServer(GatewayMetrics& metrics, std::function<qint64()> revision, QObject* parent = nullptr);
    AdminServer(GatewayMetrics& metrics, std::function<qint64()> revision, Limits limits, QObject* parent = nullptr);

    // True for a Host value naming the loopback: localhost, 127.0.0.1 or [::1], each with an optional :port.
    static bool isLoopbackHost(QByteArrayView host);

    bool listen(const QHostAddress& address, quint16 port);
    void close();
    quint16 port() const;
    QString errorString() const;
    int openConnections() const { return m_open; }

private:
    void serve(QTcpSocket* socket);
    QByteArray answer(const HttpRequestHead& head) const;

    GatewayMetrics& m_metrics;
    std::function<qint64()> m_revision;
    Limits m_limits;
    QTcpServer* m_server = nullptr;
    int m_open = 0;
};

} // namespace gatehouse::gateway

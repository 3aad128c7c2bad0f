#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace gatehouse::cli {

// Sends a steady, realistic mix of requests through a running gateway for `demo --traffic`: mostly calls
// that succeed, with the refusals an admin should see in the live log (no token, an unknown token, a scope
// that does not allow a write, a path no API serves). The callers' tokens are minted by the command and
// held only in memory.
class DemoTraffic : public QObject
{
    Q_OBJECT

public:
    // `tokens`: the callers' plaintext tokens, kept in memory for the run only.
    DemoTraffic(QUrl gateway, QList<QByteArray> tokens, QObject* parent = nullptr);
    ~DemoTraffic() override;

    // Requests per second, spread evenly; in flight at most `rate` at once (a slow gateway is not flooded).
    void start(int ratePerSecond);
    void stop();
    // One request now, whatever the rate.
    void sendOne();

    qint64 sent() const { return m_sent; }
    qint64 answered() const { return m_answered; }
    qint64 failed() const { return m_failed; } // no HTTP answer at all (connection refused, reset)
    const QMap<int, qint64>& statuses() const { return m_statuses; }

Q_SIGNALS:
    // After every answer; `status` is 0 when the request failed without one.
    void answeredOne(int status);

private:
    QUrl m_gateway;
    QList<QByteArray> m_tokens;
    QNetworkAccessManager* m_network;
    QTimer* m_timer;
    QByteArray m_unknownToken;
    int m_maxInFlight = 1;
    int m_inFlight = 0;
    qint64 m_sent = 0;
    qint64 m_answered = 0;
    qint64 m_failed = 0;
    QMap<int, qint64> m_statuses;
};

} // namespace gatehouse::cli

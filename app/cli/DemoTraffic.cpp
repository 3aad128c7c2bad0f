#include "app/cli/DemoTraffic.h"

#include "core/tokens/TokenFormat.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace gatehouse::cli {

DemoTraffic::DemoTraffic(QUrl gateway, QList<QByteArray> tokens, QObject* parent)
    : QObject(parent)
    , m_gateway(std::move(gateway))
    , m_tokens(std::move(tokens))
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
    // Well formed and never stored: it passes the checksum and fails the lookup (401 invalid_token, unknown).
    , m_unknownToken(tokens::TokenFormat::mint().view().toByteArray())
{
    // A loopback gateway: a system proxy must not be asked, and redirects are part of what is shown.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &DemoTraffic::sendOne);
}

DemoTraffic::~DemoTraffic() = default;

void DemoTraffic::start(int ratePerSecond)
{
    m_maxInFlight = qMax(1, ratePerSecond);
    m_timer->start(qMax(1, 1000 / qMax(1, ratePerSecond)));
}

void DemoTraffic::stop()
{
    m_timer->stop();
}

void DemoTraffic::sendOne()
{
    if (m_inFlight >= m_maxInFlight || m_tokens.isEmpty())
        return;
    QRandomGenerator& random = *QRandomGenerator::global();
    QByteArray method = "GET";
    QString path = QStringLiteral("/inventory/items/%1").arg(random.bounded(1, 200));
    QByteArray token = m_tokens.at(random.bounded(int(m_tokens.size())));
    // The mix is a fixed cycle (37 is coprime with 100, so every 100 requests take each value once, spread
    // out): every kind of answer shows within a few seconds, at any rate.
    const int roll = int((m_sent * 37) % 100);
    if (roll < 8) {
        path = QStringLiteral("/inventory/items");
    } else if (roll < 14) {
        method = "POST"; // refused with 403 insufficient_scope unless the caller may write
        path = QStringLiteral("/inventory/items");
    } else if (roll < 17) {
        token.clear(); // 401 with a bare challenge
    } else if (roll < 20) {
        token = m_unknownToken; // 401 invalid_token
    } else if (roll < 22) {
        path = QStringLiteral("/warehouse/stock"); // 404: no API has that prefix
    }

    QUrl url = m_gateway;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("gatehouse-demo-traffic"));
    QNetworkReply* reply = nullptr;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = m_network->post(request, QByteArrayLiteral("{\"name\":\"widget\",\"stock\":10}"));
    } else {
        reply = m_network->get(request);
    }
    ++m_sent;
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        --m_inFlight;
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            ++m_failed;
            Q_EMIT answeredOne(0);
            return;
        }
        ++m_answered;
        ++m_statuses[status.toInt()];
        Q_EMIT answeredOne(status.toInt());
    });
}

} // namespace gatehouse::cli

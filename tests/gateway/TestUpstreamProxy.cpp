// The system's proxy settings for upstreams: asked once per upstream when the engine builds a snapshot, on the
// engine's thread, and never by a worker (Qt would ask at every socket's connectToHost(), and on Linux that
// waits for libproxy's helper thread, or a PAC file's download, while the worker serves no one).

#include "tests/support/GatewayHarness.h"
#include "tests/support/RecordingProxyFactory.h"
#include "tests/support/upstreams/LoopbackPort.h"
#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QTest>
#include <QThread>

using namespace gatehouse;
using test::LoopbackUpstream;
using test::RawHttpClient;
using test::RecordingProxyFactory;

namespace {

QByteArray bearer(const QByteArray& token)
{
    return "Bearer " + token;
}

// The upstream by an address that reaches it (Linux connects 0.0.0.0 to the loopback interface) without being a
// loopback address, for which Qt would answer NoProxy without asking the factory.
QUrl notLoopback(const LoopbackUpstream& upstream)
{
    return upstream.url(QStringLiteral("0.0.0.0"));
}

} // namespace

class TestUpstreamProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr); // deletes the test's factory
    }

    void onlyTheEngineThreadAsksForAProxy()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        auto* factory = new RecordingProxyFactory;
        QNetworkProxyFactory::setApplicationProxyFactory(factory);
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("billing"), notLoopback(upstream), QStringLiteral("/billing")));
        gateway::EngineConfig config;
        config.workers = 2;
        QVERIFY(gateway.start(config));
        const QByteArray token = gateway.issueToken({QStringLiteral("api:billing")});

        // Each request on a new client connection, and each worker's first makes a new upstream connection.
        for (int i = 0; i < 6; ++i) {
            const auto response
                = RawHttpClient::request(gateway.port(), "GET", "/billing/x", {{"Authorization", bearer(token)}});
            QCOMPARE(response.status, 200);
        }
        const auto queries = factory->queries();
        bool askedAboutTheUpstream = false;
        for (const RecordingProxyFactory::Query& query : queries) {
            QVERIFY2(query.thread == QThread::currentThread(),
                qPrintable(QStringLiteral("asked about %1:%2 on another thread").arg(query.host).arg(query.port)));
            askedAboutTheUpstream = askedAboutTheUpstream
                || (query.host == QStringLiteral("0.0.0.0") && query.port == upstream.url().port());
        }
        QVERIFY(askedAboutTheUpstream);
    }

    void theProxyTheSystemNamesIsUsed()
    {
        LoopbackUpstream upstream;
        QVERIFY(upstream.start());
        const quint16 noProxyHere = test::unusedLoopbackPort();
        QVERIFY(noProxyHere != 0);
        auto* factory = new RecordingProxyFactory;
        factory->setAnswer(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), noProxyHere));
        QNetworkProxyFactory::setApplicationProxyFactory(factory);
        test::GatewayHarness gateway;
        QVERIFY(gateway.addApi(QStringLiteral("billing"), notLoopback(upstream), QStringLiteral("/billing")));
        QVERIFY(gateway.start());
        const QByteArray token = gateway.issueToken({QStringLiteral("api:billing")});

        // The upstream is up; only the proxy, which refuses, stands between.
        const auto response
            = RawHttpClient::request(gateway.port(), "GET", "/billing/x", {{"Authorization", bearer(token)}});
        QCOMPARE(response.status, 502);
        QCOMPARE(upstream.requestCount(), 0);
    }
};

QTEST_MAIN(TestUpstreamProxy)
#include "TestUpstreamProxy.moc"

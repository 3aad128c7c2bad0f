#pragma once

#include "core/gateway/Engine.h"
#include "core/requestlog/RequestLogStore.h"
#include "tests/support/TestCatalog.h"

#include <QUrl>

namespace gatehouse::test {

// A real engine on a loopback port over a real SQLite catalog, with one consumer ("tester") to
// issue tokens to. The catalog's services and the engine share a ManualClock that starts at the
// wall clock's now, so that tests can jump past expiries and timeouts instead of sleeping.
class GatewayHarness
{
public:
    explicit GatewayHarness();
    ~GatewayHarness();

    bool start(gateway::EngineConfig config = {});
    quint16 port() const { return engine.port(); }

    bool addApi(const QString& name, const QUrl& upstream, const QString& prefix = {}, bool stripPrefix = false,
        qint64 timeoutMs = 30'000, qint64 maxBodyBytes = 10 * 1024 * 1024, const QString& rateLimit = {});
    // A fresh token for "tester" with `scopes`; its plaintext.
    QByteArray issueToken(const QStringList& scopes, qint64 ttlMs = 24LL * 3600 * 1000, const QString& rateLimit = {});
    qint64 tokenId(const QByteArray& plaintext);

    // Writes queued log events and reads back the whole request log, oldest first.
    QList<LoggedRequest> logRows();

    TestCatalog catalog;
    gateway::Engine engine;
};

} // namespace gatehouse::test

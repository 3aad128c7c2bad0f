#pragma once

#include "core/gateway/TrustedProxies.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QThread>

namespace gatehouse::gateway {

// How the engine listens and the limits it enforces on every connection.
struct EngineConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; // 0: any free port (tests)
    bool allowNonLoopback = false;
    bool adminEnabled = true;
    QHostAddress adminAddress = QHostAddress::LocalHost;
    quint16 adminPort = 8081;
    int workers = qMax(1, QThread::idealThreadCount());
    int maxConnections = 10'000;
    // Peers whose X-Forwarded-For is kept (appended to); every other client's is replaced by its own address, and
    // its Forwarded, X-Real-IP, True-Client-IP, X-Forwarded-Port and X-Forwarded-Prefix are dropped.
    QList<QPair<QHostAddress, int>> trustedProxies; // QHostAddress::parseSubnet() results
    bool isTrustedProxy(const QHostAddress& peer) const { return gateway::isTrustedProxy(trustedProxies, peer); }
    // The request log's size cap besides its retention: the oldest rows go first. 0: no cap. Measured as the
    // catalog file's live pages (RequestLogStore::liveBytes()), since the log shares the catalog's file.
    qint64 logMaxBytes = 1024LL * 1024 * 1024;
    qint64 headerTimeoutMs = 10'000; // the request line and headers must arrive within this (slow-loris)
    qint64 idleTimeoutMs = 60'000; // an idle keep-alive connection is closed after this
    qint64 logRetentionMs = 30LL * 24 * 3600 * 1000;
    // How often the AI budgets' figures are read again from the catalog, to count what other gateways sharing it
    // spent (this gateway's own spending counts as soon as it is logged).
    int usageRefreshMs = 5000;
    // Trusted for https upstreams in addition to the system's CAs (a private CA, a test CA).
    QList<QSslCertificate> upstreamCaCertificates;
};

} // namespace gatehouse::gateway

#pragma once

#include "core/common/Result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace gatehouse::cli {

// The demo's "inventory" service, so that `demo --traffic` has something real behind the gateway: a small
// HTTP/1.1 server with keep-alive that answers like a plausible JSON API, a little slowly and now and then
// wrongly, so the console's charts and the live log show a realistic mix. Requests are parsed with the
// gateway's own HttpParser. Not a test double: it only runs for the demo.
//
//   GET  /healthz            200 {"status":"ok"}
//   GET  /items              200 a page of items
//   GET  /items/N            200 the item; 404 when N is a multiple of 17
//   POST /items              201 {"id":N}
//   anything else            404
// About 1 in 50 requests gets 500 or 503 instead; every answer waits 2 to 40 ms first.
class DemoUpstream : public QObject
{
    Q_OBJECT

public:
    explicit DemoUpstream(QObject* parent = nullptr);
    ~DemoUpstream() override;

    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    qint64 requestCount() const { return m_requests; }

private:
    class Connection;
    friend class Connection;

    QTcpServer* m_server = nullptr;
    qint64 m_requests = 0;
};

} // namespace gatehouse::cli

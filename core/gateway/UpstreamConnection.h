#pragma once

#include "core/gateway/HttpParser.h"

#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>

class QTcpSocket;

namespace gatehouse::gateway {

// Who is using an upstream connection: the client connection whose request it carries.
class UpstreamClient
{
public:
    // TlsVerification: the upstream's certificate chain or host name did not verify.
    // TlsHandshake: the TLS handshake failed for another reason (protocol, cipher, alert).
    enum class Failure { Refused, Closed, Reset, Malformed, TlsVerification, TlsHandshake };

    virtual ~UpstreamClient() = default;
    virtual void onUpstreamHead(HttpResponseHead&& head) = 0;
    virtual void onUpstreamBody(QByteArrayView chunk) = 0;
    virtual void onUpstreamComplete() = 0;
    virtual void onUpstreamFailure(Failure failure, const QString& detail) = 0;
    virtual void onUpstreamWritable() = 0; // its send buffer drained: upload may continue
    // One read of the upstream's bytes has been delivered (while the client is still attached): what it
    // made for the client can be sent in one write.
    virtual void onUpstreamReadDone() = 0;
};

// One keep-alive connection to an upstream (plain TCP or TLS), with its own response parser.
// Belongs to a worker's UpstreamPool while idle and to one client connection while busy.
class UpstreamConnection : public QObject, private HttpParserListener
{
    Q_OBJECT

public:
    static constexpr qint64 kReadChunk = 64 * 1024;

    // `tls`: the configuration to speak TLS with (copied), or null for plain TCP. `proxy`: the one to connect
    // through, NoProxy for a direct connection (never DefaultProxy, which makes Qt ask the system per socket).
    UpstreamConnection(QByteArray host, quint16 port, const QSslConfiguration* tls,
        QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy), QObject* parent = nullptr);
    ~UpstreamConnection() override;

    static QByteArray poolKey(QByteArrayView host, quint16 port, bool tls);
    const QByteArray& key() const { return m_key; }

    // Starts a request: connects if needed, then writes `head`; body bytes follow with sendBody(), and
    // requestSent() says when the last of them has been given.
    void begin(UpstreamClient* client, QByteArray head, bool headRequest);
    void sendBody(QByteArrayView bytes);
    // The whole request (head and body, none for a bodiless one) has been given to sendBody(). Until then, and
    // until those bytes have left for the kernel, a response head is an early answer: the upstream did not wait
    // for the body, so it may read what follows as its next request, and the connection is never reused.
    void requestSent();
    // Detaches the client; the connection closes unless it is clean to reuse.
    void detach();
    // Detaches the client and closes, telling no one: the client gave up on the exchange.
    void abandon();

    void pauseReading();
    void resumeReading();
    qint64 bytesToWrite() const;

    // True when the last exchange ended cleanly and the upstream allows keep-alive.
    bool isReusable() const;
    // Checked before an idle connection is lent out again: still connected, and nothing (no byte, no end of
    // stream) has arrived since its last response. Such bytes belong to no request of ours. `quietToTheEventLoop`:
    // the thread's event dispatcher has waited since the release and found nothing to read, so only bytes that came
    // in the current pass are unknown, and the kernel is not asked (a system call a request).
    bool isIdleClean(bool quietToTheEventLoop = false) const;
    qintptr descriptor() const;
    bool wasReused() const { return m_exchanges > 1; }
    void close();

Q_SIGNALS:
    // The connection died while idle in the pool.
    void idleClosed(gatehouse::gateway::UpstreamConnection* connection);

private:
    void onResponseHead(HttpResponseHead&& head) override;
    void onBody(QByteArrayView chunk) override;
    void onMessageComplete() override;

    void onConnected();
    void onReadyRead();
    void onDisconnected();
    // The upstream ended the stream: a read-until-close body is complete, anything else failed.
    void peerClosed();
    // Feeds the response parser from `bytes` (m_pending or a read); false after failing the exchange.
    bool feedParser(QByteArrayView bytes);
    bool readWhileIdle();
    void onBytesWritten();
    void fail(UpstreamClient::Failure failure, const QString& detail);
    void flushOutbox();

    QByteArray m_key;
    QByteArray m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    QSslConfiguration m_tlsConfiguration;
    QNetworkProxy m_proxy;
    QTcpSocket* m_socket = nullptr;
    HttpParser m_parser;
    UpstreamClient* m_client = nullptr;
    QByteArray m_outbox; // written once connected
    QByteArray m_pending; // read but not yet parsed (while paused)
    bool m_connected = false;
    bool m_paused = false;
    bool m_responseComplete = false;
    bool m_keepAlive = false;
    bool m_failed = false;
    bool m_gotResponseBytes = false;
    bool m_requestSent = false;
    bool m_earlyResponse = false; // the response head came before the whole request had left
    bool m_inFeed = false;
    bool m_completeUntold = false; // the response ended inside m_parser.feed(); the client is told after it
    int m_exchanges = 0;
};

} // namespace gatehouse::gateway

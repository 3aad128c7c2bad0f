#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>
#include <QUrl>

#include <memory>
#include <utility>

namespace gatehouse::test {

class UpstreamServer;
class UpstreamState;

// A real HTTP/1.1 server on 127.0.0.1 for gateway tests, over plain TCP or, after setTls(), TLS. Its listening socket
// and connections live in a thread of their own, so a test may block in waitFor* on a client socket (or on the gateway)
// while the upstream keeps serving.
//
// Every behaviour except Sse and Stream answers GET /status/NNN (NNN in 200..599) with that
// status and {"status":NNN}. Settings may be changed at any time; they apply from the next
// request on. All observers are thread-safe and count over every connection.
class LoopbackUpstream : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour {
        Echo, // 200 application/json describing the request
        Slow, // Echo (or /status/NNN) after delayMs()
        Sse, // chunked text/event-stream, sseEvents() events sseIntervalMs() apart
        Reset, // head with Content-Length: 100000, ~1000 body bytes, then a TCP RST
        Stream, // Content-Length: streamBytes() of 'x', written only as the client drains it
        Status, // every request answered with status()
    };
    Q_ENUM(Behaviour)

    struct ReceivedRequest
    {
        QByteArray method;
        QByteArray target;
        QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
        QList<std::pair<QByteArray, QByteArray>> headers; // in arrival order, names as sent
        QByteArray body; // de-chunked
        int connection = 0; // 1-based index of the accepted connection that carried it

        // Case-insensitive; repeated fields are joined with ", ". Empty when absent.
        QByteArray header(QByteArrayView name) const;
    };

    explicit LoopbackUpstream(Behaviour behaviour = Behaviour::Echo, QObject* parent = nullptr);
    ~LoopbackUpstream() override;

    bool start();
    void stop();
    bool isRunning() const { return m_server != nullptr; }

    // Serve TLS with this certificate and key (see TestCertificateAuthority). Call before start().
    void setTls(const QSslCertificate& certificate, const QSslKey& key);
    bool isTls() const { return !m_tls.isNull(); }

    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT, or https:// with TLS
    QUrl url(const QString& host) const; // the same with another host name, e.g. localhost

    Behaviour behaviour() const;
    void setBehaviour(Behaviour behaviour);
    void setDelayMs(int ms); // Slow; default 2000
    void setSseEvents(int count); // Sse; default 5
    void setSseIntervalMs(int ms); // Sse; default 100
    void setSseHoldOpen(bool hold); // Sse: keep the response open after the events; default false
    void setStreamBytes(qint64 bytes); // Stream; default 64 MiB
    void setStatus(int code); // Status; 200..599, default 200

    int requestCount() const;
    QList<ReceivedRequest> requests() const;
    int connectionCount() const; // accepted connections so far (with TLS: those whose handshake succeeded)
    int tlsHandshakesFailed() const; // TLS connections that never completed their handshake
    int openConnections() const;
    int sseEventsSent() const;
    bool clientDisconnectedDuringStream() const; // the peer closed while a response was still open
    qint64 streamBytesWritten() const; // bytes handed to the socket by Stream so far

    // Waits until at least n requests have been received. It spins the calling thread's event
    // loop (QTest::qWaitFor), so objects living in the test thread, such as a gateway under
    // test, keep working meanwhile.
    bool waitForRequests(int n, int timeoutMs = 5000) const;

    // A loopback port on which nothing listens (bound to port 0 and closed again): connecting
    // to it is refused, which is what 502 tests need. Another process could grab it in between,
    // but the kernel hands ephemeral ports out in sequence, so that is unlikely within a test.
    static quint16 refusingPort();

private:
    std::shared_ptr<UpstreamState> m_state;
    QThread m_thread;
    UpstreamServer* m_server = nullptr; // lives in m_thread
    QSslConfiguration m_tls; // null: plain TCP
    quint16 m_port = 0;
};

} // namespace gatehouse::test

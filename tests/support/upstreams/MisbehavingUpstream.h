#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QTcpServer>
#include <QThread>

namespace gatehouse::test {

// A deliberately broken HTTP/1.1 upstream on 127.0.0.1, for the tests of what the gateway may reuse. It parses
// requests as a naive server does: a line that is no request line is skipped, a head ends at the first empty line,
// and (in AnswerBeforeBody) whatever follows a head is read as the next request. It answers each request it parses
// with "<METHOD> <target> #<connection>" (padded to responseSize() if set) and records it. It runs in a thread of
// its own, so a test may block on a client socket meanwhile; settings and records are thread-safe.
class MisbehavingUpstream : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode {
        Correct, // reads each request whole (Content-Length or chunked body), then answers it
        // A request with a body is answered as soon as its head is read: the response head and half its body at
        // once, the rest when the next bytes arrive (or after kRestDelayMs). The body is never read as a body: it
        // is parsed as the next request. Bodiless requests are read whole, Content-Length included.
        AnswerBeforeBody,
        TrailingBytes, // each answer is followed by trailingBytes(), after trailingDelayMs() (0: in the same write)
        CloseButStayOpen, // answers with "Connection: close", then keeps the socket open and serves on
        Http10, // answers as HTTP/1.0 without keep-alive, then keeps the socket open and serves on
    };
    Q_ENUM(Mode)

    struct Request
    {
        QByteArray method;
        QByteArray target;
        int connection = 0; // 1-based index of the accepted connection that carried it
    };

    static constexpr int kRestDelayMs = 200;

    explicit MisbehavingUpstream(Mode mode = Mode::Correct);
    ~MisbehavingUpstream() override;

    bool start(); // listens on an ephemeral loopback port, in its own thread
    void stop();
    quint16 port() const { return m_port; }

    void setMode(Mode mode);
    void setTrailingBytes(QByteArray bytes); // TrailingBytes; default a whole extra 200 response
    void setTrailingDelayMs(int ms);
    void setResponseSize(qint64 bytes); // pads each answer's body so head and body make this many bytes; 0: no padding

    QList<Request> requests() const;
    bool served(QByteArrayView target) const; // some parsed request had this target
    int connectionCount() const;
    int trailingWrites() const; // TrailingBytes: how many times the extra bytes have been written
    // Waits, without running the calling thread's event loop, until `n` requests were parsed.
    bool waitForRequests(int n, int timeoutMs = 5000) const;
    bool waitForTrailingWrites(int n, int timeoutMs = 5000) const;

private:
    struct Peer
    {
        int index = 0;
        QByteArray in;
        QByteArray rest; // AnswerBeforeBody: the second half of an answer, sent when more bytes arrive
    };

    void onNewConnection();
    void serve(QTcpSocket* socket);
    // Parses and answers what `peer` holds; false once it needs more bytes.
    bool serveOne(QTcpSocket* socket, Peer& peer);
    void answer(QTcpSocket* socket, Peer& peer, const QByteArray& method, const QByteArray& target, bool early);
    void sendRest(QTcpSocket* socket);

    mutable QMutex m_mutex;
    Mode m_mode;
    QByteArray m_trailing;
    int m_trailingDelayMs = 0;
    qint64 m_responseSize = 0;
    QList<Request> m_requests;
    int m_connections = 0;
    int m_trailingWrites = 0;

    QHash<QTcpSocket*, Peer> m_peers; // the server's thread only
    QThread m_thread;
    quint16 m_port = 0;
};

} // namespace gatehouse::test

#pragma once

#include "tests/support/upstreams/ChunkedDecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QList>
#include <QStringBuilder>
#include <QTcpSocket>

#include <optional>
#include <utility>

namespace gatehouse::test {

// A blocking HTTP/1.1 client over a plain QTcpSocket, for the test thread. It sends exactly the
// bytes a test gives it (malformed ones included) and parses responses itself, so a test sees
// what the gateway really put on the wire. Not thread-safe; use it from the thread that made it.
class RawHttpClient
{
public:
    struct Response
    {
        int status = 0;
        QByteArray reason;
        QList<std::pair<QByteArray, QByteArray>> headers; // in arrival order, names as sent
        QByteArray body; // de-chunked
        bool complete = false; // the body ended as its framing said (length, last chunk or close)

        // Case-insensitive; repeated fields are joined with ", ". Empty when absent.
        QByteArray header(QByteArrayView name) const;
    };

    RawHttpClient() = default;
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient&) = delete;
    RawHttpClient& operator=(const RawHttpClient&) = delete;

    bool connectTo(quint16 port, int timeoutMs = 5000); // to 127.0.0.1
    // Writes all bytes and waits until they have left Qt's buffer (not until the peer read them).
    bool send(QByteArrayView bytes, int timeoutMs = 5000);
    // QT_USE_QSTRINGBUILDER makes "a" + b a builder, which does not convert to QByteArrayView.
    template <typename A, typename B>
    bool send(const QStringBuilder<A, B>& bytes, int timeoutMs = 5000)
    {
        return send(QByteArrayView(QByteArray(bytes)), timeoutMs);
    }

    // Reads one whole response: its body framed by Content-Length, chunked coding, or the close of
    // the connection. Bytes after it stay buffered for the next call, so pipelined responses are
    // read one after another. A 1xx interim response is returned on its own; call again for the
    // final one. headRequest: the response has no body whatever its fields say.
    // nullopt when no complete head arrived in time (or it was malformed); a Response with
    // complete == false when the head arrived but the body was cut short or timed out.
    std::optional<Response> readResponse(int timeoutMs = 5000, bool headRequest = false);

    // Incremental reading, for SSE and other streams: readHead() returns the head (body empty),
    // then each readChunkData() returns the body bytes (de-chunked) that arrived since the last
    // call, waiting up to timeoutMs for at least one. It returns empty on timeout or once the body
    // has ended; bodyFinished() tells the two apart and bodyComplete() says whether it ended well.
    std::optional<Response> readHead(int timeoutMs = 5000, bool headRequest = false);
    QByteArray readChunkData(int timeoutMs = 5000);
    bool bodyFinished() const { return m_bodyMode == BodyMode::None; }
    bool bodyComplete() const { return m_bodyComplete; }

    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const;
    void close(); // graceful: queued bytes are sent, then FIN
    void abort(); // immediate, discards queued bytes
    // Bounds Qt's read buffer so that, while the test does not read, the kernel's buffers fill and
    // the sender feels back-pressure. 0 means unbounded (the default).
    void setReadBufferSize(qint64 bytes);
    QTcpSocket& socket() { return m_socket; }

    // One request on a fresh connection with "Connection: close" (and Host, and Content-Length
    // for a body) unless the given headers already name them. status == 0 when it failed.
    static Response request(quint16 port, QByteArray method, QByteArray target,
        QList<std::pair<QByteArray, QByteArray>> headers = {}, QByteArray body = {}, int timeoutMs = 5000);

private:
    enum class BodyMode { None, Length, Chunked, UntilClose };
    enum class BodyStatus { More, Done, Error };

    std::optional<Response> readHeadUntil(QDeadlineTimer deadline, bool headRequest);
    BodyStatus decodeBody(QByteArray& out);
    bool fill(QDeadlineTimer deadline);
    void endBody(bool complete);

    QTcpSocket m_socket;
    QByteArray m_buffer; // received, not yet consumed
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_remaining = 0;
    ChunkedDecoder m_chunked;
    bool m_bodyComplete = false;
};

} // namespace gatehouse::test

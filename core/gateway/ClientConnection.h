#pragma once

#include "core/gateway/Admission.h"
#include "core/gateway/ExchangeSet.h"
#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpParser.h"
#include "core/gateway/RequestState.h"
#include "core/gateway/Snapshot.h"
#include "core/gateway/UpstreamRequestHead.h"

#include <QObject>

class QTcpSocket;

namespace gatehouse::gateway {

class EngineState;
class Exchange;
class UpstreamPool;

// One client connection in a worker, the transport of its requests: it parses them (one at a time, so pipelined
// responses leave in request order), admits them, hands each admitted one to an Exchange (ExchangeSet), and writes
// what the exchange answers, with keep-alive, back-pressure and the header, idle and body timeouts. Every request
// ends as one RequestEvent.
class ClientConnection : public QObject, private HttpParserListener
{
    Q_OBJECT

public:
    // Reading from the upstream pauses while more than this waits to be sent to the client.
    static constexpr qint64 kHighWaterBytes = 256 * 1024;
    static constexpr qint64 kLowWaterBytes = 64 * 1024;

    ClientConnection(EngineState& state, UpstreamPool& pool, QTcpSocket* socket, QObject* parent = nullptr);
    ~ClientConnection() override;

    // Enforces the header, idle and upstream timeouts; called by the worker's one sweep timer.
    void sweep(qint64 nowMs);
    // Cuts the exchange in flight if its token is no longer usable in `snapshot`.
    void enforceGrant(const Snapshot& snapshot, qint64 nowMs);
    // Graceful shutdown: finish the request in flight, then close; close now if idle.
    void beginShutdown();
    void abort();
    bool isBusy() const { return m_x.active; }

    // What the exchange in flight uses (Exchange.h).
    RequestState& request() { return m_x; }
    EngineState& state() { return m_state; }
    // The snapshot pinned for the request in flight.
    const Snapshot& snapshot() const { return *m_snapshot; }
    Admission::Context admissionContext();
    ForwardingContext forwardingContext() const;
    // The response head, written straight into the client's outbox (which keeps its capacity from one response to
    // the next): the exchange writes the status line and its own fields, endResponseHead() the framing
    // (Content-Length, chunked, or close for HTTP/1.0), X-Request-Id, the rate-limit fields and Connection.
    HttpHeadWriter startResponseHead(qsizetype expectedBytes);
    void endResponseHead(HttpHeadWriter& out, bool noBody, qint64 contentLength, bool chunked);
    // Response body bytes: counted, and chunk-framed when the response is chunked. Nothing for empty bytes.
    void sendBody(QByteArrayView bytes);
    // Sends a long body as it comes; true while the client's socket holds more than kHighWaterBytes that the
    // kernel refused (the exchange pauses its source until clientDrained()).
    bool clientBacklogged();
    // The client's socket holds less than kLowWaterBytes again: a paused source may resume.
    bool clientDrained() const;
    // The last of the body: the chunked terminator, and the response is complete.
    void endResponse();
    // Finishes the request if both its request and its response are complete.
    void maybeFinish();
    // Answers the current request from the gateway itself (an error, 404, 429 ...).
    void respond(int status, QByteArrayView errorCode, const QString& description, QByteArray rejectReason,
        HeaderPairs headers = {});
    // The same with a JSON body of any shape; respond() is made of it.
    void respondJson(int status, const QByteArray& body, HeaderPairs headers = {});
    // A whole response, built by the caller.
    void respondRaw(QByteArray bytes, int status);
    // Answers what admission refused, and logs why.
    void refuse(const AdmissionDecision& decision);
    void cutExchange(QByteArray error, int statusIfNotStarted, QByteArrayView code, const QString& description);
    // Queues bytes for the client; flushToClient() sends what is queued in one write, at the end of an
    // upstream read, of an exchange, or of an answer of our own.
    void writeToClient(QByteArrayView bytes);
    void flushToClient();
    // Request body upload to a slow destination: parsing stops until resumeUpload().
    void pauseUpload() { m_uploadPaused = true; }
    void resumeUpload();

Q_SIGNALS:
    void finished(gatehouse::gateway::ClientConnection* connection);

private:
    // HttpParserListener
    void onRequestHead(HttpRequestHead&& head) override;
    void onBody(QByteArrayView chunk) override;
    void onMessageComplete() override;

    void onClientReadyRead();
    void readClient();
    // Feeds the request parser, answering a parse error; returns how many bytes it took.
    qsizetype feedParser(QByteArrayView bytes);
    void readAhead();
    void resumeReading();
    void onClientBytesWritten();
    void onClientDisconnected();

    void startExchange(const HttpRequestHead& head);
    // An exchange for a request whose head never arrived whole (malformed or too slow), so it is logged too.
    void startHeadlessExchange();
    void failParse();
    void finishExchange();
    void closeAfterFlush();
    // The request's authenticated token (null: none), for the exchange and its log event.
    void adoptToken(const TokenGrant* token);

    EngineState& m_state;
    QTcpSocket* m_socket;
    HttpParser m_parser;
    SnapshotPtr m_snapshot; // pinned for the request in flight
    QByteArray m_pending; // read from the socket, not yet parsed
    QByteArray m_outbox; // queued for the client, not yet written
    QByteArray m_clientAddress;
    bool m_fromTrustedProxy = false; // the peer is one of `serve --trusted-proxy`
    RequestState m_x;
    ExchangeSet m_exchanges;
    Exchange* m_exchange = nullptr; // the one answering the request in flight, if admitted
    qint64 m_headDeadlineMs = 0;
    qint64 m_idleDeadlineMs = 0;
    bool m_uploadPaused = false;
    bool m_inClientFeed = false; // the request parser is on the stack: it must not be resumed from here
    bool m_closing = false;
    bool m_shuttingDown = false;
    bool m_finishedEmitted = false;
};

} // namespace gatehouse::gateway

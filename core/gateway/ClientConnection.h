#pragma once

#include "core/gateway/Admission.h"
#include "core/gateway/AiExchange.h"
#include "core/gateway/Authenticator.h"
#include "core/gateway/HttpParser.h"
#include "core/gateway/RequestEvent.h"
#include "core/gateway/Snapshot.h"
#include "core/gateway/UpstreamConnection.h"
#include "core/gateway/UpstreamRequestHead.h"

#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

namespace gatehouse::gateway {

class EngineState;
class UpstreamPool;

// One client connection in a worker: parses requests (one at a time, so pipelined responses
// leave in request order), routes, authenticates, rate-limits, and streams the exchange with
// the upstream in both directions with back-pressure. Every request ends as one RequestEvent.
class ClientConnection : public QObject, private HttpParserListener, private UpstreamClient
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

Q_SIGNALS:
    void finished(gatehouse::gateway::ClientConnection* connection);

private:
    struct Exchange
    {
        bool active = false;
        QElapsedTimer timer;
        qint64 startMs = 0;
        QByteArray requestId;
        QByteArray method;
        QByteArray target; // normalised (RequestPath): what is logged and forwarded
        const Route* route = nullptr;
        const TokenGrant* token = nullptr;
        bool headRequest = false;
        bool http10 = false;
        bool chunkedRequest = false;
        bool requestComplete = false;
        bool responseStarted = false;
        bool responseComplete = false;
        bool chunkedToClient = false;
        bool closeAfter = false;
        bool closeAfterIfRejected = false; // the request has a body we would otherwise have to drain
        bool upstreamPaused = false;
        bool retried = false;
        QByteArray upstreamHead; // kept for one retry on a stale pooled connection
        UpstreamConnection* upstream = nullptr;
        qint64 upstreamDeadlineMs = 0;
        qint64 lastUpstreamActivityMs = 0;
        qint64 aiBodyDeadlineMs = 0; // an AI request's body must have arrived by then (0: not reading one)
        RequestEvent event;
        QList<std::pair<QByteArray, QByteArray>> rateHeaders;
        std::unique_ptr<AiExchange> ai; // set for requests on the AI routes (ClientConnectionAi.cpp)
    };

    // HttpParserListener
    void onRequestHead(HttpRequestHead&& head) override;
    void onBody(QByteArrayView chunk) override;
    void onMessageComplete() override;
    // UpstreamClient
    void onUpstreamHead(HttpResponseHead&& head) override;
    void onUpstreamBody(QByteArrayView chunk) override;
    void onUpstreamComplete() override;
    void onUpstreamFailure(Failure failure, const QString& detail) override;
    void onUpstreamWritable() override;
    void onUpstreamReadDone() override;

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
    void forward(const HttpRequestHead& head);
    void connectUpstream();
    // Answers the current request from the gateway itself (an error, 404, 429 ...).
    void respond(int status, QByteArrayView errorCode, const QString& description, QByteArray rejectReason,
        QList<std::pair<QByteArray, QByteArray>> headers = {});
    // The same with a JSON body of any shape; respond() and respondAiError() are made of it.
    void respondJson(int status, const QByteArray& body, QList<std::pair<QByteArray, QByteArray>> headers = {});
    void respondRaw(QByteArray bytes, int status);
    void failParse();
    void cutExchange(QByteArray error, int statusIfNotStarted, QByteArrayView code, const QString& description);
    void maybeFinish();
    void finishExchange();
    void closeAfterFlush();
    void releaseUpstream();
    void dropUpstream();
    // Queues bytes for the client; flushToClient() sends what is queued in one write, at the end of an
    // upstream read, of an exchange, or of an answer of our own.
    void writeToClient(QByteArrayView bytes);
    void flushToClient();
    // Response body bytes: counted, and chunk-framed when the response is chunked. Nothing for empty bytes.
    void writeBodyToClient(QByteArrayView bytes);
    void pauseUpstreamIfClientIsSlow();
    // The request's authenticated token (null: none), for the exchange and its log event.
    void adoptToken(const TokenGrant* token);
    // Answers what admission refused, and logs why.
    void refuse(const AdmissionDecision& decision);
    Admission::Context admissionContext();
    ForwardingContext forwardingContext() const;

    // The AI routes (ClientConnectionAi.cpp).
    void beginAi(const HttpRequestHead& head, AdmissionDecision decision);
    void dispatchAi();
    void dispatchAiChat();
    void dispatchAiPassthrough();
    void answerAiModels();
    void tryNextAiTarget();
    void connectAi(const AiProviderRoute& provider, QByteArray head, QByteArray body);
    // An error in OpenAI's shape, which the SDKs on these routes show to their user.
    void respondAiError(int status, QByteArray body, QByteArray error);
    bool onAiUpstreamHead(HttpResponseHead& head); // true: handled (translated, or retried on a fallback)
    void onAiUpstreamBody(QByteArrayView chunk);
    void onAiUpstreamComplete();
    bool onAiUpstreamFailure(Failure failure, const QString& detail); // true: handled
    void recordAiUsage(const AiUsage& usage);

    EngineState& m_state;
    UpstreamPool& m_pool;
    QTcpSocket* m_socket;
    HttpParser m_parser;
    SnapshotPtr m_snapshot; // pinned for the request in flight
    QByteArray m_pending; // read from the socket, not yet parsed
    QByteArray m_outbox; // queued for the client, not yet written
    QByteArray m_upstreamHeadBuffer; // the current request's head for the upstream (see forward())
    QByteArray m_clientAddress;
    bool m_fromTrustedProxy = false; // the peer is one of `serve --trusted-proxy`
    Exchange m_x;
    qint64 m_headDeadlineMs = 0;
    qint64 m_idleDeadlineMs = 0;
    bool m_uploadPaused = false;
    bool m_inClientFeed = false; // the request parser is on the stack: it must not be resumed from here
    bool m_closing = false;
    bool m_shuttingDown = false;
    bool m_finishedEmitted = false;
};

} // namespace gatehouse::gateway

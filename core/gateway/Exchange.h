#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace gatehouse::gateway {

struct AdmissionDecision;
struct HttpRequestHead;

// What answers one admitted request on a ClientConnection: the API proxy (ApiProxyExchange), the AI routes
// (AiRouteExchange), and whatever comes next. The connection is only the transport: it parses the request, admits
// it, logs it, and writes what the exchange gives it; the exchange decides what the response is.
//
// The transport calls these as the request arrives and the client drains. The exchange answers through the
// transport's public part (ClientConnection: startResponseHead()/endResponseHead(), sendBody(), endResponse(),
// respond() and the like, all on the request's RequestState), never through the socket.
//
// The connection owns one exchange of each kind by value and reuses it for request after request (see
// ExchangeSet): no allocation per request, one virtual call per request body chunk.
class Exchange
{
public:
    virtual ~Exchange() = default;

    // Admission chose this exchange for `head`; the transport has filled the RequestState (id, event, token, rate
    // headers) and set the parser's body limit.
    virtual void start(const HttpRequestHead& head, AdmissionDecision&& decision) = 0;
    // Request body bytes as they are parsed; the transport has counted them in the event.
    virtual void onRequestBody(QByteArrayView chunk) = 0;
    // The request's last byte was parsed (RequestState::requestComplete is set). The transport finishes the request
    // afterwards if its response is complete as well.
    virtual void onRequestComplete() = 0;
    // The client's socket wrote bytes: a source paused for back-pressure resumes once
    // ClientConnection::clientDrained().
    virtual void onClientBytesWritten() = 0;
    // The worker's sweep while this request is in flight: the exchange's own deadlines.
    virtual void sweep(qint64 nowMs) = 0;
    // The transport answered or cut the request itself, or lost its client: what is in flight is abandoned.
    virtual void cancel() = 0;
    // The request is over: keep what the next one may reuse (an upstream connection, back to its pool), forget the
    // rest. The exchange is then idle until its next start().
    virtual void end() = 0;
};

} // namespace gatehouse::gateway

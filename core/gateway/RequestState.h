#pragma once

#include "core/gateway/HttpResponses.h"
#include "core/requestlog/RequestEvent.h"

#include <QByteArray>
#include <QElapsedTimer>

namespace gatehouse::gateway {

struct TokenGrant;

// The request in flight on a ClientConnection, as the transport and its exchange both see it: where the request
// and the response stand, how the response is framed, and the RequestEvent that is logged when it ends.
struct RequestState
{
    bool active = false;
    QElapsedTimer timer;
    qint64 startMs = 0;
    QByteArray requestId;
    QByteArray method;
    QByteArray target; // normalised (RequestPath): what is logged and forwarded
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
    RequestEvent event;
    HeaderPairs rateHeaders;
};

} // namespace gatehouse::gateway

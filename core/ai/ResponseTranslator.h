#pragma once

#include "core/ai/AiUsage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gatehouse {

// Turns one upstream response body into what the client gets, as the bytes arrive. Made by AiAdapter::translator()
// once the upstream's status is known; one per response, used from one thread.
//
// Two kinds, told apart by isStreaming():
//  - streaming (the client asked for stream and the upstream said 2xx): clientStatus() is 200 and contentType()
//    text/event-stream from the start; every feed() returns the SSE bytes to send to the client now (often empty,
//    while an event is incomplete), finish() or fail() the last ones, always ending with "data: [DONE]". The length
//    is not known in advance: send it chunked.
//  - whole (no stream, or any upstream error): feed() only collects and returns nothing; finish() returns the whole
//    body, and only then are clientStatus() and isError() final. Send it with a Content-Length.
// Upstream bytes may be split anywhere, mid-line and mid-UTF-8 character included. Each byte is looked at once.
class ResponseTranslator
{
public:
    virtual ~ResponseTranslator() = default;

    virtual bool isStreaming() const = 0;
    int clientStatus() const { return m_clientStatus; }
    QByteArray contentType() const
    {
        return isStreaming() ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json");
    }

    virtual QByteArray feed(QByteArrayView upstreamBytes) = 0;
    // The upstream body ended as its framing said (Content-Length reached, last chunk, or close for a stream). A
    // stream that ended before the provider's own end marker counts as cut off: an error event, then [DONE].
    virtual QByteArray finish() = 0;
    // The upstream failed before its body ended (reset, timeout). For a stream: an error event and [DONE]; for a
    // whole response: a 502 error body.
    virtual QByteArray fail(const QString& reason) = 0;

    // Token counts, final after finish() or fail().
    AiUsage usage() const { return m_usage; }
    // The upstream's status was not 2xx, or it reported an error (in the body or mid-stream), or the body was cut off.
    bool isError() const { return m_error; }
    QString errorMessage() const { return m_errorMessage; }

protected:
    void setError(const QString& message)
    {
        m_error = true;
        m_errorMessage = message;
    }

    int m_clientStatus = 200;
    AiUsage m_usage;

private:
    bool m_error = false;
    QString m_errorMessage;
};

} // namespace gatehouse

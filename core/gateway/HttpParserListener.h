#pragma once

#include "core/gateway/HttpMessageHead.h"

#include <QByteArrayView>

namespace gatehouse::gateway {

// What HttpParser reports, implemented by the connection. Every call happens inside HttpParser::feed()
// (or finish()); a listener may call setLimits(), resume() or expectNoBody() from it, but must not feed the
// parser again or destroy it there.
class HttpParserListener
{
public:
    virtual ~HttpParserListener() = default;
    virtual void onRequestHead(HttpRequestHead&&) { }
    virtual void onResponseHead(HttpResponseHead&&) { }
    // De-chunked body bytes, as they arrive (the whole body is never buffered). The view is valid
    // during the call only: it points into the buffer given to feed().
    virtual void onBody(QByteArrayView chunk) = 0;
    virtual void onMessageComplete() = 0;
};

} // namespace gatehouse::gateway

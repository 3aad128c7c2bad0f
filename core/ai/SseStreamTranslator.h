#pragma once

#include "core/ai/ResponseTranslator.h"
#include "core/ai/SseParser.h"

namespace gatehouse {

// The shared part of the streaming translators: upstream bytes go through an SseParser, each completed event to
// onEvent(), and the stream's end to onEnd(). Once the client's stream is closed (with [DONE], after the end or an
// error) further upstream bytes are ignored, so the client never sees anything after [DONE].
class SseStreamTranslator : public ResponseTranslator
{
public:
    explicit SseStreamTranslator(QString provider);

    bool isStreaming() const override { return true; }
    QByteArray feed(QByteArrayView upstreamBytes) override;
    QByteArray finish() override;
    QByteArray fail(const QString& reason) override;

protected:
    virtual void onEvent(const SseEvent& event, QByteArray& out) = 0;
    // The upstream body ended cleanly (as HTTP framing goes); `sseClean` is false when a partial event was left.
    virtual void onEnd(bool sseClean, QByteArray& out) = 0;

    // Writes an error event and [DONE], records the error and closes the client's stream.
    void endWithError(QByteArray& out, const QString& message, QByteArrayView type, const QString& code = {});
    // Writes [DONE] and closes the client's stream.
    void endWithDone(QByteArray& out);
    bool ended() const { return m_ended; }

    QString m_provider;

private:
    SseParser m_parser;
    bool m_ended = false;
};

} // namespace gatehouse

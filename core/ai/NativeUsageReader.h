#pragma once

#include "core/ai/AiUsage.h"
#include "core/ai/SseParser.h"
#include "core/ai/UsageShape.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace gatehouse {

// Reads the token counts out of one provider answer that the native AI routes pass through untouched, in the
// provider's own format, as its bytes go by. Pure and incremental: bytes may be split anywhere (mid-line, mid-UTF-8
// character), each is looked at once, and the body is never held whole. Made for a 2xx answer only (an error spends
// nothing), one per response, used from one thread.
//
// The framing follows the Content-Type: text/event-stream is read with SseParser, application/x-ndjson and
// application/json-seq as one JSON value a line (Ollama's streams), anything else as one JSON document, which may be
// an array streamed element by element (Gemini's streamGenerateContent without alt=sse).
//
// An answer whose shape spends tokens but that reported none (an OpenAI stream without
// stream_options.include_usage, an embedding answer without usage, a body too large to read) is counted from its
// size instead of as free: see estimate().
class NativeUsageReader
{
public:
    // One SSE event or NDJSON line or array element longer than this is skipped, not held.
    static constexpr qsizetype kMaxEventBytes = 1 << 20;
    // A whole JSON document is held until it ends so that its usage can be read; beyond this it is estimated.
    static constexpr qsizetype kMaxDocumentBytes = 8 << 20;
    // The usual rule of thumb for the tokenizers in use: about four bytes of English text or JSON a token.
    static constexpr qint64 kBytesPerToken = 4;

    // `contentType` is the response's Content-Type header, `requestBodyBytes` the size of the request body sent.
    NativeUsageReader(UsageShape shape, QByteArrayView contentType, qint64 requestBodyBytes);

    void feed(QByteArrayView bytes);
    // The body ended as its framing said: the usage to debit. Reported counts when the provider gave any, else an
    // estimate (estimated = true) for a shape that spends tokens, else nothing (CountTokens, None).
    AiUsage finish();
    // The body was cut off: what had been read so far, else the estimate. A partial line or event is not read.
    AiUsage failed();

    qint64 responseBodyBytes() const { return m_responseBytes; }

    // ceil(requestBodyBytes / 4) prompt tokens, ceil(responseBodyBytes / 4) completion tokens (none when the answer
    // is embeddings, which are not generated text), marked estimated.
    static AiUsage estimate(qint64 requestBodyBytes, qint64 responseBodyBytes, bool embeddings);

private:
    enum class Framing { Sse, Lines, Document };

    void feedSse(QByteArrayView bytes);
    void feedLines(QByteArrayView bytes);
    void feedDocument(QByteArrayView bytes);
    void feedArray(QByteArrayView bytes);
    void endLine();
    void readSseEvents(const QList<SseEvent>& events);
    void readJson(QByteArrayView json);
    void readObject(const QJsonObject& object);
    void readOpenAiUsage(const QJsonObject& usage);
    void readAnthropicUsage(const QJsonObject& usage);
    AiUsage result();

    UsageShape m_shape;
    Framing m_framing = Framing::Document;
    qint64 m_requestBytes = 0;
    qint64 m_responseBytes = 0;
    bool m_done = false;
    AiUsage m_result;

    // What has been read. Anthropic's parts arrive in different events and the latest value of each wins.
    AiUsage m_usage;
    qint64 m_anthropicInput = 0;
    qint64 m_anthropicCacheCreation = 0;
    qint64 m_anthropicCacheRead = 0;
    bool m_embeddings = false; // the answer carried an "embedding(s)" member: nothing was generated

    // SSE: the parser, and how much of the current line and event it holds (an event beyond the cap is skipped up to
    // its blank line, the parser being replaced by a fresh one).
    SseParser m_sse;
    qsizetype m_sseLineBytes = 0;
    qsizetype m_sseEventBytes = 0;
    bool m_sseAfterCr = false;
    bool m_sseSkipping = false;

    // Lines, and the elements of a streamed array: the current one, or skipping one beyond the cap.
    QByteArray m_line;
    bool m_lineSkipping = false;

    // A whole document: before its first byte, an array read element by element, or an object held whole.
    enum class DocumentKind { Unknown, Array, Object };
    DocumentKind m_documentKind = DocumentKind::Unknown;
    QByteArray m_document;
    bool m_documentOverflow = false;
    QByteArray m_documentHead; // the first bytes, kept to tell an embedding answer when the rest overflowed
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
};

} // namespace gatehouse

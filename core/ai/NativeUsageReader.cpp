#include "core/ai/NativeUsageReader.h"

#include "core/ai/TokenCount.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

namespace gatehouse {

namespace {

// A substring every piece carrying usage has, so that the many pieces of a stream that carry none (each token of an
// answer) are passed over without building a JSON tree for them.
QByteArrayView usageMarker(UsageShape shape)
{
    switch (shape) {
    case UsageShape::Gemini:
        return "usageMetadata";
    case UsageShape::Ollama:
        return "eval_count";
    default:
        return "usage";
    }
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qint64 ceilDiv(qint64 bytes, qint64 per)
{
    return bytes <= 0 ? 0 : (bytes + per - 1) / per;
}

} // namespace

NativeUsageReader::NativeUsageReader(UsageShape shape, QByteArrayView contentType, qint64 requestBodyBytes)
    : m_shape(shape)
    , m_requestBytes(std::max<qint64>(requestBodyBytes, 0))
{
    QByteArray type = contentType.toByteArray();
    if (const qsizetype semicolon = type.indexOf(';'); semicolon >= 0)
        type.truncate(semicolon);
    type = type.trimmed().toLower();
    if (type == "text/event-stream")
        m_framing = Framing::Sse;
    else if (type == "application/x-ndjson" || type == "application/json-seq" || type == "application/jsonl"
        || type == "application/x-jsonlines")
        m_framing = Framing::Lines;
    else
        m_framing = Framing::Document;
}

AiUsage NativeUsageReader::estimate(qint64 requestBodyBytes, qint64 responseBodyBytes, bool embeddings)
{
    AiUsage usage;
    usage.promptTokens = ceilDiv(requestBodyBytes, kBytesPerToken);
    usage.completionTokens = embeddings ? 0 : ceilDiv(responseBodyBytes, kBytesPerToken);
    usage.estimated = true;
    return usage;
}

void NativeUsageReader::feed(QByteArrayView bytes)
{
    if (m_done || bytes.isEmpty())
        return;
    m_responseBytes += bytes.size();
    if (!spendsTokens(m_shape))
        return;
    switch (m_framing) {
    case Framing::Sse:
        feedSse(bytes);
        break;
    case Framing::Lines:
        feedLines(bytes);
        break;
    case Framing::Document:
        feedDocument(bytes);
        break;
    }
}

AiUsage NativeUsageReader::finish()
{
    if (m_done)
        return m_result;
    if (spendsTokens(m_shape)) {
        switch (m_framing) {
        case Framing::Sse:
            // A last event whose blank line never came is read all the same: the body did end cleanly.
            feedSse("\n\n");
            break;
        case Framing::Lines:
            endLine();
            break;
        case Framing::Document:
            if (m_documentKind == DocumentKind::Object && !m_documentOverflow) {
                const QJsonDocument document = QJsonDocument::fromJson(m_document);
                if (document.isObject()) {
                    readObject(document.object());
                } else {
                    // Not one document after all: an NDJSON stream sent as application/json, say.
                    for (const QByteArray& line : m_document.split('\n'))
                        readJson(line);
                }
            }
            break;
        }
    }
    m_result = result();
    m_done = true;
    m_document = {};
    m_line = {};
    return m_result;
}

AiUsage NativeUsageReader::failed()
{
    if (m_done)
        return m_result;
    // A partial event, line or document is not read: its end, which may be where the usage is, never came.
    m_result = result();
    m_done = true;
    m_document = {};
    m_line = {};
    return m_result;
}

void NativeUsageReader::feedSse(QByteArrayView bytes)
{
    // SseParser holds a partial line and the current event's data without bound; this scan, which mirrors its line
    // ends (CR, LF, CRLF), measures the current event and, past the cap, stops feeding it until the event's blank
    // line, starting over with a fresh parser.
    qsizetype start = 0;
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (c == '\n' && m_sseAfterCr) {
            m_sseAfterCr = false;
            continue;
        }
        m_sseAfterCr = c == '\r';
        if (c == '\r' || c == '\n') {
            const bool blank = m_sseLineBytes == 0;
            m_sseLineBytes = 0;
            if (blank) {
                m_sseEventBytes = 0;
                if (m_sseSkipping) {
                    m_sseSkipping = false;
                    start = i + 1;
                    continue;
                }
            }
        } else {
            ++m_sseLineBytes;
        }
        if (m_sseSkipping)
            continue;
        if (++m_sseEventBytes > kMaxEventBytes) {
            readSseEvents(m_sse.feed(bytes.sliced(start, i - start)));
            m_sse = SseParser();
            m_sseSkipping = true;
        }
    }
    if (!m_sseSkipping && start < size)
        readSseEvents(m_sse.feed(bytes.sliced(start)));
}

void NativeUsageReader::readSseEvents(const QList<SseEvent>& events)
{
    for (const SseEvent& event : events) {
        if (event.data != "[DONE]")
            readJson(event.data);
    }
}

void NativeUsageReader::feedLines(QByteArrayView bytes)
{
    // NDJSON ends each value with LF; JSON text sequences (RFC 7464) also start each with RS.
    qsizetype start = 0;
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (bytes[i] != '\n' && bytes[i] != '\x1e')
            continue;
        if (!m_lineSkipping) {
            if (m_line.size() + (i - start) > kMaxEventBytes)
                m_lineSkipping = true;
            else
                m_line.append(bytes.sliced(start, i - start));
        }
        endLine();
        start = i + 1;
    }
    if (start < size && !m_lineSkipping) {
        if (m_line.size() + (size - start) > kMaxEventBytes) {
            m_lineSkipping = true;
            m_line.clear();
        } else {
            m_line.append(bytes.sliced(start));
        }
    }
}

void NativeUsageReader::endLine()
{
    if (!m_lineSkipping)
        readJson(m_line);
    m_line.clear();
    m_lineSkipping = false;
}

void NativeUsageReader::feedDocument(QByteArrayView bytes)
{
    if (m_documentKind == DocumentKind::Unknown) {
        qsizetype first = 0;
        while (first < bytes.size() && isBlank(bytes[first]))
            ++first;
        if (first == bytes.size())
            return;
        m_documentKind = bytes[first] == '[' ? DocumentKind::Array : DocumentKind::Object;
        bytes = bytes.sliced(first);
    }
    if (m_documentKind == DocumentKind::Array) {
        feedArray(bytes);
        return;
    }
    if (m_documentHead.size() < 256)
        m_documentHead.append(bytes.first(std::min<qsizetype>(bytes.size(), 256 - m_documentHead.size())));
    if (m_documentOverflow)
        return;
    if (m_document.size() + bytes.size() > kMaxDocumentBytes) {
        m_documentOverflow = true;
        m_document = {};
        return;
    }
    m_document.append(bytes);
}

void NativeUsageReader::feedArray(QByteArrayView bytes)
{
    // A JSON array streamed: each element (at depth 2 and below, the array itself being depth 1) is read as soon as
    // it closes, so only the current one is held. Brackets inside strings are not structure.
    const qsizetype size = bytes.size();
    qsizetype elementStart = m_depth >= 2 ? 0 : -1;
    const auto append = [this](QByteArrayView piece) {
        if (m_lineSkipping)
            return;
        if (m_line.size() + piece.size() > kMaxEventBytes) {
            m_lineSkipping = true;
            m_line.clear();
            return;
        }
        m_line.append(piece);
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            break;
        case '{':
        case '[':
            if (++m_depth == 2)
                elementStart = i;
            break;
        case '}':
        case ']':
            if (m_depth == 2 && elementStart >= 0) {
                append(bytes.sliced(elementStart, i + 1 - elementStart));
                endLine();
                elementStart = -1;
            }
            if (m_depth > 0)
                --m_depth;
            break;
        default:
            break;
        }
    }
    if (elementStart >= 0)
        append(bytes.sliced(elementStart));
}

void NativeUsageReader::readJson(QByteArrayView json)
{
    json = json.trimmed();
    if (json.isEmpty() || !json.contains(usageMarker(m_shape)))
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (document.isObject())
        readObject(document.object());
}

void NativeUsageReader::readObject(const QJsonObject& object)
{
    if (object.contains(QLatin1String("embedding")) || object.contains(QLatin1String("embeddings")))
        m_embeddings = true;
    switch (m_shape) {
    case UsageShape::OpenAiChat:
    case UsageShape::OpenAiEmbeddings:
        readOpenAiUsage(object.value(QLatin1String("usage")).toObject());
        break;
    case UsageShape::OpenAiResponses: {
        // Whole: the response object's own usage. Streamed: response.completed, response.incomplete and
        // response.failed carry the response, whose usage is final (response.created's is null).
        const QJsonValue usage = object.value(QLatin1String("usage"));
        if (usage.isObject())
            readOpenAiUsage(usage.toObject());
        else
            readOpenAiUsage(
                object.value(QLatin1String("response")).toObject().value(QLatin1String("usage")).toObject());
        break;
    }
    case UsageShape::Anthropic:
        // message_start has message.usage (input, cache and a first output count); message_delta and a whole
        // message have usage. Each later value replaces the earlier one.
        readAnthropicUsage(object.value(QLatin1String("usage")).toObject());
        readAnthropicUsage(object.value(QLatin1String("message")).toObject().value(QLatin1String("usage")).toObject());
        break;
    case UsageShape::Gemini: {
        // Every chunk of a stream may carry usageMetadata, the counts growing; the last one seen is the total.
        const QJsonObject usage = object.value(QLatin1String("usageMetadata")).toObject();
        if (usage.isEmpty())
            break;
        m_usage.promptTokens = tokenCount(usage.value(QLatin1String("promptTokenCount")));
        m_usage.completionTokens = tokenCount(usage.value(QLatin1String("candidatesTokenCount")))
            + tokenCount(usage.value(QLatin1String("thoughtsTokenCount")));
        m_usage.reported = true;
        break;
    }
    case UsageShape::Ollama: {
        // The final line of a stream (done: true) or the whole answer; api/embed has no "done" at all.
        const QJsonValue done = object.value(QLatin1String("done"));
        if (done.isBool() && !done.toBool())
            break;
        const QJsonValue prompt = object.value(QLatin1String("prompt_eval_count"));
        const QJsonValue eval = object.value(QLatin1String("eval_count"));
        if (prompt.isUndefined() && eval.isUndefined())
            break;
        m_usage.promptTokens = tokenCount(prompt);
        m_usage.completionTokens = tokenCount(eval);
        m_usage.reported = true;
        break;
    }
    case UsageShape::None:
    case UsageShape::AnthropicCountTokens:
    case UsageShape::GeminiCountTokens:
        break;
    }
}

void NativeUsageReader::readOpenAiUsage(const QJsonObject& usage)
{
    if (usage.isEmpty())
        return;
    // Chat Completions and embeddings say prompt/completion, the Responses API input/output.
    m_usage.promptTokens
        = tokenCount(usage.contains(QLatin1String("input_tokens")) ? usage.value(QLatin1String("input_tokens"))
                                                                   : usage.value(QLatin1String("prompt_tokens")));
    m_usage.completionTokens
        = tokenCount(usage.contains(QLatin1String("output_tokens")) ? usage.value(QLatin1String("output_tokens"))
                                                                    : usage.value(QLatin1String("completion_tokens")));
    m_usage.reported = true;
}

void NativeUsageReader::readAnthropicUsage(const QJsonObject& usage)
{
    if (usage.isEmpty())
        return;
    const auto update = [&usage](QLatin1String key, qint64& into) {
        const QJsonValue value = usage.value(key);
        if (value.isDouble())
            into = tokenCount(value);
    };
    update(QLatin1String("input_tokens"), m_anthropicInput);
    update(QLatin1String("cache_creation_input_tokens"), m_anthropicCacheCreation);
    update(QLatin1String("cache_read_input_tokens"), m_anthropicCacheRead);
    update(QLatin1String("output_tokens"), m_usage.completionTokens);
    // Anthropic's input_tokens leaves out what was written to or read from the prompt cache; both are spent.
    m_usage.promptTokens = m_anthropicInput + m_anthropicCacheCreation + m_anthropicCacheRead;
    m_usage.reported = true;
}

AiUsage NativeUsageReader::result()
{
    if (!spendsTokens(m_shape))
        return {};
    if (m_usage.reported)
        return m_usage;
    const bool embeddings = m_shape == UsageShape::OpenAiEmbeddings || m_embeddings
        || (m_documentKind == DocumentKind::Object && m_documentOverflow && m_documentHead.contains("\"embedding"));
    return estimate(m_requestBytes, m_responseBytes, embeddings);
}

} // namespace gatehouse

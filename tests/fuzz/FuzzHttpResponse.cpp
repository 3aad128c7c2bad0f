// The upstream response parser (HttpParser in Response mode) on arbitrary bytes, fed in pieces, with HEAD
// responses (expectNoBody) chosen from the input and the connection closed at the end (finish(), which completes
// a body read until close). How the bytes are cut must not change what is parsed.
#include "core/gateway/HttpParser.h"
#include "tests/fuzz/FuzzInput.h"
#include "tests/fuzz/HttpFeeding.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace gatehouse::gateway;
using gatehouse::fuzz::feedPiece;
using gatehouse::fuzz::Pieces;
using gatehouse::fuzz::require;

namespace {

class Recorder : public HttpParserListener
{
public:
    Recorder(HttpParser*& parser, quint32 headMask)
        : m_parser(parser)
        , m_headMask(headMask)
    { }

    void onResponseHead(HttpResponseHead&& head) override
    {
        require(head.status >= 200 && head.status <= 599, "only final responses with a real status are delivered");
        QByteArray event = "head " + QByteArray::number(head.status) + ' ' + head.reason + ' '
            + QByteArray::number(head.versionMajor) + '.' + QByteArray::number(head.versionMinor)
            + (head.keepAlive ? " keep-alive" : " close") + (head.chunked ? " chunked " : " length ")
            + QByteArray::number(head.contentLength) + (head.noBody ? " no-body" : "");
        gatehouse::fuzz::appendFields(event, head.headers);
        events.append(event);
        m_noBody = head.noBody;
    }
    void onBody(QByteArrayView chunk) override
    {
        require(!chunk.isEmpty(), "no empty body call");
        require(!m_noBody, "no body after a response that has none");
        if (events.isEmpty() || !events.last().startsWith("body "))
            events.append("body ");
        events.last() += chunk;
    }
    void onMessageComplete() override
    {
        events.append("complete");
        ++m_completed;
        m_noBody = false;
        // The next request on the connection may have been a HEAD.
        m_parser->expectNoBody(isHead(m_completed));
    }

    bool isHead(int message) const { return message < 32 && (m_headMask >> message) & 1u; }

    QList<QByteArray> events;

private:
    HttpParser*& m_parser;
    quint32 m_headMask;
    int m_completed = 0;
    bool m_noBody = false;
};

struct Outcome
{
    QList<QByteArray> events;
    QByteArray code;
    bool finished = false;
};

Outcome run(QByteArrayView data, bool split, quint32 headMask, HttpParser::Limits limits)
{
    HttpParser* parserRef = nullptr;
    Recorder recorder(parserRef, headMask);
    HttpParser parser(HttpParser::Mode::Response, recorder, limits);
    parserRef = &parser;
    parser.expectNoBody(recorder.isHead(0));
    if (split) {
        Pieces pieces(data);
        while (!pieces.atEnd() && feedPiece(parser, pieces.next())) { }
    } else {
        feedPiece(parser, data);
    }
    Outcome outcome;
    if (!parser.hasError()) {
        if (parser.isPaused())
            parser.resume();
        outcome.finished = parser.finish();
        require(outcome.finished != parser.hasError(), "finish() fails exactly when it reports an error");
    }
    if (parser.hasError()) {
        outcome.code = parser.error().code;
        require(!outcome.code.isEmpty() && !parser.error().message.isEmpty(), "an error has a code and a message");
        require(parser.error().status == 502, "a broken response is a bad gateway");
    }
    outcome.events = recorder.events;
    // Body bytes are streamed as they arrive: before an error (a body over the limit, a bad chunk) a split feed may
    // have passed on part of the body that one whole feed refused at once. Only what precedes that part must agree.
    if (!outcome.code.isEmpty() && !outcome.events.isEmpty() && outcome.events.last().startsWith("body "))
        outcome.events.removeLast();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    Pieces options(input);
    const quint32 headMask = options.random() % 3 == 0 ? options.random() : 0;
    HttpParser::Limits limits;
    if (options.random() % 4 == 0) {
        limits.maxHeaderBytes = 64 + qsizetype(options.random() % 512);
        limits.maxBodyBytes = qint64(options.random() % 64);
    }
    const Outcome whole = run(input, false, headMask, limits);
    const Outcome split = run(input, true, headMask, limits);
    if (whole.events != split.events || whole.code != split.code) {
        gatehouse::fuzz::dumpEvents("whole", whole.events, whole.code);
        gatehouse::fuzz::dumpEvents("split", split.events, split.code);
    }
    require(whole.events == split.events, "the same events however the bytes are cut");
    require(whole.code == split.code, "the same error however the bytes are cut");
    require(whole.finished == split.finished, "the same end however the bytes are cut");
    return 0;
}

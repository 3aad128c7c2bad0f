// The client request parser (HttpParser in Request mode, with HttpLineScanner in front of llhttp) on arbitrary
// bytes, fed in pieces the way a socket delivers them. How the bytes are cut must not change what is parsed: the
// events of a split feed are compared with those of one whole feed. Every request-target delivered also goes
// through RequestPath with its invariants checked, as the gateway will do with it.
#include "core/gateway/HttpParser.h"
#include "tests/fuzz/FuzzInput.h"
#include "tests/fuzz/HttpFeeding.h"
#include "tests/fuzz/RequestPathInvariants.h"

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
    void onRequestHead(HttpRequestHead&& head) override
    {
        QByteArray event = "head " + head.method + ' ' + head.target + ' ' + QByteArray::number(head.versionMajor) + '.'
            + QByteArray::number(head.versionMinor) + (head.keepAlive ? " keep-alive" : " close")
            + (head.chunked ? " chunked " : " length ") + QByteArray::number(head.contentLength);
        gatehouse::fuzz::appendFields(event, head.headers);
        events.append(event);
        gatehouse::fuzz::checkRequestPath(head.target);
    }
    void onBody(QByteArrayView chunk) override
    {
        require(!chunk.isEmpty(), "no empty body call");
        if (events.isEmpty() || !events.last().startsWith("body "))
            events.append("body ");
        events.last() += chunk;
    }
    void onMessageComplete() override { events.append("complete"); }

    QList<QByteArray> events;
};

struct Outcome
{
    QList<QByteArray> events;
    bool failed = false;
    QByteArray code;
    int status = 0;
    bool finished = false;
};

Outcome run(QByteArrayView data, bool split, HttpParser::Limits limits)
{
    Recorder recorder;
    HttpParser parser(HttpParser::Mode::Request, recorder, limits);
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
    }
    outcome.events = recorder.events;
    outcome.failed = parser.hasError();
    if (outcome.failed) {
        outcome.code = parser.error().code;
        outcome.status = parser.error().status;
        require(!outcome.code.isEmpty() && !parser.error().message.isEmpty(), "an error has a code and a message");
        require(outcome.status >= 400 && outcome.status < 600, "an error has an error status");
    }
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
    // Small limits now and then, so that the size checks are reached by small inputs too.
    HttpParser::Limits limits;
    Pieces options(input);
    if (options.random() % 4 == 0) {
        limits.maxHeaderBytes = 64 + qsizetype(options.random() % 512);
        limits.maxBodyBytes = qint64(options.random() % 64);
    }
    const Outcome whole = run(input, false, limits);
    const Outcome split = run(input, true, limits);
    if (whole.events != split.events || whole.code != split.code) {
        gatehouse::fuzz::dumpEvents("whole", whole.events, whole.code);
        gatehouse::fuzz::dumpEvents("split", split.events, split.code);
    }
    require(whole.events == split.events, "the same events however the bytes are cut");
    require(whole.failed == split.failed && whole.code == split.code && whole.status == split.status,
        "the same error however the bytes are cut");
    require(whole.finished == split.finished, "the same end however the bytes are cut");
    return 0;
}

// The text/event-stream parser on arbitrary bytes. How the bytes are cut (between CR and LF, inside UTF-8) must not
// change the events; an event never holds a line end in its type or id, and its data only joins lines with LF.
#include "core/ai/SseParser.h"
#include "tests/fuzz/FuzzInput.h"

#include <QList>

#include <cstddef>
#include <cstdint>

using gatehouse::SseEvent;
using gatehouse::SseParser;
using gatehouse::fuzz::Pieces;
using gatehouse::fuzz::require;

namespace {

struct Outcome
{
    QList<SseEvent> events;
    bool clean = false;
    qint64 dispatched = 0;
};

Outcome run(QByteArrayView data, bool split)
{
    SseParser parser;
    Outcome outcome;
    if (split) {
        Pieces pieces(data);
        while (!pieces.atEnd())
            outcome.events += parser.feed(pieces.next());
    } else {
        outcome.events = parser.feed(data);
    }
    outcome.clean = parser.finish();
    outcome.dispatched = parser.eventsDispatched();
    return outcome;
}

bool sameEvents(const QList<SseEvent>& a, const QList<SseEvent>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].event != b[i].event || a[i].data != b[i].data || a[i].id != b[i].id)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    const Outcome whole = run(input, false);
    const Outcome split = run(input, true);
    require(sameEvents(whole.events, split.events), "the same events however the bytes are cut");
    require(whole.clean == split.clean, "the same end however the bytes are cut");
    require(whole.dispatched == whole.events.size(), "eventsDispatched() counts the events returned");
    for (const SseEvent& event : whole.events) {
        require(!event.event.contains('\n') && !event.event.contains('\r'), "no line end in an event type");
        require(!event.id.contains('\n') && !event.id.contains('\r'), "no line end in an id");
        require(!event.data.contains('\r'), "data lines are joined with LF only");
        require(event.data.size() <= input.size(), "no event is larger than the stream");
    }
    return 0;
}

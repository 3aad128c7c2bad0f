#pragma once

#include "core/gateway/HttpHeadWriter.h"
#include "core/gateway/HttpParser.h"
#include "tests/fuzz/FuzzInput.h"

#include <QByteArray>
#include <QList>

#include <cstdio>

namespace gatehouse::fuzz {

// Appends a delivered head's fields to its event, one "name: value" line each, checking what the header writer
// relies on when it forwards parsed fields without a second look (HttpHeadWriter::field(HttpHeader)).
inline void appendFields(QByteArray& event, const gateway::HttpHeaders& headers)
{
    for (const gateway::HttpHeader& header : headers) {
        require(
            gateway::HttpHeadWriter::isFieldName(header.name) && gateway::HttpHeadWriter::isFieldValue(header.value),
            "a delivered field is a token name and a value without CR, LF or NUL");
        event += '\n';
        event += header.name;
        event += ": ";
        event += header.value;
    }
}

// Feeds one piece, resuming after each complete message as the connection does once it has answered.
inline bool feedPiece(gateway::HttpParser& parser, QByteArrayView piece)
{
    qsizetype at = 0;
    while (at < piece.size()) {
        if (parser.isPaused())
            parser.resume();
        const qsizetype used = parser.feed(piece.sliced(at));
        require(used >= 0 && used <= piece.size() - at, "feed() consumes at most what it was given");
        at += used;
        if (parser.hasError()) {
            require(at == piece.size() || parser.feed(piece.sliced(at)) == 0, "a failed parser consumes nothing");
            return false;
        }
        require(used > 0 || parser.isPaused(), "feed() stops early only when paused");
    }
    return true;
}

// For a failure report: what each way of feeding produced.
inline void dumpEvents(const char* label, const QList<QByteArray>& events, const QByteArray& errorCode)
{
    std::fprintf(
        stderr, "%s: %lld events, error '%s'\n", label, static_cast<long long>(events.size()), errorCode.constData());
    for (const QByteArray& event : events)
        std::fprintf(stderr, "  %s\n", event.toPercentEncoding(" :/.-\n").constData());
}

} // namespace gatehouse::fuzz

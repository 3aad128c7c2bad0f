#pragma once

#include "core/ai/ResponseTranslator.h"
#include "core/ai/SseParser.h"
#include "tests/fuzz/FuzzInput.h"

#include <QJsonDocument>

#include <functional>
#include <memory>

namespace gatehouse::fuzz {

// Drives one streaming translator over arbitrary upstream bytes, cut into pieces, and ended by finish() or (chosen
// from the input) fail(). Whatever the upstream sent, the client must get a well-formed event stream that ends with
// exactly one "data: [DONE]", nothing after it; with `jsonEvents` every other event must be a JSON object (the
// translators write their own chunks; the OpenAI passthrough forwards the upstream's events as they are).
inline void fuzzStreamTranslator(QByteArrayView input,
    const std::function<std::unique_ptr<ResponseTranslator>(bool includeUsage)>& make, bool jsonEvents)
{
    Pieces pieces(input);
    const quint32 options = pieces.random();
    const std::unique_ptr<ResponseTranslator> translator = make(options & 1u);
    require(translator->isStreaming() && translator->clientStatus() == 200, "a stream answers 200 at once");

    QByteArray client;
    while (!pieces.atEnd())
        client += translator->feed(pieces.next());
    client += (options & 6u) == 0 ? translator->fail(QStringLiteral("connection reset")) : translator->finish();
    require(translator->feed("data: {}\n\n").isEmpty(), "nothing after the end");
    require(translator->finish().isEmpty() && translator->fail(QStringLiteral("again")).isEmpty(), "one end only");

    SseParser parser;
    const QList<SseEvent> events = parser.feed(client);
    require(parser.finish(), "the client's stream ends cleanly");
    require(!events.isEmpty() && events.last().data == "[DONE]", "the client's stream ends with [DONE]");
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        require(events[i].data != "[DONE]", "[DONE] comes once, last");
        if (jsonEvents)
            require(QJsonDocument::fromJson(events[i].data).isObject(), "every chunk is a JSON object");
    }
    require(client.endsWith("data: [DONE]\n\n"), "the client's stream ends with the [DONE] line");
    if (translator->isError())
        require(!translator->errorMessage().isEmpty(), "an error says why");
}

} // namespace gatehouse::fuzz

#pragma once

#include "core/ai/ResponseTranslator.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

namespace gatehouse::test {

// Helpers for the translator tests: feed an upstream body in chosen pieces and read the client's SSE back.
namespace TranslatorFeeding {

enum class Split { Whole, ByteByByte, Random };

// Feeds `bytes` as one piece, one byte at a time, or in random pieces of 1..17 bytes (seeded, so a failure repeats),
// then finish(). Returns everything the translator produced.
inline QByteArray feed(ResponseTranslator& translator, const QByteArray& bytes, Split split, quint32 seed = 42)
{
    QByteArray out;
    if (split == Split::Whole) {
        out += translator.feed(bytes);
    } else {
        QRandomGenerator random(seed);
        qsizetype at = 0;
        while (at < bytes.size()) {
            const qsizetype size = split == Split::ByteByByte ? 1 : qsizetype(random.bounded(1, 18));
            out += translator.feed(QByteArrayView(bytes).sliced(at, qMin(size, bytes.size() - at)));
            at += size;
        }
    }
    out += translator.finish();
    return out;
}

struct ClientStream
{
    QList<QJsonObject> chunks; // each data: event's JSON, in order
    bool done = false; // the last event was [DONE]
    bool wellFormed = true; // every event was "data: ...\n\n" and nothing followed [DONE]
};

inline ClientStream parse(const QByteArray& sse)
{
    ClientStream stream;
    const QList<QByteArray> events = sse.split('\n');
    // Events are "data: X", then an empty line; split('\n') yields X lines and empty ones alternately.
    qsizetype i = 0;
    while (i < events.size()) {
        const QByteArray& line = events[i];
        if (line.isEmpty()) {
            ++i;
            continue;
        }
        if (!line.startsWith("data: ") || i + 1 >= events.size() || !events[i + 1].isEmpty() || stream.done) {
            stream.wellFormed = false;
            return stream;
        }
        const QByteArray data = line.sliced(6);
        if (data == "[DONE]") {
            stream.done = true;
        } else {
            const QJsonDocument document = QJsonDocument::fromJson(data);
            if (!document.isObject())
                stream.wellFormed = false;
            stream.chunks.append(document.object());
        }
        i += 2;
    }
    return stream;
}

} // namespace TranslatorFeeding

} // namespace gatehouse::test

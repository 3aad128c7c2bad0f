#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace gatehouse::fuzz {

// Cuts a fuzz input into pieces, the way bytes arrive from a socket. The sizes come from a generator seeded with
// the input's own hash, so corpus files stay plain inputs (a real request head, a real SSE stream) without header
// bytes, every mutation also changes the split, and a crash replays with the same split.
class Pieces
{
public:
    explicit Pieces(QByteArrayView data)
        : m_data(data)
    {
        quint32 hash = 2166136261u; // FNV-1a
        for (const char c : data)
            hash = (hash ^ quint8(c)) * 16777619u;
        m_state = hash | 1u;
    }

    bool atEnd() const { return m_at >= m_data.size(); }

    // The next piece: mostly small (1..16 bytes, where state machines break), sometimes up to 256, sometimes all.
    QByteArrayView next()
    {
        const quint32 r = random();
        qsizetype size;
        if (r % 8 == 0)
            size = m_data.size() - m_at;
        else if (r % 8 == 1)
            size = 1 + qsizetype((r >> 8) % 256);
        else
            size = 1 + qsizetype((r >> 8) % 16);
        size = qMin(size, m_data.size() - m_at);
        const QByteArrayView piece = m_data.sliced(m_at, size);
        m_at += size;
        return piece;
    }

    // A choice derived from the input, for the options of a target (e.g. a HEAD request's response).
    quint32 random()
    {
        m_state ^= m_state << 13; // xorshift32
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

private:
    QByteArrayView m_data;
    qsizetype m_at = 0;
    quint32 m_state = 1;
};

// A broken invariant: report it and abort, which libFuzzer records as a crash with the input that caused it.
[[noreturn]] inline void fail(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool condition, const char* what)
{
    if (!condition)
        fail(what);
}

} // namespace gatehouse::fuzz

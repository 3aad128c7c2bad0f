#pragma once

#include <QtGlobal>

#include <memory>

namespace gatehouse::gateway {

// A buffer to read a socket into, one per worker thread: the bytes are parsed straight from it and
// only what the parser leaves is copied out, so a connection holds no read buffer of its own and a
// read allocates nothing. A lease taken while another is held (a parser callback that reads a
// second socket) gets a buffer of its own instead.
class ReadScratch
{
public:
    static constexpr qint64 kSize = 64 * 1024;

    ReadScratch();
    ~ReadScratch();
    ReadScratch(const ReadScratch&) = delete;
    ReadScratch& operator=(const ReadScratch&) = delete;

    char* data() const { return m_data; }

private:
    std::unique_ptr<char[]> m_own;
    char* m_data = nullptr;
    bool m_shared = false;
};

} // namespace gatehouse::gateway

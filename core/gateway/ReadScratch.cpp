#include "core/gateway/ReadScratch.h"

namespace gatehouse::gateway {

namespace {

struct ThreadScratch
{
    std::unique_ptr<char[]> bytes;
    bool leased = false;
};

thread_local ThreadScratch t_scratch;

} // namespace

ReadScratch::ReadScratch()
{
    if (!t_scratch.leased) {
        if (!t_scratch.bytes)
            t_scratch.bytes = std::make_unique_for_overwrite<char[]>(kSize);
        t_scratch.leased = true;
        m_shared = true;
        m_data = t_scratch.bytes.get();
        return;
    }
    m_own = std::make_unique_for_overwrite<char[]>(kSize);
    m_data = m_own.get();
}

ReadScratch::~ReadScratch()
{
    if (m_shared)
        t_scratch.leased = false;
}

} // namespace gatehouse::gateway

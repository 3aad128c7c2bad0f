#include "core/common/Clock.h"

namespace gatehouse {

const Clock& Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace gatehouse

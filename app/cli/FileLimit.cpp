#include "app/cli/FileLimit.h"

#include <sys/resource.h>

#include <algorithm>
#include <limits>

namespace gatehouse::cli {

qint64 FileLimit::raiseToHard()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > rlim_t(std::numeric_limits<qint64>::max()))
        return -1;
    return qint64(limit.rlim_cur);
}

int FileLimit::maxConnectionsFor(qint64 limit, int workers)
{
    const qint64 spare = limit - kReserved - kReservedPerWorker * qMax(1, workers);
    return int(std::clamp<qint64>(spare / 2, 1, std::numeric_limits<int>::max()));
}

} // namespace gatehouse::cli

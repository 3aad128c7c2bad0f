#include "core/common/Actor.h"

namespace gatehouse {

QString localActor(QStringView tool)
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? tool.toString() : tool.toString() + QLatin1Char(':') + user;
}

} // namespace gatehouse

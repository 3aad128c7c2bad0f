#include "ui/common/ConsoleServices.h"

namespace gatehouse::ui {

ConsoleServices::ConsoleServices(Catalog& catalog_, const Clock& clock_, const QString& actor)
    : catalog(catalog_)
    , clock(clock_)
    , apis(catalog_, actor)
    , consumers(catalog_, actor)
    , tokens(catalog_, actor)
    , audit(catalog_)
    , revisions(catalog_)
{ }

QString ConsoleServices::defaultActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("console") : QStringLiteral("console:") + user;
}

} // namespace gatehouse::ui

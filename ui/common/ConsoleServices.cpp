#include "ui/common/ConsoleServices.h"

#include "core/common/Actor.h"

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
    return localActor(u"console");
}

} // namespace gatehouse::ui

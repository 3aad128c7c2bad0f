#include "core/catalog/sql/CatalogLocation.h"

#include <utility>

namespace gatehouse {

CatalogLocation CatalogLocation::sqliteFile(QString filePath)
{
    CatalogLocation location;
    location.m_kind = Kind::SqliteFile;
    location.m_path = std::move(filePath);
    return location;
}

} // namespace gatehouse

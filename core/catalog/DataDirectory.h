#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gatehouse::dataDirectory {

inline constexpr char kEnvironmentVariable[] = "GATEHOUSE_DATA_DIR";

// Where the catalog lives: `explicitDir` (from --data-dir) if given, else $GATEHOUSE_DATA_DIR,
// else the XDG data location ($XDG_DATA_HOME/gatehouse, usually ~/.local/share/gatehouse).
QString locate(const QString& explicitDir);

// Locates the directory and creates it, readable by its owner only, if it does not exist.
Result<QString> prepare(const QString& explicitDir);

} // namespace gatehouse::dataDirectory

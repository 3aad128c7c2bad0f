#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gatehouse {

// Sizes as admins type them: "512", "64k", "10m", "1g", "1G", "1GB", "1GiB" (powers of 1024, case-insensitive).
Result<qint64> parseByteSize(QStringView text, QStringView field);
QString formatByteSize(qint64 bytes);

} // namespace gatehouse

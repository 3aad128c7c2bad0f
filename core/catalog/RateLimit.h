#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gatehouse {

// A request rate such as "100/s" or "600/m": a token bucket of `requests` that refills fully
// over `windowMs`. An unset limit (requests == 0) allows everything.
struct RateLimit
{
    int requests = 0;
    qint64 windowMs = 0;

    bool isSet() const { return requests > 0 && windowMs > 0; }
    QString toString() const; // "100/s", "600/m", "" when unset

    // Accepts "", "none", "N/s", "N/m", "N/h" with 1 <= N <= 1,000,000.
    static Result<RateLimit> parse(QStringView text, QStringView field = u"rate-limit");

    friend bool operator==(const RateLimit&, const RateLimit&) = default;
};

} // namespace gatehouse

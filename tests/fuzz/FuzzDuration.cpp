// Durations and expiries on arbitrary text: what parseDurationMs() accepts is within (0, 100 years] and
// formatDuration() writes it back in a form that parses to the same value; parseExpiry() never returns a time that
// is not after now.
#include "core/tokens/Duration.h"
#include "tests/fuzz/FuzzInput.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

using namespace gatehouse::tokens;
using gatehouse::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    if (const auto ms = parseDurationMs(text, u"ttl")) {
        require(*ms > 0 && *ms <= kMaxDurationMs, "a duration is above zero and at most 100 years");
        const QString formatted = formatDuration(*ms);
        const auto again = parseDurationMs(formatted, u"ttl");
        require(again.ok() && *again == *ms, "formatDuration() reads back");
    } else {
        require(!ms.error().message.isEmpty(), "a refused duration says why");
    }

    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());
    if (const auto expiry = parseExpiry(text, now, u"ttl")) {
        if (!expiry->never)
            require(expiry->at.isValid() && expiry->at > now, "an expiry is after now");
    } else {
        require(!expiry.error().message.isEmpty(), "a refused expiry says why");
    }
    return 0;
}

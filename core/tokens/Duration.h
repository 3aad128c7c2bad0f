#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace gatehouse::tokens {

inline constexpr qint64 kSecondMs = 1000;
inline constexpr qint64 kMinuteMs = 60 * kSecondMs;
inline constexpr qint64 kHourMs = 60 * kMinuteMs;
inline constexpr qint64 kDayMs = 24 * kHourMs;
inline constexpr qint64 kWeekMs = 7 * kDayMs;
// The longest duration accepted: 100 Gregorian years. Past it a TTL is "never" in disguise.
inline constexpr qint64 kMaxDurationMs = 36525 * kDayMs;

// "90s", "15m", "1h", "7d", "2w", "250ms", and compounds from the largest unit to the smallest
// ("1h30m", "1d12h"). Units are case-insensitive. Must be above zero and at most 100 years.
// Errors are Error::invalid(field, ...) quoting the text.
Result<qint64> parseDurationMs(QStringView text, QStringView field);
// The shortest text that parseDurationMs() reads back: "15m", "1h30m", "7d", "1s500ms", "0s".
// Days are the largest unit, since "14d" reads better than "2w" in a token's lifetime.
QString formatDuration(qint64 ms);

struct Expiry
{
    bool never = false;
    QDateTime at; // UTC; valid unless `never`
};

// A token's lifetime as `token create --ttl` takes it: a duration from `now` ("90d"), an absolute
// ISO 8601 time with Z or an offset ("2030-01-31T18:00:00Z", "...+02:00"), a bare date meaning
// 00:00 UTC ("2030-01-31"), or exactly "never". An absolute time must be after `now`.
Result<Expiry> parseExpiry(QStringView text, const QDateTime& now, QStringView field);

} // namespace gatehouse::tokens

#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <algorithm>

namespace gatehouse {

// The largest count read from an upstream: far above any real answer, and small enough that a handful of them add up
// without overflowing a qint64.
inline constexpr double maxTokenCount = 1e15;

// A token count as an upstream wrote it in JSON. Anything but a positive number (absent, null, a string, a negative,
// NaN) is nothing, and an absurd value is capped, so that converting it to qint64 can never overflow: a
// misbehaving or hostile upstream must not make the gateway's arithmetic undefined.
inline qint64 tokenCount(const QJsonValue& value)
{
    if (!value.isDouble())
        return 0;
    const double count = value.toDouble();
    if (!(count > 0))
        return 0;
    return qint64(std::min(count, maxTokenCount));
}

inline qint64 tokenCount(const QJsonObject& object, QLatin1String key)
{
    return tokenCount(object.value(key));
}

} // namespace gatehouse

#pragma once

#include <QDateTime>

namespace gatehouse {

// The source of "now" for everything that depends on time: expiry, "expiring soon", grace
// periods, audit times. Injected so that tests move time instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    virtual qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    // The wall clock, shared by every production object.
    static const Clock& system();
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    // The gateway asks several times a request: straight from the system clock, without a QDateTime.
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace gatehouse

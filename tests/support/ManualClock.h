#pragma once

#include "core/common/Clock.h"

namespace gatehouse::test {

// A clock that stands still until a test moves it: expiry and grace periods are tested by
// jumping days, never by sleeping.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC));

    QDateTime now() const override { return m_now; }
    void set(const QDateTime& when) { m_now = when.toUTC(); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace gatehouse::test

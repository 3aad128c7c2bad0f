#include "tests/support/ManualClock.h"

namespace gatehouse::test {

ManualClock::ManualClock(QDateTime start)
    : m_now(start.toUTC())
{ }

} // namespace gatehouse::test

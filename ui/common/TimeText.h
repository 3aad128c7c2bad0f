#pragma once

#include <QDateTime>
#include <QString>

namespace gatehouse::ui::timeText {

// "in 3 days", "5 minutes ago", "just now": how far `when` lies from `now`, in the largest
// unit that is at least 1 (minutes, hours, days, weeks up to 8, then months, then years).
QString relative(const QDateTime& when, const QDateTime& now);
// The absolute time in the user's time zone, for tooltips and details: "2026-11-29 14:05:09 CET".
QString absolute(const QDateTime& when);

} // namespace gatehouse::ui::timeText

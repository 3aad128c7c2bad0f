#include "ui/common/TimeText.h"

#include <QCoreApplication>

#include <cstdlib>

namespace gatehouse::ui::timeText {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TimeText", text);
}

// Singular and plural spelled out: English needs no plural-forms catalogue then.
QString count(qint64 n, const char* one, const char* many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

QString span(qint64 seconds)
{
    constexpr qint64 minute = 60, hour = 60 * minute, day = 24 * hour, week = 7 * day;
    if (seconds < hour)
        return count(seconds / minute, "1 minute", "%1 minutes");
    if (seconds < day)
        return count(seconds / hour, "1 hour", "%1 hours");
    if (seconds < 2 * week)
        return count(seconds / day, "1 day", "%1 days");
    if (seconds < 8 * week)
        return count(seconds / week, "1 week", "%1 weeks");
    if (seconds < 365 * day)
        return count(seconds / (30 * day), "1 month", "%1 months");
    return count(seconds / (365 * day), "1 year", "%1 years");
}

} // namespace

QString relative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = now.secsTo(when);
    if (std::llabs(seconds) < 60)
        return tr("just now");
    return seconds > 0 ? tr("in %1").arg(span(seconds)) : tr("%1 ago").arg(span(-seconds));
}

QString absolute(const QDateTime& when)
{
    if (!when.isValid())
        return {};
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace gatehouse::ui::timeText

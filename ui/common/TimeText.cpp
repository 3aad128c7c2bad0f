#include "ui/common/TimeText.h"

#include <QCoreApplication>

#include <cstdlib>

namespace gatehouse::ui::timeText {

namespace {

// Singular and plural spelled out: English needs no plural-forms catalogue then (German's two
// forms and Chinese's one fit the pair too). The spans only ever appear inside "in %1" and
// "%1 ago", so a translation may inflect them for that (German's dative: "in 3 Tagen", "vor 3 Tagen").
QString count(qint64 n, const char* one, const char* many)
{
    return n == 1 ? QCoreApplication::translate("TimeText", one) : QCoreApplication::translate("TimeText", many).arg(n);
}

QString span(qint64 seconds)
{
    constexpr qint64 minute = 60, hour = 60 * minute, day = 24 * hour, week = 7 * day;
    if (seconds < hour)
        return count(
            seconds / minute, QT_TRANSLATE_NOOP("TimeText", "1 minute"), QT_TRANSLATE_NOOP("TimeText", "%1 minutes"));
    if (seconds < day)
        return count(
            seconds / hour, QT_TRANSLATE_NOOP("TimeText", "1 hour"), QT_TRANSLATE_NOOP("TimeText", "%1 hours"));
    if (seconds < 2 * week)
        return count(seconds / day, QT_TRANSLATE_NOOP("TimeText", "1 day"), QT_TRANSLATE_NOOP("TimeText", "%1 days"));
    if (seconds < 8 * week)
        return count(
            seconds / week, QT_TRANSLATE_NOOP("TimeText", "1 week"), QT_TRANSLATE_NOOP("TimeText", "%1 weeks"));
    if (seconds < 365 * day)
        return count(
            seconds / (30 * day), QT_TRANSLATE_NOOP("TimeText", "1 month"), QT_TRANSLATE_NOOP("TimeText", "%1 months"));
    return count(
        seconds / (365 * day), QT_TRANSLATE_NOOP("TimeText", "1 year"), QT_TRANSLATE_NOOP("TimeText", "%1 years"));
}

} // namespace

QString relative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = now.secsTo(when);
    if (std::llabs(seconds) < 60)
        return QCoreApplication::translate("TimeText", "just now");
    return seconds > 0 ? QCoreApplication::translate("TimeText", "in %1").arg(span(seconds))
                       : QCoreApplication::translate("TimeText", "%1 ago").arg(span(-seconds));
}

QString absolute(const QDateTime& when)
{
    if (!when.isValid())
        return {};
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace gatehouse::ui::timeText

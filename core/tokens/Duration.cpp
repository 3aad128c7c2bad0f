#include "core/tokens/Duration.h"

#include <QDate>
#include <QTime>

#include <climits>

namespace gatehouse::tokens {

namespace {

enum class Problem { None, Malformed, Order, Zero, TooLong };

struct Parsed
{
    qint64 ms = 0;
    Problem problem = Problem::None;
};

struct Unit
{
    QLatin1StringView name;
    qint64 ms;
};

// Largest first: formatDuration() walks this order, and a compound must follow it.
constexpr Unit kUnits[] = {
    {QLatin1StringView("w"), kWeekMs},
    {QLatin1StringView("d"), kDayMs},
    {QLatin1StringView("h"), kHourMs},
    {QLatin1StringView("m"), kMinuteMs},
    {QLatin1StringView("s"), kSecondMs},
    {QLatin1StringView("ms"), 1},
};
constexpr int kUnitCount = int(std::size(kUnits));

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

Parsed parse(QStringView text)
{
    if (text.isEmpty())
        return {0, Problem::Malformed};
    constexpr qint64 kTooLong = kMaxDurationMs + 1; // saturate here so that nothing overflows
    qint64 total = 0;
    int previousUnit = -1;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype digitsStart = i;
        qint64 count = 0;
        for (; i < text.size() && isAsciiDigit(text[i]); ++i)
            count = qMin(count * 10 + (text[i].unicode() - u'0'), kTooLong);
        if (i == digitsStart)
            return {0, Problem::Malformed};
        const qsizetype unitStart = i;
        while (i < text.size() && isAsciiLetter(text[i]))
            ++i;
        const QStringView unitText = text.sliced(unitStart, i - unitStart);
        int unit = 0;
        while (unit < kUnitCount && unitText.compare(kUnits[unit].name, Qt::CaseInsensitive) != 0)
            ++unit;
        if (unit == kUnitCount)
            return {0, Problem::Malformed};
        if (unit <= previousUnit)
            return {0, Problem::Order};
        previousUnit = unit;
        const qint64 part = count > kTooLong / kUnits[unit].ms ? kTooLong : count * kUnits[unit].ms;
        total = qMin(total + part, kTooLong);
    }
    if (total > kMaxDurationMs)
        return {0, Problem::TooLong};
    if (total == 0)
        return {0, Problem::Zero};
    return {total, Problem::None};
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') % text % QLatin1Char('"');
}

// The message for every problem but Malformed, whose wording depends on what was expected.
QString explain(QStringView text, Problem problem)
{
    switch (problem) {
    case Problem::Order:
        return quoted(text) % QLatin1StringView(" is not a duration: write each unit once, largest first (e.g. 1h30m)");
    case Problem::Zero:
        return quoted(text) % QLatin1StringView(" is not a duration: it must be longer than zero");
    case Problem::TooLong:
        return quoted(text) % QLatin1StringView(" is too long: the longest duration is 100 years");
    case Problem::Malformed:
    case Problem::None:
        break;
    }
    return quoted(text) % QLatin1StringView(" is not a duration (use 15m, 1h, 7d or 90d)");
}

bool looksAbsolute(QStringView text)
{
    // Every absolute form starts with YYYY-; no duration does.
    if (text.size() < 5 || text[4] != u'-')
        return false;
    for (qsizetype i = 0; i < 4; ++i) {
        if (!isAsciiDigit(text[i]))
            return false;
    }
    return true;
}

Result<QDateTime> parseAbsolute(QStringView text, QStringView field)
{
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text.toString(), Qt::ISODate);
        if (!date.isValid())
            return Error::invalid(
                field.toString(), quoted(text) % QLatin1StringView(" is not a date (use YYYY-MM-DD)"));
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    const QDateTime at = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return Error::invalid(
            field.toString(), quoted(text) % QLatin1StringView(" is not an ISO 8601 time (e.g. 2030-01-31T18:00:00Z)"));
    // Without a zone the time would silently mean this machine's local time; a token's expiry
    // must mean the same instant wherever the gateway runs.
    if (at.timeSpec() == Qt::LocalTime)
        return Error::invalid(
            field.toString(), quoted(text) % QLatin1StringView(" has no time zone: add Z or an offset such as +02:00"));
    return at.toUTC();
}

} // namespace

Result<qint64> parseDurationMs(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("a duration is required (use 15m, 1h, 7d or 90d)"));
    const Parsed parsed = parse(trimmed);
    if (parsed.problem != Problem::None)
        return Error::invalid(field.toString(), explain(trimmed, parsed.problem));
    return parsed.ms;
}

QString formatDuration(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    if (ms < 0)
        return QLatin1Char('-') % formatDuration(ms == LLONG_MIN ? LLONG_MAX : -ms);
    QString text;
    // Weeks are skipped on purpose: "14d" is how people state a token's lifetime.
    for (const Unit& unit : kUnits) {
        if (unit.ms == kWeekMs || ms < unit.ms)
            continue;
        text += QString::number(ms / unit.ms) % unit.name;
        ms %= unit.ms;
    }
    return text;
}

Result<Expiry> parseExpiry(QStringView text, const QDateTime& now, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    const QString ttlHelp = QStringLiteral(
        "use a duration like 90d, a date like 2030-01-31, an ISO time like 2030-01-31T18:00:00Z, or never");
    if (trimmed.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("an expiry is required: ") % ttlHelp);
    // Case-sensitive on purpose: a token that never expires must be asked for in so many words.
    if (trimmed == u"never")
        return Expiry {true, QDateTime()};

    if (looksAbsolute(trimmed)) {
        auto at = parseAbsolute(trimmed, field);
        if (!at)
            return at.error();
        if (*at <= now)
            return Error::invalid(
                field.toString(), quoted(trimmed) % QLatin1StringView(" is in the past: an expiry must be after now"));
        return Expiry {false, *at};
    }

    const Parsed parsed = parse(trimmed);
    if (parsed.problem == Problem::Malformed)
        return Error::invalid(
            field.toString(), quoted(trimmed) % QLatin1StringView(" is not a TTL (") % ttlHelp % QLatin1Char(')'));
    if (parsed.problem != Problem::None)
        return Error::invalid(field.toString(), explain(trimmed, parsed.problem));
    return Expiry {false, now.toUTC().addMSecs(parsed.ms)};
}

} // namespace gatehouse::tokens

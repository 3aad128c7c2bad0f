#include "core/catalog/RateLimit.h"

namespace gatehouse {

QString RateLimit::toString() const
{
    if (!isSet())
        return QStringLiteral(""); // empty but not null: the column is NOT NULL
    const QString count = QString::number(requests);
    if (windowMs == 1000)
        return count + QStringLiteral("/s");
    if (windowMs == 60'000)
        return count + QStringLiteral("/m");
    return count + QStringLiteral("/h");
}

Result<RateLimit> RateLimit::parse(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == u"none")
        return RateLimit {};
    const qsizetype slash = trimmed.indexOf(u'/');
    auto invalid = [&] {
        return Error::invalid(
            field.toString(), QStringLiteral("\"%1\" is not a rate (use 100/s, 600/m or 1000/h)").arg(trimmed));
    };
    if (slash <= 0)
        return invalid();
    bool ok = false;
    const int requests = trimmed.left(slash).toInt(&ok);
    if (!ok || requests < 1 || requests > 1'000'000)
        return invalid();
    const QStringView unit = trimmed.mid(slash + 1);
    qint64 windowMs = 0;
    if (unit == u"s")
        windowMs = 1000;
    else if (unit == u"m")
        windowMs = 60'000;
    else if (unit == u"h")
        windowMs = 3'600'000;
    else
        return invalid();
    return RateLimit {requests, windowMs};
}

} // namespace gatehouse

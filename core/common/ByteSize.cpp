#include "core/common/ByteSize.h"

namespace gatehouse {

Result<qint64> parseByteSize(QStringView text, QStringView field)
{
    QStringView number = text.trimmed();
    qint64 unit = 1;
    // "1GiB", "1GB" and "1G" all mean 2^30 bytes: admins type all three, and nobody means 10^9 for a file's cap.
    auto isUnit = [](QChar c) { return c.toLower() == u'k' || c.toLower() == u'm' || c.toLower() == u'g'; };
    if (number.size() > 1 && number.back().toLower() == u'b') {
        number.chop(1); // "512B", "1GB"
        if (number.size() > 2 && number.back().toLower() == u'i' && isUnit(number.at(number.size() - 2)))
            number.chop(1); // "1GiB"
    }
    if (!number.isEmpty()) {
        switch (number.back().toLower().unicode()) {
        case u'k':
            unit = 1024;
            break;
        case u'm':
            unit = 1024 * 1024;
            break;
        case u'g':
            unit = 1024LL * 1024 * 1024;
            break;
        default:
            break;
        }
        if (unit != 1)
            number.chop(1);
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok || value < 0 || value > (qint64(1) << 42) / unit)
        return Error::invalid(
            field.toString(), QStringLiteral("\"%1\" is not a size (use 512, 64k, 10m, 1g or 1GiB)").arg(text));
    return value * unit;
}

QString formatByteSize(qint64 bytes)
{
    if (bytes > 0 && bytes % (1024LL * 1024 * 1024) == 0)
        return QString::number(bytes / (1024LL * 1024 * 1024)) + u'g';
    if (bytes > 0 && bytes % (1024 * 1024) == 0)
        return QString::number(bytes / (1024 * 1024)) + u'm';
    if (bytes > 0 && bytes % 1024 == 0)
        return QString::number(bytes / 1024) + u'k';
    return QString::number(bytes);
}

} // namespace gatehouse

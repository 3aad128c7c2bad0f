#include "core/common/ByteSize.h"

namespace gatehouse {

Result<qint64> parseByteSize(QStringView text, QStringView field)
{
    QStringView number = text.trimmed();
    qint64 unit = 1;
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
            field.toString(), QStringLiteral("\"%1\" is not a size (use 512, 64k, 10m or 1g)").arg(text));
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

#include "core/catalog/Validation.h"

#include <QRegularExpression>

namespace gatehouse::validation {

namespace {

bool isUnreservedPathChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.'
        || u == '_' || u == '~';
}

} // namespace

Result<QString> name(QStringView text, QStringView field)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    if (text.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("is required"));
    if (!pattern.match(text.toString()).hasMatch()) {
        return Error::invalid(field.toString(),
            QStringLiteral("\"%1\" is not a valid name: use 1 to 63 lowercase letters, digits and "
                           "'-', starting with a letter or digit")
                .arg(text));
    }
    return text.toString();
}

Result<QUrl> upstreamUrl(QStringView text, QStringView field)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("is required"));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Error::invalid(
            field.toString(), QStringLiteral("\"%1\" is not a valid URL: %2").arg(trimmed, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))
        return Error::invalid(field.toString(), QStringLiteral("\"%1\" must be an http or https URL").arg(trimmed));
    if (url.host().isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("\"%1\" has no host").arg(trimmed));
    if (!url.userInfo().isEmpty()) {
        return Error::invalid(
            field.toString(), QStringLiteral("must not contain credentials: they would be stored in plain text"));
    }
    if (url.hasQuery() || url.hasFragment())
        return Error::invalid(field.toString(), QStringLiteral("must not have a query or a fragment"));
    QUrl normalised = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    normalised.setScheme(scheme);
    normalised.setHost(url.host().toLower());
    if (normalised.path() == QLatin1StringView("/"))
        normalised.setPath(QString());
    return normalised;
}

Result<QString> pathPrefix(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == u"/")
        return QStringLiteral("/");
    if (trimmed.size() > 200)
        return Error::invalid(field.toString(), QStringLiteral("is longer than 200 characters"));
    QString normalised;
    const auto segments = trimmed.split(u'/', Qt::SkipEmptyParts);
    for (QStringView segment : segments) {
        if (segment == u"." || segment == u"..")
            return Error::invalid(field.toString(), QStringLiteral("must not contain \".\" or \"..\" segments"));
        for (QChar c : segment) {
            if (!isUnreservedPathChar(c)) {
                return Error::invalid(field.toString(),
                    QStringLiteral("\"%1\" contains '%2': use letters, digits, '-', '.', '_', '~' "
                                   "and '/'")
                        .arg(trimmed, c));
            }
        }
        normalised += u'/' + segment;
    }
    return normalised.isEmpty() ? QStringLiteral("/") : normalised;
}

Result<QString> label(QStringView text, QStringView field, qsizetype maxLength)
{
    // Never null: an empty label is stored as '' in NOT NULL columns.
    QString trimmed = text.trimmed().toString();
    if (trimmed.isNull())
        trimmed = QStringLiteral("");
    if (trimmed.size() > maxLength)
        return Error::invalid(field.toString(), QStringLiteral("is longer than %1 characters").arg(maxLength));
    for (QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return Error::invalid(field.toString(), QStringLiteral("must not contain control characters"));
    }
    return trimmed;
}

Result<QString> modelId(QStringView text, QStringView field)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return Error::invalid(field.toString(), QStringLiteral("a model id must not be empty"));
    if (trimmed.size() > 200)
        return Error::invalid(field.toString(), QStringLiteral("a model id is at most 200 characters long"));
    for (QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return Error::invalid(field.toString(),
                QStringLiteral("\"%1\" is not a model id: no spaces or control characters").arg(trimmed));
    }
    return trimmed;
}

} // namespace gatehouse::validation

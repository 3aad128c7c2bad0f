#include "core/ai/ImageUrl.h"

namespace gatehouse {

ImageUrl ImageUrl::parse(const QString& url, QString* error)
{
    ImageUrl image;
    error->clear();
    if (url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
        // data:[<media type>][;base64],<data>
        const qsizetype comma = url.indexOf(u',');
        if (comma < 0) {
            *error = QStringLiteral("is a data: URL without a comma");
            return image;
        }
        const QString meta = url.mid(5, comma - 5);
        if (!meta.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)) {
            *error = QStringLiteral("must be a base64 data: URL (data:image/png;base64,...)");
            return image;
        }
        image.isInline = true;
        image.mediaType = meta.first(meta.size() - 7).toLower();
        if (image.mediaType.isEmpty()) {
            *error = QStringLiteral("must name the image's media type (data:image/png;base64,...)");
            return image;
        }
        image.data = url.mid(comma + 1);
        return image;
    }
    if (!url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        && !url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("must be an http(s) URL or a base64 data: URL");
        return image;
    }
    image.url = url;
    QString path = url.section(u'?', 0, 0).section(u'#', 0, 0).toLower();
    if (path.endsWith(QLatin1String(".png")))
        image.mediaType = QStringLiteral("image/png");
    else if (path.endsWith(QLatin1String(".jpg")) || path.endsWith(QLatin1String(".jpeg")))
        image.mediaType = QStringLiteral("image/jpeg");
    else if (path.endsWith(QLatin1String(".gif")))
        image.mediaType = QStringLiteral("image/gif");
    else if (path.endsWith(QLatin1String(".webp")))
        image.mediaType = QStringLiteral("image/webp");
    return image;
}

} // namespace gatehouse

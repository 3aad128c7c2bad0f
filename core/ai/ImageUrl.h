#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse {

// The image of an OpenAI image_url content part: either inline (a data: URL, "data:image/png;base64,....") or a
// link (http or https). Anthropic and Gemini want the two in different shapes, so both adapters start here.
struct ImageUrl
{
    bool isInline = false;
    QString mediaType; // image/png; for links guessed from the extension, empty when it says nothing
    QString data; // base64, as the data: URL carried it (not decoded: both providers want base64 again)
    QString url;

    // Empty error string on success.
    static ImageUrl parse(const QString& url, QString* error);
};

} // namespace gatehouse

#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QUrl>

namespace gatehouse::validation {

// Names of APIs, consumers and providers: [a-z0-9][a-z0-9-]{0,62}. They appear in scopes and
// URLs, so they are kept to characters that need no quoting anywhere.
Result<QString> name(QStringView text, QStringView field = u"name");

// An upstream base URL: absolute http or https with a host, no credentials, query or fragment.
Result<QUrl> upstreamUrl(QStringView text, QStringView field = u"upstream");

// A path prefix, normalised: one leading '/', no trailing '/', no empty, "." or ".." segments,
// only unreserved path characters. "" and "/" both mean the root.
Result<QString> pathPrefix(QStringView text, QStringView field = u"prefix");

// A free-text label (token name, consumer description): printable, at most `maxLength` characters.
Result<QString> label(QStringView text, QStringView field, qsizetype maxLength);

// A provider's model id as the provider spells it ("gpt-4o", "claude-sonnet-4-5", "llama3.1:8b",
// "meta-llama/Llama-3.1-8B"): 1 to 200 printable characters, no whitespace.
Result<QString> modelId(QStringView text, QStringView field = u"model");

} // namespace gatehouse::validation

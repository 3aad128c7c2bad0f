#include "core/gateway/RequestPath.h"

#include "core/common/AsciiTable.h"

#include <QStringBuilder>

#include <array>

namespace gatehouse::gateway {

namespace {

// What a raw byte of the target means to the scanner. Plain bytes are copied as they are.
enum ByteClass : quint8 { Plain, Slash, Dot, Percent, Backslash, Question, Hash, Control, NonAscii };

constexpr std::array<quint8, 256> makeByteClasses()
{
    std::array<quint8, 256> table {};
    for (int c = 0; c < 0x20; ++c)
        table[size_t(c)] = Control;
    table[size_t(' ')] = Control; // a space would end the request-target on the request line
    table[0x7F] = Control;
    for (int c = 0x80; c < 0x100; ++c)
        table[size_t(c)] = NonAscii;
    table[size_t('/')] = Slash;
    table[size_t('.')] = Dot;
    table[size_t('%')] = Percent;
    table[size_t('\\')] = Backslash;
    table[size_t('?')] = Question;
    table[size_t('#')] = Hash;
    return table;
}
constexpr std::array<quint8, 256> kByteClass = makeByteClasses();

// RFC 3986 2.3: an escape of one of these means the same as the character itself, so it is decoded.
constexpr std::array<bool, 256> kUnreserved = asciiAlphanumericsAnd("-._~");

constexpr char kUpperHex[] = "0123456789ABCDEF";

using Error = RequestPath::Error;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The error for a byte that is refused wherever it stands (the path's own refusals aside).
Error errorForByte(quint8 byteClass)
{
    switch (byteClass) {
    case Hash:
        return Error::Fragment;
    case Control:
        return Error::ControlCharacter;
    case NonAscii:
        return Error::NonAscii;
    default:
        return Error::None;
    }
}

// The query is not decoded or rewritten: only the bytes that no request-target may hold are refused.
Error checkQuery(QByteArrayView query)
{
    for (const char c : query) {
        const Error error = errorForByte(kByteClass[static_cast<uchar>(c)]);
        if (error != Error::None)
            return error;
    }
    return Error::None;
}

enum class DotSegment { No, Current, Parent, WithParameters };

// `segment` is decoded already, so "%2e%2e" arrived here as "..". A ';' after the dots starts path parameters
// ("..;x"), which Tomcat-style servers strip before resolving the dots; its escape (%3B, upper-case by now) is
// refused alike, for servers that decode first and strip afterwards.
DotSegment classifyDotSegment(QByteArrayView segment)
{
    qsizetype dots = 0;
    while (dots < segment.size() && dots < 2 && segment[dots] == '.')
        ++dots;
    if (dots == 0)
        return DotSegment::No;
    const QByteArrayView rest = segment.sliced(dots);
    if (rest.isEmpty())
        return dots == 1 ? DotSegment::Current : DotSegment::Parent;
    if (rest.startsWith(';') || rest.startsWith(QByteArrayView("%3B")))
        return DotSegment::WithParameters;
    return DotSegment::No;
}

RequestPath::Result failure(Error error)
{
    return RequestPath::Result {error, {}};
}

// The slow path: rewrites `path` from `from` (the index of a '/'; everything before it is already normal, made
// of non-empty segments without '%' or a leading '.') into `out`, one segment at a time.
Error normalizePath(QByteArrayView path, qsizetype from, QByteArray& out)
{
    out.reserve(path.size()); // decoding, merging and removing only ever shorten it
    out.append(path.first(from));
    const char* p = path.data();
    const qsizetype n = path.size();
    bool endsInDirectory = false; // the last segment was ".", ".." or empty: the output keeps a trailing '/'
    qsizetype i = from;
    while (i < n) {
        while (i < n && p[i] == '/')
            ++i;
        if (i == n) {
            endsInDirectory = true;
            break;
        }
        out.append('/');
        const qsizetype segmentStart = out.size();
        for (; i < n && p[i] != '/'; ++i) {
            const quint8 byteClass = kByteClass[static_cast<uchar>(p[i])];
            if (byteClass == Plain || byteClass == Dot) {
                out.append(p[i]);
                continue;
            }
            if (byteClass == Backslash)
                return Error::Backslash;
            if (byteClass != Percent)
                return errorForByte(byteClass);
            if (i + 2 >= n)
                return Error::BadPercentEncoding;
            const int high = hexValue(p[i + 1]);
            const int low = hexValue(p[i + 2]);
            if (high < 0 || low < 0)
                return Error::BadPercentEncoding;
            const int value = high * 16 + low;
            if (value == '/')
                return Error::EncodedSlash;
            if (value == '\\')
                return Error::EncodedBackslash;
            if (value < 0x20 || value == 0x7F)
                return Error::ControlCharacter;
            if (kUnreserved[size_t(value)]) {
                out.append(char(value));
            } else {
                out.append('%');
                out.append(kUpperHex[high]);
                out.append(kUpperHex[low]);
            }
            i += 2;
        }
        switch (classifyDotSegment(QByteArrayView(out).sliced(segmentStart))) {
        case DotSegment::No:
            endsInDirectory = false;
            break;
        case DotSegment::Current:
            out.truncate(segmentStart - 1);
            endsInDirectory = true;
            break;
        case DotSegment::Parent:
            if (segmentStart == 1) // nothing but "/" before it
                return Error::ClimbsAboveRoot;
            out.truncate(segmentStart - 1);
            out.truncate(out.lastIndexOf('/'));
            endsInDirectory = true;
            break;
        case DotSegment::WithParameters:
            return Error::DotSegmentWithParameters;
        }
    }
    if (out.isEmpty() || endsInDirectory)
        out.append('/');
    return Error::None;
}

} // namespace

QByteArray NormalizedTarget::target() const
{
    if (!hasQuery)
        return path;
    return path % '?' % query;
}

RequestPath::Result RequestPath::normalize(QByteArrayView requestTarget)
{
    return normalize(requestTarget, nullptr);
}

RequestPath::Result RequestPath::normalizeShared(const QByteArray& requestTarget)
{
    return normalize(requestTarget, &requestTarget);
}

RequestPath::Result RequestPath::normalize(QByteArrayView requestTarget, const QByteArray* shared)
{
    if (requestTarget.size() > kMaxTargetBytes)
        return failure(Error::TooLong);
    // Origin-form: absolute-form ("http://host/"), authority-form ("host:443") and asterisk-form ("*") all start
    // with something else, and are no business of a reverse proxy.
    if (requestTarget.isEmpty() || requestTarget.front() != '/')
        return failure(Error::NotOriginForm);

    const qsizetype questionMark = requestTarget.indexOf('?');
    const QByteArrayView path = questionMark < 0 ? requestTarget : requestTarget.first(questionMark);
    const QByteArrayView query = questionMark < 0 ? QByteArrayView() : requestTarget.sliced(questionMark + 1);

    // The fast path: scan for the first byte that needs work. Until then the path is already normal.
    const char* p = path.data();
    const qsizetype n = path.size();
    qsizetype segmentStart = 0;
    qsizetype slowFrom = -1;
    for (qsizetype i = 0; i < n && slowFrom < 0; ++i) {
        const quint8 byteClass = kByteClass[static_cast<uchar>(p[i])];
        switch (byteClass) {
        case Plain:
        case Dot:
            break;
        case Slash:
            segmentStart = i;
            // "//" to merge, or a segment starting with '.' that may be a dot segment.
            if (i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '.'))
                slowFrom = i;
            break;
        case Percent:
            slowFrom = segmentStart;
            break;
        case Backslash:
            return failure(Error::Backslash);
        default:
            return failure(errorForByte(byteClass));
        }
    }

    Result result;
    if (slowFrom < 0) {
        result.target.path = shared && questionMark < 0 ? *shared : path.toByteArray();
    } else {
        const Error error = normalizePath(path, slowFrom, result.target.path);
        if (error != Error::None)
            return failure(error);
    }
    if (questionMark >= 0) {
        const Error error = checkQuery(query);
        if (error != Error::None)
            return failure(error);
        result.target.query = query.toByteArray();
        result.target.hasQuery = true;
    }
    return result;
}

QString RequestPath::describe(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("The request target is valid.");
    case Error::NotOriginForm:
        return QStringLiteral("The request target must be a path starting with '/'.");
    case Error::BadPercentEncoding:
        return QStringLiteral("The request path has a '%' that is not followed by two hexadecimal digits.");
    case Error::EncodedSlash:
        return QStringLiteral("The request path must not contain an encoded slash (%2F).");
    case Error::EncodedBackslash:
        return QStringLiteral("The request path must not contain an encoded backslash (%5C).");
    case Error::Backslash:
        return QStringLiteral("The request path must not contain a backslash.");
    case Error::DotSegmentWithParameters:
        return QStringLiteral("The request path must not contain a '.' or '..' segment with parameters (';').");
    case Error::ControlCharacter:
        return QStringLiteral("The request target must not contain control characters or spaces, raw or encoded.");
    case Error::NonAscii:
        return QStringLiteral("The request target must not contain bytes outside ASCII; percent-encode them.");
    case Error::Fragment:
        return QStringLiteral("The request target must not contain a fragment ('#').");
    case Error::ClimbsAboveRoot:
        return QStringLiteral("The request path must not use '..' to climb above the root.");
    case Error::TooLong:
        return QStringLiteral("The request target is longer than %1 bytes.").arg(kMaxTargetBytes);
    }
    return QStringLiteral("The request target is invalid.");
}

} // namespace gatehouse::gateway

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace gatehouse::gateway {

// A request-target after RequestPath::normalize(): what the gateway routes, authorizes, logs and forwards.
struct NormalizedTarget
{
    QByteArray path; // normalised, starts with '/'
    QByteArray query; // the raw query after '?', validated but unchanged ("" when none)
    bool hasQuery = false; // "/a?" keeps its empty query, so the upstream sees the same target

    // The path, plus '?' and the query when there was one.
    QByteArray target() const;
    // Whether target() would be `raw` byte for byte (the usual case: the caller keeps the raw bytes, no copy).
    bool sameAs(QByteArrayView raw) const
    {
        const qsizetype size = path.size() + (hasQuery ? 1 + query.size() : 0);
        return size == raw.size() && raw.startsWith(path)
            && (!hasQuery || (raw[path.size()] == '?' && raw.sliced(path.size() + 1) == query));
    }

    friend bool operator==(const NormalizedTarget&, const NormalizedTarget&) = default;
};

// Normalises the request-target of a client request before anything looks at it, so that the gateway and the
// upstream agree on which resource is asked for. Without it "/public/../admin/secret" is routed and authorized
// as /public/... and then served as /admin/secret by an upstream that resolves dot segments itself.
//
// What it does (Envoy's normalize_path, merge_slashes and path_with_escaped_slashes_action: REJECT_REQUEST):
// - origin-form only ("/path?query"); absolute-form, authority-form and "*" are refused;
// - in the path, percent-encoded unreserved characters (RFC 3986 2.3) are decoded and every other
//   percent-encoding is written with upper-case hex (6.2.2.1);
// - repeated slashes are merged and dot segments removed (5.2.4), after decoding, so "%2e%2e" is "..";
//   a trailing slash is kept ("/a/b/.." is "/a/");
// - the query is passed through unchanged.
// It refuses, rather than guesses, whatever two parsers could read differently: an encoded slash or backslash,
// a raw backslash, a malformed or control-character escape, ".." above the root (never clamped: "/../admin" is
// an attack, not a typo), "." or ".." with path parameters ("..;/", which Tomcat-style upstreams resolve), and
// anywhere in the target control characters, space, bytes above 0x7E and a fragment ('#').
//
// It runs on every request: one pass over the bytes, no allocation beyond the result, and a target that is
// already normal (no '%', no "//", no "/.") is only scanned and copied.
class RequestPath
{
public:
    enum class Error {
        None,
        NotOriginForm,
        BadPercentEncoding,
        EncodedSlash,
        EncodedBackslash,
        Backslash,
        DotSegmentWithParameters,
        ControlCharacter,
        NonAscii,
        Fragment,
        ClimbsAboveRoot,
        TooLong,
    };

    struct Result
    {
        Error error = Error::None;
        NormalizedTarget target; // empty unless ok()
        bool ok() const { return error == Error::None; }

        friend bool operator==(const Result&, const Result&) = default;
    };

    // Longer targets are refused (TooLong); the head's own size cap applies before this one.
    static constexpr qsizetype kMaxTargetBytes = 8 * 1024;

    static Result normalize(QByteArrayView requestTarget);
    // The same for a target held in a QByteArray: a path that is already normal and has no query (the usual
    // request) is shared with it rather than copied.
    static Result normalizeShared(const QByteArray& requestTarget);
    // One English sentence for the 400 response's error_description.
    static QString describe(Error error);

private:
    // `shared`: the QByteArray that `requestTarget` views, if any.
    static Result normalize(QByteArrayView requestTarget, const QByteArray* shared);
};

} // namespace gatehouse::gateway

#include "core/gateway/RequestPath.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace gatehouse::gateway;
using Error = RequestPath::Error;

namespace {

// The bytes of an attacker's path: everything that normalisation treats specially, and a few plain neighbours.
const char* const kPieces[] = {
    "/",
    "//",
    ".",
    "..",
    "./",
    "../",
    "%2e",
    "%2E",
    "%2e%2e",
    ".%2e",
    "a",
    "b",
    "~",
    "%7e",
    "%7E",
    "%41",
    "%3a",
    "%3A",
    "%25",
    "%252e",
    "%20",
    "%c3%a9",
    ";",
    ";x",
    "%3b",
    "=",
    "?",
    "?x=/../y",
    "&",
    "-",
    "_",
    ":",
    "@",
};

QByteArray randomTarget(QRandomGenerator& random)
{
    QByteArray target("/");
    const int pieces = random.bounded(1, 12);
    for (int i = 0; i < pieces; ++i)
        target += kPieces[random.bounded(int(std::size(kPieces)))];
    return target;
}

void verifyNormalForm(const NormalizedTarget& normalized)
{
    const QByteArray& path = normalized.path;
    QVERIFY2(path.startsWith('/'), path.constData());
    QVERIFY2(!path.contains("//"), path.constData());
    QVERIFY2(!path.contains("/./"), path.constData());
    QVERIFY2(!path.contains("/../"), path.constData());
    QVERIFY2(!path.endsWith("/.") && !path.endsWith("/.."), path.constData());
    QVERIFY2(!path.contains('\\'), path.constData());
    QVERIFY2(!path.toUpper().contains("%2F"), path.constData());
    QVERIFY2(!path.contains('?'), path.constData());
}

} // namespace

class TestRequestPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizes_data();
    void normalizes();
    void rejects_data();
    void rejects();
    void capsTheLength();
    void targetJoinsPathAndQuery();
    void describesEveryError();
    void isIdempotentAndLeavesNoDotSegments();
    void mergingALeadingSlashChangesNothing();
};

void TestRequestPath::normalizes_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("hasQuery");

    auto row = [](const char* name, QByteArray target, QByteArray path, QByteArray query = {}, bool hasQuery = false) {
        QTest::newRow(name) << target << path << query << hasQuery;
    };
    // Already normal: the fast path.
    row("root", "/", "/");
    row("plain", "/api/users", "/api/users");
    row("trailing slash kept", "/a/b/", "/a/b/");
    row("dot inside names", "/v1.2/file.tar.gz", "/v1.2/file.tar.gz");
    row("sub-delims and colon", "/a:b@c!$&'()*+,;=", "/a:b@c!$&'()*+,;=");
    row("path parameters on a name", "/a;b/c", "/a;b/c");

    // Dot segments.
    row("parent climbs back", "/public/../admin/secret", "/admin/secret");
    row("encoded parent", "/public/%2e%2e/admin/secret", "/admin/secret");
    row("encoded parent upper", "/public/%2E%2E/admin/secret", "/admin/secret");
    row("half encoded parent", "/public/.%2e/admin/secret", "/admin/secret");
    row("current", "/api/./admin/users", "/api/admin/users");
    row("encoded current", "/api/%2e/admin", "/api/admin");
    row("parent at the end keeps a slash", "/a/b/..", "/a/");
    row("current at the end keeps a slash", "/a/b/.", "/a/b/");
    row("parent to the root", "/a/..", "/");
    row("encoded parent to the root", "/a/%2e%2e", "/");
    row("current at the root", "/.", "/");
    row("current then parent", "/a/./../b", "/b");
    row("two parents", "/a/b/c/../../d", "/a/d");
    row("parent after merged slashes", "/a//b//..//c", "/a/c");
    row("three dots is a name", "/a/...", "/a/...");
    row("dots before a name", "/a/..b", "/a/..b");
    row("dots after a name", "/a/b..", "/a/b..");
    row("dot file", "/.well-known/acme", "/.well-known/acme");
    row("dot then semicolon escaped differently", "/a/.%3Dx", "/a/.%3Dx");

    // Slashes.
    row("double slash", "/api//admin/users", "/api/admin/users");
    row("leading double slash", "//api/admin", "/api/admin");
    row("many slashes", "///a////b///", "/a/b/");
    row("only slashes", "////", "/");

    // Percent-encoding.
    row("encoded tilde", "/%7Euser", "/~user");
    row("encoded tilde lower", "/%7euser", "/~user");
    row("reserved kept upper-cased", "/a%3ab", "/a%3Ab");
    row("unreserved decoded", "/%41%62%2D%5F%2E%39", "/Ab-_.9");
    row("percent stays encoded", "/a%25b", "/a%25b");
    row("double encoding decoded once", "/%252e%252e/admin", "/%252e%252e/admin");
    row("encoded space kept", "/a%20b", "/a%20b");
    row("encoded UTF-8 kept upper-cased", "/caf%c3%a9", "/caf%C3%A9");
    row("encoded question mark kept", "/a%3fb", "/a%3Fb");
    row("encoded fragment kept", "/a%23b", "/a%23b");

    // Queries are kept raw.
    row("query raw", "/a?x=/../y", "/a", "x=/../y", true);
    row("query after normalised path", "/a/../b?c=%2f&d=%7e", "/b", "c=%2f&d=%7e", true);
    row("empty query kept", "/a?", "/a", "", true);
    row("question mark in query", "/a?b?c", "/a", "b?c", true);
    row("backslash in query", "/a?x=\\", "/a", "x=\\", true);
    row("bad escape in query untouched", "/a?x=%zz%", "/a", "x=%zz%", true);
    row("query after fast path", "/api/users?limit=10", "/api/users", "limit=10", true);
}

void TestRequestPath::normalizes()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(bool, hasQuery);

    const RequestPath::Result result = RequestPath::normalize(target);
    QCOMPARE(result.error, Error::None);
    QVERIFY(result.ok());
    QCOMPARE(result.target.path, path);
    QCOMPARE(result.target.query, query);
    QCOMPARE(result.target.hasQuery, hasQuery);
}

void TestRequestPath::rejects_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<Error>("error");

    auto row = [](const char* name, QByteArray target, Error error) { QTest::newRow(name) << target << error; };
    // Not origin-form.
    row("empty", "", Error::NotOriginForm);
    row("absolute-form", "http://x/", Error::NotOriginForm);
    row("authority-form", "example.com:443", Error::NotOriginForm);
    row("asterisk-form", "*", Error::NotOriginForm);
    row("query only", "?x=1", Error::NotOriginForm);
    row("relative", "a/b", Error::NotOriginForm);
    row("leading backslash", "\\a", Error::NotOriginForm);

    // Encoded separators: the upstream could decode them into path structure the gateway never saw.
    row("encoded slash", "/public/..%2fadmin/secret", Error::EncodedSlash);
    row("encoded slash upper", "/public/..%2Fadmin/secret", Error::EncodedSlash);
    row("encoded slash in a name", "/a%2fb", Error::EncodedSlash);
    row("all encoded", "/%2e%2e%2fadmin", Error::EncodedSlash);
    row("encoded backslash", "/public/..%5cadmin", Error::EncodedBackslash);
    row("encoded backslash upper", "/public/..%5Cadmin", Error::EncodedBackslash);

    // Backslashes: some servers read them as slashes.
    row("backslash after dots", "/public/..\\admin/secret", Error::Backslash);
    row("backslash in fast path", "/public\\admin", Error::Backslash);
    row("backslash after an escape", "/%41\\b", Error::Backslash);

    // Dot segments with parameters (Tomcat resolves "..;" as "..").
    row("parent with parameters", "/public/..;/admin/secret", Error::DotSegmentWithParameters);
    row("parent with named parameters", "/public/..;x=y/admin", Error::DotSegmentWithParameters);
    row("current with parameters", "/public/.;/admin", Error::DotSegmentWithParameters);
    row("encoded parent with parameters", "/public/%2e%2e;/admin", Error::DotSegmentWithParameters);
    row("parent with encoded semicolon", "/public/..%3bx/admin", Error::DotSegmentWithParameters);
    row("parameters at the root", "/..;/admin", Error::DotSegmentWithParameters);
    row("parameters at the end", "/a/..;", Error::DotSegmentWithParameters);

    // Climbing above the root is an attack, not a typo: never clamped.
    row("climbs above the root", "/billing/../../admin", Error::ClimbsAboveRoot);
    row("parent of the root", "/..", Error::ClimbsAboveRoot);
    row("encoded parent of the root", "/%2e%2e/admin", Error::ClimbsAboveRoot);
    row("parent of the root after merging", "//../admin", Error::ClimbsAboveRoot);
    row("climbs late", "/a/b/../../../c", Error::ClimbsAboveRoot);
    row("climbs before a query", "/..?x=1", Error::ClimbsAboveRoot);

    // Malformed escapes.
    row("lone percent", "/a%", Error::BadPercentEncoding);
    row("one hex digit", "/a%4", Error::BadPercentEncoding);
    row("not hex", "/a%zz", Error::BadPercentEncoding);
    row("half hex", "/a%4g", Error::BadPercentEncoding);
    row("escape cut by the query", "/a%4?1", Error::BadPercentEncoding);
    row("escape cut by a slash", "/a%4/1", Error::BadPercentEncoding);
    row("percent percent", "/a%%41", Error::BadPercentEncoding);

    // Control characters, raw and encoded.
    row("encoded NUL", "/a%00b", Error::ControlCharacter);
    row("encoded LF", "/a%0Ab", Error::ControlCharacter);
    row("encoded unit separator", "/a%1f", Error::ControlCharacter);
    row("encoded DEL", "/a%7F", Error::ControlCharacter);
    row("raw NUL", QByteArray("/a\0b", 4), Error::ControlCharacter);
    row("TAB", "/a\tb", Error::ControlCharacter);
    row("space", "/a b", Error::ControlCharacter);
    row("CR LF", "/a\r\nHost: evil", Error::ControlCharacter);
    row("DEL", "/a\x7f", Error::ControlCharacter);
    row("TAB in query", "/a?x=\t", Error::ControlCharacter);
    row("space in query", "/a?x y", Error::ControlCharacter);
    row("control character in slow path", "/a//b\x01", Error::ControlCharacter);

    // Bytes above ASCII.
    row("UTF-8 in path", "/caf\xc3\xa9", Error::NonAscii);
    row("UTF-8 in slow path", "/a/../caf\xc3\xa9", Error::NonAscii);
    row("UTF-8 in query", "/a?q=\xc3\xa9", Error::NonAscii);
    row("high byte", "/\xff", Error::NonAscii);

    // Fragments never reach a server.
    row("fragment", "/a#frag", Error::Fragment);
    row("fragment in query", "/a?x#y", Error::Fragment);
    row("fragment in slow path", "/a/./b#y", Error::Fragment);
    row("fragment before a question mark", "/a#?x", Error::Fragment);
}

void TestRequestPath::rejects()
{
    QFETCH(QByteArray, target);
    QFETCH(Error, error);

    const RequestPath::Result result = RequestPath::normalize(target);
    QCOMPARE(result.error, error);
    QVERIFY(!result.ok());
    QVERIFY(result.target.path.isEmpty());
    QVERIFY(result.target.query.isEmpty());
    QVERIFY(!result.target.hasQuery);
}

void TestRequestPath::capsTheLength()
{
    const QByteArray longest = '/' + QByteArray(RequestPath::kMaxTargetBytes - 1, 'a');
    QCOMPARE(RequestPath::normalize(longest).target.path, longest);
    QCOMPARE(RequestPath::normalize(QByteArray(longest + 'a')).error, Error::TooLong);
    // The cap covers the query too, and is checked before anything else.
    QCOMPARE(RequestPath::normalize(QByteArray("/a?" + QByteArray(RequestPath::kMaxTargetBytes, 'q'))).error,
        Error::TooLong);
    QCOMPARE(RequestPath::normalize(QByteArray(RequestPath::kMaxTargetBytes + 1, '*')).error, Error::TooLong);
}

void TestRequestPath::targetJoinsPathAndQuery()
{
    QCOMPARE(RequestPath::normalize("/a/../b?x=%2f").target.target(), QByteArray("/b?x=%2f"));
    QCOMPARE(RequestPath::normalize("/a/../b?").target.target(), QByteArray("/b?"));
    QCOMPARE(RequestPath::normalize("/a/../b").target.target(), QByteArray("/b"));
}

void TestRequestPath::describesEveryError()
{
    const Error errors[] = {Error::NotOriginForm, Error::BadPercentEncoding, Error::EncodedSlash,
        Error::EncodedBackslash, Error::Backslash, Error::DotSegmentWithParameters, Error::ControlCharacter,
        Error::NonAscii, Error::Fragment, Error::ClimbsAboveRoot, Error::TooLong};
    QSet<QString> seen;
    for (const Error error : errors) {
        const QString sentence = RequestPath::describe(error);
        QVERIFY(sentence.startsWith(QLatin1String("The request ")));
        QVERIFY(sentence.endsWith(u'.'));
        seen.insert(sentence);
    }
    QCOMPARE(seen.size(), qsizetype(std::size(errors)));
    QVERIFY(RequestPath::describe(Error::TooLong).contains(QLatin1String("8192")));
}

// normalize(normalize(x).target()) == normalize(x), over many generated targets.
void TestRequestPath::isIdempotentAndLeavesNoDotSegments()
{
    QRandomGenerator random(20261201);
    int accepted = 0;
    for (int i = 0; i < 50000; ++i) {
        const QByteArray input = randomTarget(random);
        const RequestPath::Result first = RequestPath::normalize(input);
        if (!first.ok())
            continue;
        ++accepted;
        verifyNormalForm(first.target);
        if (QTest::currentTestFailed())
            QFAIL(input.constData());
        const RequestPath::Result second = RequestPath::normalize(first.target.target());
        QVERIFY2(second.ok(), input.constData());
        QVERIFY2(second.target == first.target, input.constData());
    }
    // The generator must produce enough normal targets for the property to mean something.
    QVERIFY2(accepted > 10000, QByteArray::number(accepted).constData());
}

// A leading "//" forces the slow path; merging it must not change the answer (path or error). So the fast path
// and the slow path agree on every generated target.
void TestRequestPath::mergingALeadingSlashChangesNothing()
{
    QRandomGenerator random(42);
    for (int i = 0; i < 50000; ++i) {
        const QByteArray input = randomTarget(random);
        const RequestPath::Result direct = RequestPath::normalize(input);
        const RequestPath::Result merged = RequestPath::normalize(QByteArray('/' + input));
        QVERIFY2(direct == merged, input.constData());
    }
}

QTEST_GUILESS_MAIN(TestRequestPath)
#include "TestRequestPath.moc"

#pragma once

#include "core/gateway/RequestPath.h"
#include "tests/fuzz/FuzzInput.h"

#include <QByteArray>

namespace gatehouse::fuzz {

// Normalises `target` and aborts if the result breaks what RequestPath promises: an accepted path starts with '/',
// holds no "//", no dot segment, no backslash and no encoded slash; the query is the raw one; and normalising the
// result again changes nothing.
inline void checkRequestPath(QByteArrayView target)
{
    using gatehouse::gateway::RequestPath;
    const RequestPath::Result first = RequestPath::normalize(target);
    if (!first.ok()) {
        require(first.target.path.isEmpty() && !first.target.hasQuery, "a refused target carries no result");
        require(!RequestPath::describe(first.error).isEmpty(), "every error is described");
        return;
    }
    const QByteArray& path = first.target.path;
    require(path.startsWith('/'), "the path starts with '/'");
    require(!path.contains("//"), "no empty segment");
    require(!path.contains("/./") && !path.endsWith("/."), "no '.' segment");
    require(!path.contains("/../") && !path.endsWith("/.."), "no '..' segment");
    require(!path.contains('\\'), "no backslash");
    require(!path.toUpper().contains("%2F") && !path.toUpper().contains("%5C"), "no encoded slash or backslash");
    require(!path.contains('?') && !path.contains('#'), "no query or fragment in the path");
    require(path.size() <= target.size(), "normalising never lengthens the path");
    const qsizetype question = target.indexOf('?');
    require(first.target.hasQuery == (question >= 0), "the query is kept when there was one");
    if (question >= 0)
        require(first.target.query == target.sliced(question + 1), "the query is unchanged");

    const RequestPath::Result second = RequestPath::normalize(first.target.target());
    require(second.ok() && second.target == first.target, "normalising is idempotent");
}

} // namespace gatehouse::fuzz

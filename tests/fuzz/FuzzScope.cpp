// Token scopes on arbitrary text: Scope::parse, and for what it accepts the canonical round trip
// parse(toString()); ScopeSet's list and storage forms; the glob matcher (its time on hostile patterns included,
// which libFuzzer's -timeout turns into a failure).
#include "core/tokens/Scope.h"
#include "core/tokens/ScopeSet.h"
#include "tests/fuzz/FuzzInput.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace gatehouse::tokens;
using gatehouse::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    if (const auto scope = Scope::parse(text)) {
        const QString canonical = scope->toString();
        const auto again = Scope::parse(canonical);
        require(again.ok() && *again == *scope, "parse(toString()) gives the scope back");
        require(again->toString() == canonical, "the canonical text is stable");
        if (scope->kind == Scope::Kind::Api)
            require(scope->coversApi(scope->api, true), "an API scope lets its API read");
    } else {
        require(!scope.error().message.isEmpty(), "a refused scope says why");
    }

    const QStringList texts = text.split(u' ', Qt::SkipEmptyParts);
    if (const auto set = ScopeSet::parse(texts)) {
        require(!set->isEmpty(), "an accepted set is not empty");
        require(ScopeSet::fromStorage(set->toStorage()) == *set, "the storage form reads back");
        const auto again = ScopeSet::parse(set->toStringList());
        require(again.ok() && *again == *set, "the list form reads back");
        for (const Scope& scope : set->scopes()) {
            if (scope.kind == Scope::Kind::Api)
                require(set->allowsApi(scope.api, "GET").allowed, "a set lets each of its APIs read");
        }
        const ScopeDecision denied = set->allowsApi(u"not-a-mentioned-api-name", "DELETE");
        if (!denied.allowed)
            require(Scope::parse(denied.missingScope).ok(), "the missing scope is a valid scope");
    }
    const ScopeSet stored = ScopeSet::fromStorage(text);
    require(ScopeSet::fromStorage(stored.toStorage()) == stored, "storage reads back whatever it was read from");

    // A glob and a text, split at the first newline; bounded like a scope's model glob.
    const qsizetype newline = text.indexOf(u'\n');
    if (newline >= 0 && newline <= Scope::kMaxModelGlobLength) {
        const QStringView glob = QStringView(text).first(newline);
        const QStringView subject = QStringView(text).sliced(newline + 1);
        const bool matches = matchesGlob(glob, subject);
        if (!glob.contains(u'*') && !glob.contains(u'?'))
            require(matches == (glob == subject), "a glob without wildcards matches only itself");
        if (glob == u"*")
            require(matches, "'*' matches everything");
    }
    return 0;
}

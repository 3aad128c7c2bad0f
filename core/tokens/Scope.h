#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringView>

namespace gatehouse::tokens {

// One permission a token carries:
//   api:<api>          every method of the API
//   api:<api>:read     GET, HEAD and OPTIONS only
//   api:<api>:write    every method (writing implies reading)
//   ai:<provider>/<model-glob>, ai:<provider>/*, ai:*   AI routes; `*` any run, `?` one character
struct Scope
{
    enum class Kind { Api, Ai };
    enum class Access { All, Read, Write };

    static constexpr qsizetype kMaxNameLength = 63;
    static constexpr qsizetype kMaxModelGlobLength = 200;

    Kind kind = Kind::Api;
    QString api;
    Access access = Access::All;
    QString provider; // "*" for ai:*, which covers every provider and model
    QString modelGlob;

    // Errors are Error::invalid("scope", ...) and quote the text.
    static Result<Scope> parse(QStringView text);
    QString toString() const; // canonical text; parse(toString()) gives this scope back

    // Whether this scope lets `httpMethod` through to `api`. Allocation-free.
    bool coversApi(QStringView apiName, bool readMethod) const;
    // Whether this scope covers `model` of `providerName`. Allocation-free.
    bool coversModel(QStringView providerName, QStringView model) const;

    friend bool operator==(const Scope&, const Scope&) = default;
};

// Names of APIs and providers: [a-z0-9][a-z0-9-]{0,62}.
bool isScopeName(QStringView name);
// Glob match: `*` matches any run of characters (also none), `?` exactly one. Case-sensitive.
bool matchesGlob(QStringView glob, QStringView text);

} // namespace gatehouse::tokens

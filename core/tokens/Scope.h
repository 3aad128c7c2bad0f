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
//   ai:<provider>:admin  the provider's own management endpoints on the native AI routes (files, fine-tuning,
//                        batches, model deletion...), which spend the admin's provider key on things that are not
//                        one model's inference. It grants no model, and no model scope grants it: not even ai:*,
//                        so that every token able to delete a provider's files names that provider on purpose.
struct Scope
{
    enum class Kind { Api, Ai, AiAdmin };
    enum class Access { All, Read, Write };

    static constexpr qsizetype kMaxNameLength = 63;
    static constexpr qsizetype kMaxModelGlobLength = 200;

    Kind kind = Kind::Api;
    QString api;
    Access access = Access::All;
    QString provider; // "*" for ai:*, which covers every provider and model; never "*" for AiAdmin
    QString modelGlob; // empty for AiAdmin

    // Errors are Error::invalid("scope", ...) and quote the text.
    static Result<Scope> parse(QStringView text);
    QString toString() const; // canonical text; parse(toString()) gives this scope back

    // Whether this scope lets `httpMethod` through to `api`. Allocation-free.
    bool coversApi(QStringView apiName, bool readMethod) const;
    // Whether this scope covers `model` of `providerName`. Allocation-free.
    bool coversModel(QStringView providerName, QStringView model) const;
    // Whether this scope is ai:`providerName`:admin. Allocation-free.
    bool coversAiAdmin(QStringView providerName) const;

    friend bool operator==(const Scope&, const Scope&) = default;
};

// Names of APIs and providers: [a-z0-9][a-z0-9-]{0,62}.
bool isScopeName(QStringView name);
// Glob match: `*` matches any run of characters (also none), `?` exactly one. Case-sensitive.
bool matchesGlob(QStringView glob, QStringView text);

} // namespace gatehouse::tokens

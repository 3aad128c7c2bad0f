#pragma once

#include "core/common/Result.h"
#include "core/tokens/Scope.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>

namespace gatehouse::tokens {

// The outcome of a scope check. When denied, `missingScope` is the narrowest scope that would
// have allowed the request: the `scope` of an RFC 6750 insufficient_scope answer.
struct ScopeDecision
{
    bool allowed = false;
    QString missingScope;
};

// The scopes of one token, in the order they were given, without duplicates. Immutable once
// built and read concurrently by every gateway worker through the snapshot.
class ScopeSet
{
public:
    ScopeSet() = default;

    // Errors are Error::invalid("scope", ...): an empty list, or the first invalid text.
    static Result<ScopeSet> parse(const QStringList& texts);
    // From a catalog row: entries are trusted but, if one ever is invalid, it is skipped (it then
    // grants nothing) rather than failing the whole snapshot.
    static ScopeSet fromStorage(QStringView spaceSeparated);
    QString toStorage() const; // canonical scopes joined by single spaces
    QStringList toStringList() const;

    const QList<Scope>& scopes() const { return m_scopes; }
    bool isEmpty() const { return m_scopes.isEmpty(); }
    // The distinct API names that the api: scopes refer to, in order of first mention.
    QStringList apiNames() const;

    // GET, HEAD and OPTIONS need api:NAME:read, api:NAME:write or api:NAME; other methods need
    // :write or the bare form. Allocation-free unless the request is denied.
    ScopeDecision allowsApi(QStringView api, QByteArrayView httpMethod) const;
    // Needs ai:*, ai:PROVIDER/* or an ai:PROVIDER/<glob> that matches. Allocation-free unless denied.
    ScopeDecision allowsModel(QStringView provider, QStringView model) const;
    // The provider's management endpoints: needs exactly ai:PROVIDER:admin (ai:* and ai:PROVIDER/* do not grant
    // it). Allocation-free unless denied.
    ScopeDecision allowsAiAdmin(QStringView provider) const;
    bool mentionsApi(QStringView api) const;

    // Whether HTTP `method` only reads (RFC 9110 safe methods that gateways route: GET, HEAD, OPTIONS).
    static bool isReadMethod(QByteArrayView method);

    friend bool operator==(const ScopeSet&, const ScopeSet&) = default;

private:
    void add(Scope scope);

    QList<Scope> m_scopes;
};

} // namespace gatehouse::tokens

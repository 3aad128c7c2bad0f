#include "core/tokens/ScopeSet.h"

namespace gatehouse::tokens {

Result<ScopeSet> ScopeSet::parse(const QStringList& texts)
{
    if (texts.isEmpty())
        return Error::invalid(QStringLiteral("scope"),
            QStringLiteral("at least one scope is required (e.g. api:billing:read or ai:openai/*)"));
    ScopeSet set;
    for (const QString& text : texts) {
        auto scope = Scope::parse(text);
        if (!scope)
            return scope.error();
        set.add(std::move(scope).value());
    }
    return set;
}

ScopeSet ScopeSet::fromStorage(QStringView spaceSeparated)
{
    ScopeSet set;
    qsizetype pos = 0;
    while (pos < spaceSeparated.size()) {
        if (spaceSeparated[pos].isSpace()) {
            ++pos;
            continue;
        }
        qsizetype end = pos;
        while (end < spaceSeparated.size() && !spaceSeparated[end].isSpace())
            ++end;
        if (auto scope = Scope::parse(spaceSeparated.sliced(pos, end - pos)))
            set.add(std::move(scope).value());
        pos = end;
    }
    return set;
}

QString ScopeSet::toStorage() const
{
    return toStringList().join(QLatin1Char(' '));
}

QStringList ScopeSet::toStringList() const
{
    QStringList texts;
    texts.reserve(m_scopes.size());
    for (const Scope& scope : m_scopes)
        texts.append(scope.toString());
    return texts;
}

QStringList ScopeSet::apiNames() const
{
    QStringList names;
    for (const Scope& scope : m_scopes) {
        if (scope.kind == Scope::Kind::Api && !names.contains(scope.api))
            names.append(scope.api);
    }
    return names;
}

bool ScopeSet::isReadMethod(QByteArrayView method)
{
    // Methods are case-sensitive (RFC 9110 9.1): "get" is not GET and must not pass as a read.
    return method == QByteArrayView("GET") || method == QByteArrayView("HEAD") || method == QByteArrayView("OPTIONS");
}

ScopeDecision ScopeSet::allowsApi(QStringView api, QByteArrayView httpMethod) const
{
    const bool read = isReadMethod(httpMethod);
    for (const Scope& scope : m_scopes) {
        if (scope.coversApi(api, read))
            return {true, {}};
    }
    return {false, QStringLiteral("api:") % api % (read ? QLatin1StringView(":read") : QLatin1StringView(":write"))};
}

ScopeDecision ScopeSet::allowsModel(QStringView provider, QStringView model) const
{
    for (const Scope& scope : m_scopes) {
        if (scope.coversModel(provider, model))
            return {true, {}};
    }
    return {false, QStringLiteral("ai:") % provider % QLatin1Char('/') % model};
}

ScopeDecision ScopeSet::allowsAiAdmin(QStringView provider) const
{
    for (const Scope& scope : m_scopes) {
        if (scope.coversAiAdmin(provider))
            return {true, {}};
    }
    return {false, QStringLiteral("ai:") % provider % QStringLiteral(":admin")};
}

bool ScopeSet::mentionsApi(QStringView api) const
{
    for (const Scope& scope : m_scopes) {
        if (scope.kind == Scope::Kind::Api && QStringView(scope.api) == api)
            return true;
    }
    return false;
}

void ScopeSet::add(Scope scope)
{
    if (!m_scopes.contains(scope))
        m_scopes.append(std::move(scope));
}

} // namespace gatehouse::tokens

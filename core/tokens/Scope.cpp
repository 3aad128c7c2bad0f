#include "core/tokens/Scope.h"

namespace gatehouse::tokens {

namespace {

QString field()
{
    return QStringLiteral("scope");
}

bool isNameChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || (!first && u == u'-');
}

bool isGlobChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || QStringView(u"._:/@*?-").contains(c);
}

Error invalid(QStringView text, const QString& why)
{
    return Error::invalid(field(), QStringLiteral("\"%1\" is not a valid scope: %2").arg(text, why));
}

QString nameRule(const char16_t* what)
{
    return QStringLiteral("%1 names are 1 to 63 lower-case letters, digits or '-', starting with a letter or digit")
        .arg(QStringView(what));
}

Result<Scope> parseApi(QStringView text, QStringView rest)
{
    Scope scope;
    scope.kind = Scope::Kind::Api;
    const qsizetype colon = rest.indexOf(u':');
    const QStringView name = colon < 0 ? rest : rest.first(colon);
    if (!isScopeName(name))
        return invalid(text, nameRule(u"API"));
    if (colon >= 0) {
        const QStringView access = rest.sliced(colon + 1);
        if (access == u"read")
            scope.access = Scope::Access::Read;
        else if (access == u"write")
            scope.access = Scope::Access::Write;
        else
            return invalid(text, QStringLiteral("the access after the API name must be read or write"));
    }
    scope.api = name.toString();
    return scope;
}

QString aiForms()
{
    return QStringLiteral("use ai:<provider>/<model>, ai:<provider>/*, ai:<provider>:admin or ai:*");
}

// ai:<provider>:admin. `rest` is what follows "ai:", and its first ':' comes before any '/'.
Result<Scope> parseAiAdmin(QStringView text, QStringView rest, qsizetype colon)
{
    const QStringView provider = rest.first(colon);
    if (rest.sliced(colon + 1) != u"admin")
        return invalid(text, QStringLiteral("only :admin may follow a provider name (%1)").arg(aiForms()));
    if (provider == u"*")
        return invalid(text, QStringLiteral("admin access must name one provider (ai:<provider>:admin)"));
    if (!isScopeName(provider))
        return invalid(text, nameRule(u"provider"));
    Scope scope;
    scope.kind = Scope::Kind::AiAdmin;
    scope.provider = provider.toString();
    return scope;
}

Result<Scope> parseAi(QStringView text, QStringView rest)
{
    Scope scope;
    scope.kind = Scope::Kind::Ai;
    if (rest == u"*") {
        scope.provider = QStringLiteral("*");
        scope.modelGlob = QStringLiteral("*");
        return scope;
    }
    const qsizetype slash = rest.indexOf(u'/');
    // Model globs may hold ':' (llama3:8b), so only a ':' before the first '/' ends the provider name.
    const qsizetype colon = rest.indexOf(u':');
    if (colon >= 0 && (slash < 0 || colon < slash))
        return parseAiAdmin(text, rest, colon);
    if (slash < 0)
        return invalid(text, aiForms());
    const QStringView provider = rest.first(slash);
    const QStringView glob = rest.sliced(slash + 1);
    if (!isScopeName(provider))
        return invalid(text, nameRule(u"provider"));
    if (glob.isEmpty() || glob.size() > Scope::kMaxModelGlobLength)
        return invalid(text, QStringLiteral("the model must be 1 to 200 characters (use * for every model)"));
    for (const QChar c : glob) {
        if (!isGlobChar(c))
            return invalid(text, QStringLiteral("the model may hold only letters, digits and . _ : / @ - * ?"));
    }
    scope.provider = provider.toString();
    scope.modelGlob = glob.toString();
    return scope;
}

} // namespace

bool isScopeName(QStringView name)
{
    if (name.isEmpty() || name.size() > Scope::kMaxNameLength)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name[i], i == 0))
            return false;
    }
    return true;
}

bool matchesGlob(QStringView glob, QStringView text)
{
    // Greedy scan that backtracks only to the last '*': linear in practice, O(n*m) at worst,
    // and no recursion or allocation on the gateway's request path.
    qsizetype g = 0, t = 0;
    qsizetype starGlob = -1, starText = 0;
    while (t < text.size()) {
        if (g < glob.size() && (glob[g] == u'?' || (glob[g] != u'*' && glob[g] == text[t]))) {
            ++g;
            ++t;
        } else if (g < glob.size() && glob[g] == u'*') {
            starGlob = g++;
            starText = t;
        } else if (starGlob >= 0) {
            g = starGlob + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == u'*')
        ++g;
    return g == glob.size();
}

Result<Scope> Scope::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(field(), QStringLiteral("a scope cannot be empty (e.g. api:billing or ai:openai/*)"));
    if (trimmed.startsWith(u"api:"))
        return parseApi(trimmed, trimmed.sliced(4));
    if (trimmed.startsWith(u"ai:"))
        return parseAi(trimmed, trimmed.sliced(3));
    return invalid(
        trimmed, QStringLiteral("a scope starts with api: or ai: (e.g. api:billing:read or ai:openai/gpt-4o)"));
}

QString Scope::toString() const
{
    if (kind == Kind::AiAdmin)
        return QStringLiteral("ai:") % provider % QStringLiteral(":admin");
    if (kind == Kind::Ai) {
        if (provider == u"*")
            return QStringLiteral("ai:*");
        return QStringLiteral("ai:") % provider % QLatin1Char('/') % modelGlob;
    }
    switch (access) {
    case Access::Read:
        return QStringLiteral("api:") % api % QStringLiteral(":read");
    case Access::Write:
        return QStringLiteral("api:") % api % QStringLiteral(":write");
    case Access::All:
        break;
    }
    return QStringLiteral("api:") % api;
}

bool Scope::coversApi(QStringView apiName, bool readMethod) const
{
    return kind == Kind::Api && QStringView(api) == apiName && (access != Access::Read || readMethod);
}

bool Scope::coversModel(QStringView providerName, QStringView model) const
{
    if (kind != Kind::Ai)
        return false;
    if (provider == u"*")
        return true;
    return QStringView(provider) == providerName && matchesGlob(modelGlob, model);
}

bool Scope::coversAiAdmin(QStringView providerName) const
{
    // Deliberately exact: neither ai:* nor ai:<provider>/* reaches here, see the header.
    return kind == Kind::AiAdmin && QStringView(provider) == providerName;
}

} // namespace gatehouse::tokens

#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"
#include "app/cli/LimitOptions.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/TokenService.h"
#include "core/common/Clock.h"
#include "core/tokens/Duration.h"
#include "core/usage/UsageLedger.h"

#include <QJsonArray>

namespace gatehouse::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: gatehouse-cli token create --consumer NAME --scope SCOPE [--scope SCOPE ...] --ttl DURATION [--name "
    "LABEL]\n"
    "                                  [--rate-limit 10/s] [--budget-daily TOKENS] [--budget-monthly TOKENS]\n"
    "                                  [--ai-rpm N] [--ai-tpm TOKENS]\n"
    "       gatehouse-cli token limits ID [--rate-limit RATE|none] [--budget-daily TOKENS|none]\n"
    "                                  [--budget-monthly TOKENS|none] [--ai-rpm N|none] [--ai-tpm TOKENS|none]\n"
    "       gatehouse-cli token list [--consumer NAME] [--state active|expiring|expired|revoked] [--within 7d]\n"
    "       gatehouse-cli token show ID | token revoke ID [--reason TEXT] | token rotate ID [--grace DURATION]\n"
    "scopes: api:NAME, api:NAME:read, api:NAME:write, ai:PROVIDER/MODEL-GLOB, ai:*, ai:PROVIDER:admin\n"
    "ttl:    15m, 1h, 7d, 90d, an ISO 8601 time (2027-01-31T00:00:00Z), or never\n"
    "budgets: AI tokens (prompt + completion) a UTC day or month, as 250000, 250k or 2M; the consumer may have its\n"
    "         own (`consumer update NAME --budget-daily ...`), shared by all of its tokens\n");

Result<qint64> parseId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::invalid(
            QStringLiteral("ID"), QStringLiteral("\"%1\" is not a token id (a positive number)").arg(text));
    return id;
}

// The token that a command's ID argument names, after opening the catalog. The error is that of the step that
// failed (the id, the catalog, the lookup), for the command to print as it is with context.fail().
Result<Token> findToken(CliContext& context, const QString& idText)
{
    auto id = parseId(idText);
    if (!id)
        return id.error();
    if (auto opened = context.open(); !opened)
        return opened.error();
    return context.tokens().find(*id);
}

QString describeAiRates(const AiLimits& limits)
{
    QStringList parts;
    if (limits.requestsPerMinute > 0)
        parts << QStringLiteral("%1 requests/min").arg(limits.requestsPerMinute);
    if (limits.tokensPerMinute > 0)
        parts << aiLimits::formatTokens(limits.tokensPerMinute) + QStringLiteral(" tokens/min");
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

void printToken(CliContext& context, const Token& token)
{
    const TokenState state = context.tokens().state(token);
    if (context.json) {
        context.printJson(toJson(token, state));
        return;
    }
    QTextStream& out = context.out();
    out << "id:            " << token.id << '\n'
        << "name:          " << token.name << '\n'
        << "consumer:      " << token.consumerName << '\n'
        << "state:         " << tokenState::name(state) << '\n'
        << "scopes:        " << token.scopes.join(u' ') << '\n'
        << "rate limit:    " << (token.rateLimit.isEmpty() ? QStringLiteral("the API's default") : token.rateLimit)
        << '\n'
        << "AI budget:     " << describeBudget(token.aiLimits.budget) << '\n'
        << "AI limits:     " << describeAiRates(token.aiLimits) << '\n';
    if (auto usage = UsageLedger::read(context.catalog(), Clock::system().nowMs())) {
        const UsageLedger::Spent spent = usage->tokens.value(token.id);
        out << "AI usage:      " << spent.day << " tokens today, " << spent.month << " this month (UTC)\n";
    }
    out << "hint:          gth_..." << token.hint << '\n'
        << "created:       " << displayTime(token.created) << '\n'
        << "expires:       " << (token.neverExpires() ? QStringLiteral("never") : displayTime(token.expires)) << '\n';
    if (token.revoked.isValid())
        out << "revoked:       " << displayTime(token.revoked) << " (" << token.revokeReason << ")\n";
    if (token.graceEnds.isValid())
        out << "grace ends:    " << displayTime(token.graceEnds) << '\n';
    if (token.rotatedFrom)
        out << "replaces:      token " << token.rotatedFrom << '\n';
    out << "last used:     " << displayTime(token.lastUsed)
        << (token.lastUsedAddress.isEmpty() ? QString() : QStringLiteral(" from ") + token.lastUsedAddress) << '\n';
    out.flush();
}

// The plaintext goes to stdout alone, so that `TOKEN=$(gatehouse-cli token create ...)` works;
// the explanation goes to stderr.
void printIssued(CliContext& context, const IssuedToken& issued)
{
    if (context.json) {
        QJsonObject object = toJson(issued.token, context.tokens().state(issued.token));
        object.insert(QStringLiteral("token"), issued.plaintext.toString());
        context.printJson(object);
        return;
    }
    const Token& token = issued.token;
    context.err() << "Token " << token.id << " \"" << token.name << "\" for " << token.consumerName << ", expires "
                  << (token.neverExpires() ? QStringLiteral("never") : displayTime(token.expires))
                  << ". Copy it now: it is shown only this once." << Qt::endl;
    context.out() << issued.plaintext.toString() << Qt::endl;
}

int create(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("consumer"), QStringLiteral("Who the token is for."), QStringLiteral("NAME")},
        {QStringLiteral("scope"), QStringLiteral("A scope; repeat for more."), QStringLiteral("SCOPE")},
        {QStringLiteral("ttl"), QStringLiteral("Lifetime: 15m, 1h, 7d, 90d, an ISO 8601 time, or never."),
            QStringLiteral("DURATION")},
        {QStringLiteral("name"), QStringLiteral("A label for the token."), QStringLiteral("LABEL")},
        {QStringLiteral("rate-limit"), QStringLiteral("This token's own rate: 10/s, 600/m."), QStringLiteral("RATE")}});
    parser.addOptions(budgetOptions());
    parser.addOptions(aiRateOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token create"), args, 0, exitCode))
        return exitCode;
    for (const char* required : {"consumer", "scope", "ttl"}) {
        if (!parser.isSet(QString::fromLatin1(required)))
            return context.usage(QStringLiteral("token create: --%1 is required").arg(QString::fromLatin1(required)));
    }
    auto expiry = tokens::parseExpiry(parser.value(QStringLiteral("ttl")), Clock::system().now(), u"ttl");
    if (!expiry)
        return context.fail(expiry.error());
    auto limits = readAiLimitOptions(parser);
    if (!limits)
        return context.fail(limits.error());
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    TokenRequest request {parser.value(QStringLiteral("consumer")), parser.value(QStringLiteral("name")),
        parser.values(QStringLiteral("scope")), *expiry, parser.value(QStringLiteral("rate-limit")), *limits};
    auto issued = context.tokens().create(request);
    if (!issued)
        return context.fail(issued.error());
    printIssued(context, *issued);
    return kExitOk;
}

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("consumer"), QStringLiteral("Only this consumer's tokens."), QStringLiteral("NAME")},
            {QStringLiteral("state"), QStringLiteral("active (every usable token), expiring, expired or revoked."),
                QStringLiteral("STATE")},
            {QStringLiteral("within"), QStringLiteral("The \"expiring\" window (default 7d)."),
                QStringLiteral("DURATION")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token list"), args, 0, exitCode))
        return exitCode;
    TokenFilter filter;
    filter.consumer = parser.value(QStringLiteral("consumer"));
    if (parser.isSet(QStringLiteral("state"))) {
        filter.state = tokenState::fromName(parser.value(QStringLiteral("state")));
        if (!filter.state) {
            return context.usage(
                QStringLiteral("token list: --state must be active, expiring, expired or revoked, not \"%1\"")
                    .arg(parser.value(QStringLiteral("state"))));
        }
    }
    if (parser.isSet(QStringLiteral("within"))) {
        auto window = tokens::parseDurationMs(parser.value(QStringLiteral("within")), u"within");
        if (!window)
            return context.fail(window.error());
        filter.expiringWindowMs = *window;
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    if (!filter.consumer.isEmpty()) {
        if (auto consumer = context.consumers().find(filter.consumer); !consumer)
            return context.fail(consumer.error());
    }
    auto tokens = context.tokens().list(filter);
    if (!tokens)
        return context.fail(tokens.error());
    TokenService& service = context.tokens();
    const qint64 window = filter.expiringWindowMs;
    context.printList(
        *tokens, [&](const Token& token) { return toJson(token, service.state(token, window)); },
        {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("CONSUMER"), QStringLiteral("STATE"),
            QStringLiteral("EXPIRES"), QStringLiteral("LAST USED"), QStringLiteral("SCOPES")},
        [&](const Token& token) {
            return QStringList {QString::number(token.id), token.name, token.consumerName,
                tokenState::name(service.state(token, window)),
                token.neverExpires() ? QStringLiteral("never") : displayTime(token.expires),
                displayTime(token.lastUsed), token.scopes.join(u' ')};
        });
    return kExitOk;
}

int show(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The token's id."));
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token show"), args, 1, exitCode))
        return exitCode;
    auto token = findToken(context, parser.positionalArguments().at(0));
    if (!token)
        return context.fail(token.error());
    printToken(context, *token);
    return kExitOk;
}

int revoke(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The token's id."));
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why, for the audit trail."), QStringLiteral("TEXT")});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token revoke"), args, 1, exitCode))
        return exitCode;
    auto id = parseId(parser.positionalArguments().at(0));
    if (!id)
        return context.fail(id.error());
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto token = context.tokens().revoke(*id, parser.value(QStringLiteral("reason")));
    if (!token)
        return context.fail(token.error());
    if (context.json)
        context.printJson(toJson(*token, context.tokens().state(*token)));
    else
        context.out() << "Revoked token " << token->id << " (" << token->name << ", " << token->consumerName << ")"
                      << Qt::endl;
    return kExitOk;
}

int rotate(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The token's id."));
    parser.addOption({QStringLiteral("grace"), QStringLiteral("How long the old token keeps working (default 0)."),
        QStringLiteral("DURATION")});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token rotate"), args, 1, exitCode))
        return exitCode;
    auto id = parseId(parser.positionalArguments().at(0));
    if (!id)
        return context.fail(id.error());
    qint64 graceMs = 0;
    const QString grace = parser.value(QStringLiteral("grace"));
    if (!grace.isEmpty() && grace != QLatin1StringView("0")) {
        auto parsed = tokens::parseDurationMs(grace, u"grace");
        if (!parsed)
            return context.fail(parsed.error());
        graceMs = *parsed;
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto issued = context.tokens().rotate(*id, graceMs);
    if (!issued)
        return context.fail(issued.error());
    printIssued(context, *issued);
    return kExitOk;
}

int limits(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The token's id."));
    parser.addOption({QStringLiteral("rate-limit"), QStringLiteral("This token's own rate: 10/s, 600/m, or none."),
        QStringLiteral("RATE")});
    parser.addOptions(budgetOptions());
    parser.addOptions(aiRateOptions());
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("token limits"), args, 1, exitCode))
        return exitCode;
    auto token = findToken(context, parser.positionalArguments().at(0));
    if (!token)
        return context.fail(token.error());
    // Without options it only shows them; with some, those change and the rest stay.
    auto ai = readAiLimitOptions(parser, token->aiLimits);
    if (!ai)
        return context.fail(ai.error());
    TokenLimits limits {token->rateLimit, *ai};
    if (parser.isSet(QStringLiteral("rate-limit")))
        limits.rateLimit = parser.value(QStringLiteral("rate-limit"));
    if (limits.rateLimit != token->rateLimit || limits.aiLimits != token->aiLimits) {
        auto changed = context.tokens().setLimits(token->id, limits);
        if (!changed)
            return context.fail(changed.error());
        token = std::move(changed);
    }
    printToken(context, *token);
    return kExitOk;
}

} // namespace

int runTokenCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("token"), std::move(args), kUsage,
        {{QStringLiteral("create"), create}, {QStringLiteral("list"), list}, {QStringLiteral("show"), show},
            {QStringLiteral("revoke"), revoke}, {QStringLiteral("rotate"), rotate},
            {QStringLiteral("limits"), limits}});
}

} // namespace gatehouse::cli

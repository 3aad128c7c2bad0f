#include "app/cli/LimitOptions.h"

namespace gatehouse::cli {

namespace {

const QString kBudgetDaily = QStringLiteral("budget-daily");
const QString kBudgetMonthly = QStringLiteral("budget-monthly");
const QString kAiRpm = QStringLiteral("ai-rpm");
const QString kAiTpm = QStringLiteral("ai-tpm");

// Replaces `value` with the option's when it was given.
Result<void> readTokens(const QCommandLineParser& parser, const QString& option, qint64& value)
{
    if (!parser.isSet(option))
        return {};
    auto parsed = aiLimits::parseTokens(parser.value(option), option);
    if (!parsed)
        return parsed.error();
    value = *parsed;
    return {};
}

} // namespace

QList<QCommandLineOption> budgetOptions()
{
    return {{kBudgetDaily, QStringLiteral("AI tokens a UTC day: 250000, 250k, 2M, or none."), QStringLiteral("TOKENS")},
        {kBudgetMonthly, QStringLiteral("AI tokens a UTC calendar month: 5M, or none."), QStringLiteral("TOKENS")}};
}

QList<QCommandLineOption> aiRateOptions()
{
    return {{kAiRpm, QStringLiteral("AI requests a minute, or none."), QStringLiteral("N")},
        {kAiTpm, QStringLiteral("AI tokens a minute: 100k, or none."), QStringLiteral("TOKENS")}};
}

Result<UsageBudget> readBudgetOptions(const QCommandLineParser& parser, UsageBudget budget)
{
    if (auto daily = readTokens(parser, kBudgetDaily, budget.dailyTokens); !daily)
        return daily.error();
    if (auto monthly = readTokens(parser, kBudgetMonthly, budget.monthlyTokens); !monthly)
        return monthly.error();
    return budget;
}

Result<AiLimits> readAiLimitOptions(const QCommandLineParser& parser, AiLimits limits)
{
    auto budget = readBudgetOptions(parser, limits.budget);
    if (!budget)
        return budget.error();
    limits.budget = *budget;
    if (parser.isSet(kAiRpm)) {
        auto requests = aiLimits::parseRequests(parser.value(kAiRpm), kAiRpm);
        if (!requests)
            return requests.error();
        limits.requestsPerMinute = *requests;
    }
    if (auto tokens = readTokens(parser, kAiTpm, limits.tokensPerMinute); !tokens)
        return tokens.error();
    return limits;
}

QString describeBudget(const UsageBudget& budget)
{
    QStringList parts;
    if (budget.dailyTokens > 0)
        parts << aiLimits::formatTokens(budget.dailyTokens) + QStringLiteral("/day");
    if (budget.monthlyTokens > 0)
        parts << aiLimits::formatTokens(budget.monthlyTokens) + QStringLiteral("/month");
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

} // namespace gatehouse::cli

#pragma once

#include "core/catalog/AiLimits.h"
#include "core/common/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace gatehouse::cli {

// The options that set AI budgets and limits, shared by `token create`, `token limits`, `consumer add` and
// `consumer update`: --budget-daily and --budget-monthly (tokens; 250k, 2M; none), and for tokens also --ai-rpm
// (requests a minute) and --ai-tpm (tokens a minute).
QList<QCommandLineOption> budgetOptions();
QList<QCommandLineOption> aiRateOptions();

// `budget` with the budget options given on the command line replacing its values.
Result<UsageBudget> readBudgetOptions(const QCommandLineParser& parser, UsageBudget budget = {});
// `limits` with all the options above that were given replacing its values.
Result<AiLimits> readAiLimitOptions(const QCommandLineParser& parser, AiLimits limits = {});

// "250k/day, 2M/month" or "none", as `show` prints a budget.
QString describeBudget(const UsageBudget& budget);

} // namespace gatehouse::cli

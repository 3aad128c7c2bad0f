#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gatehouse {

// A cap on the AI tokens (prompt plus completion) spent per UTC day and per UTC calendar month, for a token or a
// whole consumer. 0 means no cap.
struct UsageBudget
{
    qint64 dailyTokens = 0;
    qint64 monthlyTokens = 0;

    bool isSet() const { return dailyTokens > 0 || monthlyTokens > 0; }
    friend bool operator==(const UsageBudget&, const UsageBudget&) = default;
};

// What a token may spend on the AI routes: its budget, and how fast it may go (requests and tokens a minute).
// 0 means no limit.
struct AiLimits
{
    UsageBudget budget;
    qint64 requestsPerMinute = 0;
    qint64 tokensPerMinute = 0;

    friend bool operator==(const AiLimits&, const AiLimits&) = default;
};

namespace aiLimits {

constexpr qint64 kMaxTokens = 1'000'000'000'000; // a trillion: more than any budget, less than overflow
constexpr qint64 kMaxRequestsPerMinute = 1'000'000;
constexpr qint64 kMaxTokensPerMinute = 1'000'000'000; // the rate limiter counts in int

// An amount of tokens as an admin types it: "250000", "250k", "2M", "1.5M"; "", "none" and "0" mean no limit.
Result<qint64> parseTokens(QStringView text, QStringView field);
// A number of requests a minute: "60"; "", "none" and "0" mean no limit.
Result<qint64> parseRequests(QStringView text, QStringView field);
// The way parseTokens reads it back: "250k", "2M", "1234"; "none" for 0.
QString formatTokens(qint64 tokens);
// Rejects negative and absurd values (the services call it, whatever the front end checked).
Result<void> validate(const AiLimits& limits);
Result<void> validate(const UsageBudget& budget);

} // namespace aiLimits

} // namespace gatehouse
